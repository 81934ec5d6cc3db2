# Helpers for end-to-end tests: the real careers-kiosk under its own Xvfb, driven by xdotool.
#
# CTest runs each tests/e2e/test_*.sh as `bash SCRIPT PATH_TO_careers-kiosk ARTEFACT_DIR`.
# A test script looks like this:
#
#   #!/usr/bin/env bash
#   set -euo pipefail
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   e2e_init "$@"                       # binary, artefact dir, cleanup trap
#   e2e_start_xvfb 1280x800
#   e2e_start_kiosk --content "$E2E_CONTENT" --stats "$E2E_TMP/stats.db"
#   before="$(e2e_screenshot home)"
#   e2e_tap 200 300
#   after="$(e2e_screenshot role)"
#   e2e_images_differ "$before" "$after" || e2e_fail "tapping a role card changed nothing"
#   e2e_pass "tapping a role card opens its page"
#
# Sections
#   1. messages and tools      e2e_log, e2e_fail, e2e_pass, e2e_require
#   2. set-up and cleanup      e2e_init, e2e_on_exit (the trap kills only PIDs started here)
#   3. the X server            e2e_start_xvfb
#   4. the kiosk               e2e_start_kiosk, e2e_kiosk_alive, e2e_stop_kiosk
#   5. input                   e2e_tap, e2e_drag, e2e_key
#   6. looking at the screen   e2e_screenshot, e2e_pixel, e2e_colour_close, e2e_crop,
#                              e2e_images_differ, e2e_wait_settled, e2e_wait_for
#   7. the statistics          e2e_sql
#
# Variables set for the test (read them, do not assign them):
#   E2E_BIN E2E_ARTEFACTS   the two arguments, as absolute paths
#   E2E_SOURCE_DIR          the repository (KIOSK_SOURCE_DIR from CTest, else found from here)
#   E2E_CONTENT             the bundled content folder
#   E2E_SHARED_DIR          ../shared (KIOSK_SHARED_DIR from CTest)
#   E2E_TMP                 a private scratch folder, removed at exit (stats DBs, configs)
#   E2E_DISPLAY E2E_WIDTH E2E_HEIGHT E2E_XVFB_PID   after e2e_start_xvfb (DISPLAY is exported)
#   E2E_KIOSK_PID E2E_KIOSK_WINDOW E2E_KIOSK_LOG    after e2e_start_kiosk
#   E2E_KIOSK_STATUS        after e2e_stop_kiosk: its exit status (128+N when killed by signal N)
#
# Tunables (environment): E2E_START_TIMEOUT (s, default 60), E2E_TAP_HOLD (s, 0.08),
# E2E_INPUT_SETTLE (s, 0.3: frames the app draws after input), E2E_DRAG_STEPS (12),
# E2E_DRAG_STEP_DELAY (s, 0.03), E2E_WINDOW_NAME (regex, "Careers kiosk").
# shellcheck shell=bash disable=SC2034  # variables here are for the scripts that source this

set -euo pipefail

# ----------------------------------------------------------------------------------------
# 1. messages and tools
# ----------------------------------------------------------------------------------------

E2E_NAME="$(basename "${0:-e2e}" .sh)"

e2e_log() {
    printf '[%s %s] %s\n' "$E2E_NAME" "$(date +%H:%M:%S)" "$*" >&2
}

# Prints FAIL with the reason and exits 1; the EXIT trap then cleans up.
e2e_fail() {
    printf '[%s] FAIL: %s\n' "$E2E_NAME" "$*" >&2
    exit 1
}

e2e_pass() {
    printf '[%s] PASS: %s\n' "$E2E_NAME" "$*" >&2
}

# Debian package that provides each tool, for the message when one is missing.
_e2e_package_of() {
    case "$1" in
        Xvfb) echo xvfb ;;
        xdotool) echo xdotool ;;
        import | compare | convert | identify) echo imagemagick ;;
        xdpyinfo) echo x11-utils ;;
        sqlite3) echo sqlite3 ;;
        *) echo "the package providing $1" ;;
    esac
}

# e2e_require TOOL... : fails clearly, naming the Debian package, when a tool is missing.
e2e_require() {
    local tool
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            e2e_fail "missing tool '$tool': install $(_e2e_package_of "$tool") (kiosk/install-deps.sh --test)"
        fi
    done
}

# ----------------------------------------------------------------------------------------
# 2. set-up and cleanup
# ----------------------------------------------------------------------------------------

E2E_PIDS=()           # every process this harness started, in start order
declare -gA E2E_PID_START=() # PID -> kernel start time, to tell our process from a reused PID
E2E_EXIT_HOOKS=()     # commands registered with e2e_on_exit, run first at exit
E2E_XVFB_PID=""
E2E_DISPLAY=""
E2E_DISPLAY_NUM=""
E2E_KIOSK_PID=""
E2E_KIOSK_WINDOW=""
E2E_KIOSK_LOG=""
E2E_KIOSK_STATUS=""
_e2e_kiosk_starts=0
# Processes are started through setpriv --pdeathsig, so the kernel sends them SIGTERM if
# this script itself is killed outright (a CTest timeout): no Xvfb is left behind even
# when the cleanup trap cannot run.
_E2E_LAUNCH=()
if command -v setpriv >/dev/null 2>&1 && setpriv --help 2>&1 | grep -q -- --pdeathsig; then
    _E2E_LAUNCH=(setpriv --pdeathsig TERM --)
fi

# e2e_init BINARY ARTEFACT_DIR : checks the arguments and tools, makes the artefact
# folder and a scratch folder, and installs the cleanup trap.
e2e_init() {
    [[ $# -ge 2 ]] || e2e_fail "usage: bash $0 PATH_TO_careers-kiosk ARTEFACT_DIR"
    E2E_BIN="$(realpath -m -- "$1")"
    E2E_ARTEFACTS="$(realpath -m -- "$2")"
    [[ -x $E2E_BIN ]] || e2e_fail "no executable at $E2E_BIN (build the careers-kiosk target first)"
    e2e_require Xvfb xdotool import compare convert
    mkdir -p -- "$E2E_ARTEFACTS" || e2e_fail "cannot create artefact folder $E2E_ARTEFACTS"
    # Screenshots from an earlier run would make a failed step look like it worked.
    find "$E2E_ARTEFACTS" -maxdepth 1 -type f \( -name '*.png' -o -name '*.log' \) -delete

    local here
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    E2E_SOURCE_DIR="${KIOSK_SOURCE_DIR:-$(cd "$here/../.." && pwd)}"
    E2E_CONTENT="$E2E_SOURCE_DIR/content"
    E2E_SHARED_DIR="${KIOSK_SHARED_DIR:-$E2E_SOURCE_DIR/../shared}"
    E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-e2e.XXXXXX")"

    trap _e2e_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    e2e_log "binary $E2E_BIN, artefacts in $E2E_ARTEFACTS"
}

# e2e_on_exit COMMAND... : runs COMMAND at exit, before the processes are stopped
# (e.g. copy a database into the artefacts).
e2e_on_exit() {
    E2E_EXIT_HOOKS+=("$*")
}

_e2e_forget_pid() {
    local keep=() p
    for p in "${E2E_PIDS[@]}"; do
        [[ $p == "$1" ]] || keep+=("$p")
    done
    E2E_PIDS=("${keep[@]}")
}

# Fields of /proc/PID/stat from the third on (state, ppid, ...), or nothing once the
# process is gone. The command name in field two may hold spaces, so split after ')'.
_e2e_proc_fields() {
    local stat
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
    echo "${stat##*) }"
}

# _e2e_track PID : remembers a process this harness started, with its kernel start time,
# so a later signal can never reach another process that was given the same PID.
_e2e_track() {
    local -a f
    read -r -a f <<<"$(_e2e_proc_fields "$1")"
    E2E_PID_START[$1]="${f[19]:-gone}"
    E2E_PIDS+=("$1")
}

# True while PID is the very process we started and has not exited (a zombie has exited).
_e2e_alive() {
    local -a f
    read -r -a f <<<"$(_e2e_proc_fields "$1")"
    [[ ${#f[@]} -gt 19 && ${f[0]} != Z && ${f[0]} != X && ${f[19]} == "${E2E_PID_START[$1]:-}" ]]
}

# Stops one of our own children: SIGTERM (or the given signal), up to TIMEOUT seconds,
# then SIGKILL. Reaps it, and sets _e2e_status to its exit status (128+N for signal N).
_e2e_stop_pid() {
    local pid="$1" signal="${2:-TERM}" timeout="${3:-10}" waited=0
    _e2e_status=0
    if _e2e_alive "$pid"; then
        kill "-$signal" "$pid" 2>/dev/null || true
        while _e2e_alive "$pid" && ((waited < timeout * 10)); do
            sleep 0.1
            waited=$((waited + 1))
        done
        if _e2e_alive "$pid"; then
            e2e_log "PID $pid still running ${timeout}s after SIG$signal; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || _e2e_status=$?
    _e2e_forget_pid "$pid"
}

_e2e_cleanup() {
    local status=$? hook i pid
    trap - EXIT INT TERM
    set +e
    for hook in "${E2E_EXIT_HOOKS[@]}"; do
        eval "$hook"
    done
    if [[ $status -ne 0 && -n $E2E_KIOSK_LOG && -s $E2E_KIOSK_LOG ]]; then
        e2e_log "last lines of $E2E_KIOSK_LOG:"
        tail -n 20 "$E2E_KIOSK_LOG" >&2
    fi
    # Newest first: the kiosk goes before the X server it draws on.
    for ((i = ${#E2E_PIDS[@]} - 1; i >= 0; i--)); do
        pid="${E2E_PIDS[i]}"
        _e2e_stop_pid "$pid" TERM 5
    done
    # An Xvfb that had to be killed leaves its lock and socket; remove them only when the
    # lock still names our server, so another run's display is never touched.
    if [[ -n $E2E_DISPLAY_NUM && -n $E2E_XVFB_PID ]] && [[ $(_e2e_lock_pid "$E2E_DISPLAY_NUM") == "$E2E_XVFB_PID" ]]; then
        rm -f "/tmp/.X$E2E_DISPLAY_NUM-lock" "/tmp/.X11-unix/X$E2E_DISPLAY_NUM"
    fi
    [[ -n ${E2E_TMP:-} && -d $E2E_TMP ]] && rm -rf -- "$E2E_TMP"
    exit "$status"
}

# ----------------------------------------------------------------------------------------
# 3. the X server
# ----------------------------------------------------------------------------------------

# The PID written in an X lock file, or nothing.
_e2e_lock_pid() {
    local pid=""
    if [[ -r /tmp/.X$1-lock ]]; then
        pid="$(tr -d ' \n' <"/tmp/.X$1-lock" 2>/dev/null || true)"
    fi
    echo "$pid"
}

# True once the display answers.
_e2e_display_ready() {
    if command -v xdpyinfo >/dev/null 2>&1; then
        DISPLAY="$1" xdpyinfo >/dev/null 2>&1
    else
        DISPLAY="$1" xdotool getdisplaygeometry >/dev/null 2>&1
    fi
}

# e2e_start_xvfb [WxH] : starts Xvfb on a free display (default 1920x1080), waits until it
# answers, and exports DISPLAY. Picks a random number from 50 up, skips any with a lock
# file or socket, and tries another if the server does not come up (another run may have
# taken the same number at the same moment).
e2e_start_xvfb() {
    local size="${1:-1920x1080}" attempt n pid log deadline
    [[ $size =~ ^([0-9]+)x([0-9]+)$ ]] || e2e_fail "e2e_start_xvfb: size must be WxH, got '$size'"
    [[ -z $E2E_XVFB_PID ]] || e2e_fail "e2e_start_xvfb: this test already has an X server ($E2E_DISPLAY)"
    E2E_WIDTH="${BASH_REMATCH[1]}"
    E2E_HEIGHT="${BASH_REMATCH[2]}"
    log="$E2E_ARTEFACTS/xvfb.log"
    for attempt in $(seq 1 25); do
        n=$((50 + (RANDOM + attempt * 37) % 900))
        if [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; then
            continue
        fi
        echo "--- attempt $attempt on :$n" >>"$log"
        "${_E2E_LAUNCH[@]}" Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp -noreset >>"$log" 2>&1 &
        pid=$!
        deadline=$((SECONDS + 20))
        _e2e_track "$pid"
        while ((SECONDS < deadline)) && _e2e_alive "$pid"; do
            # The lock must name our server: a fast "ready" could otherwise come from
            # another run's server that won the race for this number.
            if [[ $(_e2e_lock_pid "$n") == "$pid" ]] && _e2e_display_ready ":$n"; then
                E2E_XVFB_PID="$pid"
                E2E_DISPLAY=":$n"
                E2E_DISPLAY_NUM="$n"
                export DISPLAY=":$n"
                unset WAYLAND_DISPLAY
                e2e_log "Xvfb $size on :$n (PID $pid)"
                return 0
            fi
            sleep 0.1
        done
        # Not up: either it exited (number taken) or it hangs; stop it and try another.
        _e2e_stop_pid "$pid" TERM 2
    done
    e2e_fail "could not start Xvfb on any free display (see $log)"
}

# ----------------------------------------------------------------------------------------
# 4. the kiosk
# ----------------------------------------------------------------------------------------

# e2e_start_kiosk ARGS... : starts the binary on our display with ARGS, its output in
# ARTEFACTS/kiosk.log (kiosk-2.log for a second start...), and waits until its window is
# mapped. Config, data and state folders point into E2E_TMP so a test never touches the
# user's own files. Fails with the log's tail if the process exits or no window appears.
e2e_start_kiosk() {
    [[ -n $E2E_XVFB_PID ]] || e2e_fail "e2e_start_kiosk: call e2e_start_xvfb first"
    local timeout="${E2E_START_TIMEOUT:-60}" name="${E2E_WINDOW_NAME:-Careers kiosk}" deadline win
    _e2e_kiosk_starts=$((_e2e_kiosk_starts + 1))
    if ((_e2e_kiosk_starts == 1)); then
        E2E_KIOSK_LOG="$E2E_ARTEFACTS/kiosk.log"
    else
        E2E_KIOSK_LOG="$E2E_ARTEFACTS/kiosk-$_e2e_kiosk_starts.log"
    fi
    mkdir -p "$E2E_TMP/home" "$E2E_TMP/config" "$E2E_TMP/data" "$E2E_TMP/state"
    echo "\$ $E2E_BIN $*" >"$E2E_KIOSK_LOG"
    HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/config" XDG_DATA_HOME="$E2E_TMP/data" \
        XDG_STATE_HOME="$E2E_TMP/state" DISPLAY="$E2E_DISPLAY" \
        "${_E2E_LAUNCH[@]}" "$E2E_BIN" "$@" >>"$E2E_KIOSK_LOG" 2>&1 &
    E2E_KIOSK_PID=$!
    _e2e_track "$E2E_KIOSK_PID"
    E2E_KIOSK_STATUS=""
    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! _e2e_alive "$E2E_KIOSK_PID"; then
            _e2e_stop_pid "$E2E_KIOSK_PID"
            E2E_KIOSK_STATUS=$_e2e_status
            e2e_fail "careers-kiosk exited with status $E2E_KIOSK_STATUS before showing a window"
        fi
        win="$(xdotool search --onlyvisible --name "$name" 2>/dev/null | head -n 1 || true)"
        if [[ -z $win ]]; then
            win="$(xdotool search --onlyvisible --class 'careers.kiosk' 2>/dev/null | head -n 1 || true)"
        fi
        if [[ -n $win ]]; then
            E2E_KIOSK_WINDOW="$win"
            # Mapped is not yet drawn: give the first frames a moment.
            sleep 0.5
            e2e_log "careers-kiosk up (PID $E2E_KIOSK_PID, window $win)"
            return 0
        fi
        sleep 0.2
    done
    e2e_fail "no careers-kiosk window ('$name') within ${timeout}s"
}

# e2e_kiosk_alive : true while the last started kiosk is running.
e2e_kiosk_alive() {
    [[ -n $E2E_KIOSK_PID ]] && _e2e_alive "$E2E_KIOSK_PID"
}

# e2e_stop_kiosk [SIGNAL] [TIMEOUT] : stops the last started kiosk (SIGTERM by default;
# KILL for a crash test), waits for it, and sets E2E_KIOSK_STATUS (128+N for signal N).
e2e_stop_kiosk() {
    [[ -n $E2E_KIOSK_PID ]] || e2e_fail "e2e_stop_kiosk: no kiosk was started"
    _e2e_stop_pid "$E2E_KIOSK_PID" "${1:-TERM}" "${2:-10}"
    E2E_KIOSK_STATUS=$_e2e_status
    e2e_log "careers-kiosk PID $E2E_KIOSK_PID stopped, status $E2E_KIOSK_STATUS"
    E2E_KIOSK_PID=""
}

# ----------------------------------------------------------------------------------------
# 5. input
# ----------------------------------------------------------------------------------------

_e2e_check_point() {
    [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ ]] || e2e_fail "${FUNCNAME[1]}: coordinates must be whole pixels, got '$1' '$2'"
    [[ -n $E2E_DISPLAY ]] || e2e_fail "${FUNCNAME[1]}: call e2e_start_xvfb first"
}

# e2e_tap X Y : a finger tap: move, press, hold briefly, release, then let the app draw.
# Press and release are separate events some frames apart, as a finger's are.
e2e_tap() {
    _e2e_check_point "$1" "$2"
    xdotool mousemove "$1" "$2"
    sleep 0.05
    xdotool mousedown 1
    sleep "${E2E_TAP_HOLD:-0.08}"
    xdotool mouseup 1
    sleep "${E2E_INPUT_SETTLE:-0.3}"
}

# e2e_release_pointer: lets go of button 1. A tapping loop stopped by a signal can die between
# its mousedown and mouseup and leave the button held; the next kiosk should start from a pointer
# at rest, as on a real screen.
e2e_release_pointer() {
    [[ -n $E2E_DISPLAY ]] || e2e_fail "e2e_release_pointer: call e2e_start_xvfb first"
    xdotool mouseup 1 2>/dev/null || true
}

# e2e_drag X1 Y1 X2 Y2 [STEPS] [STEP_DELAY] : a finger drag or swipe. The moves are spread
# over several frames with short sleeps; one chained xdotool call is seen as no drag.
e2e_drag() {
    _e2e_check_point "$1" "$2"
    _e2e_check_point "$3" "$4"
    local x1="$1" y1="$2" x2="$3" y2="$4" steps="${5:-${E2E_DRAG_STEPS:-12}}"
    local delay="${6:-${E2E_DRAG_STEP_DELAY:-0.03}}" i
    xdotool mousemove "$x1" "$y1"
    sleep 0.05
    xdotool mousedown 1
    sleep "$delay"
    for ((i = 1; i <= steps; i++)); do
        xdotool mousemove $((x1 + (x2 - x1) * i / steps)) $((y1 + (y2 - y1) * i / steps))
        sleep "$delay"
    done
    xdotool mouseup 1
    sleep "${E2E_INPUT_SETTLE:-0.3}"
}

# e2e_key KEY... : presses keys as xdotool names them (Escape, alt+F4, ctrl+q), e.g. to
# check that kiosk mode ignores them.
e2e_key() {
    [[ -n $E2E_DISPLAY ]] || e2e_fail "e2e_key: call e2e_start_xvfb first"
    xdotool key --clearmodifiers "$@"
    sleep "${E2E_INPUT_SETTLE:-0.3}"
}

# ----------------------------------------------------------------------------------------
# 6. looking at the screen
# ----------------------------------------------------------------------------------------

# e2e_screenshot NAME : saves the whole screen as ARTEFACTS/NAME.png (NAME may also be a
# path with a slash) and prints the file's path.
e2e_screenshot() {
    [[ -n $E2E_DISPLAY ]] || e2e_fail "e2e_screenshot: call e2e_start_xvfb first"
    local out="$1"
    [[ $out == */* ]] || out="$E2E_ARTEFACTS/$out"
    [[ $out == *.png ]] || out="$out.png"
    import -display "$E2E_DISPLAY" -window root "$out" 2>>"$E2E_ARTEFACTS/import.log" ||
        e2e_fail "screenshot of $E2E_DISPLAY failed (see $E2E_ARTEFACTS/import.log)"
    echo "$out"
}

# e2e_pixel X Y [IMAGE] : prints the colour at (X, Y) as #RRGGBB, from IMAGE or, without
# one, from a fresh screenshot.
e2e_pixel() {
    _e2e_check_point "$1" "$2"
    local image="${3:-}" txt
    if [[ -z $image ]]; then
        image="$(e2e_screenshot "$E2E_TMP/pixel.png")"
    fi
    [[ -r $image ]] || e2e_fail "e2e_pixel: cannot read $image"
    txt="$(convert "$image" -alpha off -crop "1x1+$1+$2" +repage -depth 8 txt:- 2>/dev/null)" ||
        e2e_fail "e2e_pixel: ImageMagick could not read $image"
    txt="$(grep -o '#[0-9A-Fa-f]\{6\}' <<<"$txt" | head -n 1 || true)"
    [[ -n $txt ]] || e2e_fail "e2e_pixel: ($1, $2) is outside $image"
    echo "${txt^^}"
}

# e2e_colour_close A B [TOLERANCE] : true when two #RRGGBB colours differ by at most
# TOLERANCE (default 8) in every channel; antialiasing moves edges by a few levels.
e2e_colour_close() {
    local a="${1#\#}" b="${2#\#}" tol="${3:-8}" i da db
    [[ $a =~ ^[0-9A-Fa-f]{6}$ && $b =~ ^[0-9A-Fa-f]{6}$ ]] || e2e_fail "e2e_colour_close: want #RRGGBB, got '$1' '$2'"
    for i in 0 2 4; do
        da=$((16#${a:i:2}))
        db=$((16#${b:i:2}))
        ((da - db <= tol && db - da <= tol)) || return 1
    done
    return 0
}

# e2e_crop IMAGE WxH+X+Y OUT : writes the region of IMAGE to OUT and prints OUT, e.g. to
# compare only the part of the screen a step should change.
e2e_crop() {
    convert "$1" -crop "$2" +repage "$3" || e2e_fail "e2e_crop: cannot crop $1 to $2"
    echo "$3"
}

# e2e_images_differ A B [MIN_PIXELS] : true when more than MIN_PIXELS (default 0) pixels
# differ (ImageMagick `compare -metric AE`). Images of different sizes differ. Prints the
# count to stderr so the log shows how big a change was.
e2e_images_differ() {
    local a="$1" b="$2" min="${3:-0}" out rc=0
    [[ -r $a ]] || e2e_fail "e2e_images_differ: cannot read $a"
    [[ -r $b ]] || e2e_fail "e2e_images_differ: cannot read $b"
    out="$(compare -metric AE "$a" "$b" null: 2>&1)" || rc=$?
    if [[ $rc -eq 2 ]]; then
        if [[ $(identify -format '%wx%h' "$a") != "$(identify -format '%wx%h' "$b")" ]]; then
            e2e_log "$(basename "$a") and $(basename "$b") have different sizes"
            return 0
        fi
        e2e_fail "compare failed on $a and $b: $out"
    fi
    out="${out%% *}"
    e2e_log "$(basename "$a") vs $(basename "$b"): $out pixels differ"
    awk -v n="$out" -v m="$min" 'BEGIN { exit !(n + 0 > m + 0) }'
}

# e2e_wait_settled [TIMEOUT] : waits until two screenshots 0.3 s apart are identical (the
# app has stopped drawing changes). Returns 1 after TIMEOUT seconds (default 10) without
# failing the test: an animated screen never settles.
e2e_wait_settled() {
    local timeout="${1:-10}" deadline a="$E2E_TMP/settle-a.png" b="$E2E_TMP/settle-b.png"
    deadline=$((SECONDS + timeout))
    e2e_screenshot "$a" >/dev/null
    while ((SECONDS < deadline)); do
        sleep 0.3
        e2e_screenshot "$b" >/dev/null
        if compare -metric AE "$a" "$b" null: >/dev/null 2>&1; then
            return 0
        fi
        mv -f "$b" "$a"
    done
    return 1
}

# e2e_wait_for TIMEOUT COMMAND... : runs COMMAND every 0.2 s until it succeeds (returns 0)
# or TIMEOUT seconds pass (returns 1).
e2e_wait_for() {
    local timeout="$1" deadline
    shift
    deadline=$((SECONDS + timeout))
    while ! "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
    return 0
}

# ----------------------------------------------------------------------------------------
# 7. the statistics
# ----------------------------------------------------------------------------------------

# e2e_sql DB QUERY : prints the rows of QUERY on the SQLite database DB, one per line,
# columns separated by '|'. Opens it read-only, so a running kiosk's WAL is read as is.
e2e_sql() {
    e2e_require sqlite3
    [[ -r $1 ]] || e2e_fail "e2e_sql: no database at $1"
    sqlite3 -readonly -batch "$1" "$2" || e2e_fail "e2e_sql: query failed on $1: $2"
}
