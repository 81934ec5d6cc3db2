#!/usr/bin/env bash
# A day in twenty minutes: the real careers-kiosk under its own Xvfb, driven by a random visitor
# through xdotool for as long as asked, while its resident memory, open files, threads and GL
# textures are sampled. A benchmark, not a CI test (CTest label `soak`, left out of kiosk/test.sh's
# default run). Run it with kiosk/soak.sh --minutes N, or directly:
#
#   bash tests/soak/soak.sh PATH_TO_careers-kiosk ARTEFACT_DIR [--minutes N] [--seed S] [--size WxH]
#
# The visitor: attract periods of 10-60 s; a touch wakes the kiosk; 5-25 steps of taps on real
# targets from the hits file (role cards, routes, glossary terms, the flowchart's nodes and start
# points, the gallery, the quiz, language, larger text, high contrast, read aloud into
# $KIOSK_SPEECH_SINK), swipes and pans, taps anywhere, with pauses of 0.3-3 s; then it walks away,
# sometimes answering "Still there?" with More time first, and the idle reset ends the visit.
#
# Figures: a table over time (samples.tsv in ARTEFACT_DIR, printed at the end) of VmRSS, open file
# descriptors and threads (/proc/PID), and the texture counts from the kiosk's status line
# ($KIOSK_STATUS_LOG_S, shell/status_log.h). Checks, after warm-up (the first quarter, at most
# 5 minutes): at the same place (the end of an attract period) the memory that is not the image
# cache's textures (VmRSS less texture_mib: Mesa's software renderer keeps texture pixels in the
# process) stays within 5 MiB and open file descriptors do not change; threads never change; the GL texture count
# always equals what the image cache holds; and the statistics database holds exactly the visits
# the script started, each started once and ended once. Exit status 0 when every check holds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../e2e/lib.sh
source "$here/../e2e/lib.sh"
# shellcheck disable=SC2034  # lib.sh's messages read it
E2E_NAME=soak
bin="${1:-}" artefacts="${2:-}"
shift 2 || true
minutes=20 seed="${SOAK_SEED:-$$}" size=1280x800 idle=10 status_s=5 sample_s=30
while [[ $# -gt 0 ]]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --sample-s) sample_s="$2"; shift 2 ;;
        *) e2e_fail "unknown option '$1' (use --minutes N, --seed S, --size WxH, --sample-s S)" ;;
    esac
done
[[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]] || e2e_fail "--minutes wants a number, got '$minutes'"
[[ $seed =~ ^[0-9]+$ ]] || e2e_fail "--seed wants a whole number, got '$seed'"
e2e_init "$bin" "$artefacts"
# shellcheck source-path=SCRIPTDIR source=../e2e/lib_hits.sh
source "$here/../e2e/lib_hits.sh"
e2e_require sqlite3 awk
RANDOM=$seed
duration=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
warmup=$((duration / 4 < 300 ? duration / 4 : 300))
e2e_log "seed $seed, $minutes min at $size, idle timeout ${idle}s, warm-up ${warmup}s"

# The kiosk's own copies: content, statistics, speech, caches (HOME and XDG_* from lib.sh).
cp -r "$E2E_CONTENT" "$E2E_TMP/content"
mkdir -p "$E2E_TMP/speech"
db="$E2E_TMP/state/stats.db"
export KIOSK_SPEECH_SINK="$E2E_TMP/speech/speech.wav"
export KIOSK_STATUS_LOG_S="$status_s"
e2e_start_xvfb "$size"
e2e_start_kiosk --content "$E2E_TMP/content" --stats "$db" --idle-timeout "$idle"
pid=$E2E_KIOSK_PID
e2e_on_exit "cp -f '$db' '$db-wal' '$E2E_ARTEFACTS/' 2>/dev/null; cp -f '$KIOSK_SPEECH_SINK.txt' '$E2E_ARTEFACTS/speech.txt' 2>/dev/null"

# ---- counters -------------------------------------------------------------------------------
visits_made=0     # attract -> visit transitions the script caused (and saw)
walkaways=0       # visits the script left to the idle reset
declare -A did=() # what the visitor did, by kind
start=$SECONDS
samples="$E2E_ARTEFACTS/samples.tsv"
printf 't_s\tat\tscreen\trss_kib\tfds\tthreads\tgl_textures\tcache_textures\ttexture_mib\tvisits_made\tvisits_db\tframes\trss_less_textures_kib\trss_anon_kib\trss_file_kib\theap_used_mib\theap_free_mib\tsqlite_mib\ttrims\n' >"$samples"
next_sample=$SECONDS

# rnd LO HI: sets R to a whole number in [LO, HI] (no subshell, so the seed's sequence holds).
rnd() { R=$(($1 + RANDOM % ($2 - $1 + 1))); }
pause() { sleep "$(awk -v a="$1" -v b="$2" -v r="$RANDOM" 'BEGIN { printf "%.2f", a + (b - a) * r / 32767 }')"; }
alive() { e2e_kiosk_alive || e2e_fail "the kiosk died after $((SECONDS - start)) s (see kiosk.log)"; }

# status_field LINE NAME: the value of NAME= in a status line ("" when absent).
status_field() { sed -n "s/.* $2=\\([-0-9.]*\\).*/\\1/p" <<<"$1"; }
status_lines() { grep -c 'careers-kiosk: status:' "$E2E_KIOSK_LOG" || true; }
# sample AT: one row of the table. AT is "timed" or "attract" (the end of an attract period). The
# memory figures come from the kiosk's own status line, taken at one moment (VmRSS, its split,
# malloc's figures and the textures the cache holds); VmRSS is also read from /proc/PID now. At the
# end of an attract period the row waits for a line written after it began with no picture being
# decoded or uploaded (a slide's decoded pixels are in no texture yet), at most 3 lines.
sample() {
    alive
    local rss threads fds line gl cache mib vdb frames anon file used held sqlite trims self_rss before tries
    if [[ $1 == attract ]]; then
        before=$(status_lines)
        for ((tries = 0; tries < 3; tries++)); do
            local deadline=$((SECONDS + 2 * status_s + 5))
            while (($(status_lines) <= before)) && ((SECONDS < deadline)); do sleep 0.5; done
            before=$(status_lines)
            line=$(grep 'careers-kiosk: status:' "$E2E_KIOSK_LOG" | tail -n 1 || true)
            [[ $(status_field "$line" decode_pending) == 0 ]] && break
        done
    fi
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
    fds=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    [[ $1 == attract ]] || line=$(grep 'careers-kiosk: status:' "$E2E_KIOSK_LOG" | tail -n 1 || true) # none before the first
    gl=$(status_field "$line" gl_textures)
    cache=$(status_field "$line" cache_textures)
    mib=$(status_field "$line" texture_mib)
    frames=$(status_field "$line" frames)
    used=$(status_field "$line" heap_used_mib)
    held=$(status_field "$line" heap_free_mib)
    sqlite=$(status_field "$line" sqlite_mib)
    trims=$(status_field "$line" trims)
    self_rss=$(status_field "$line" rss_mib)
    anon=$(status_field "$line" rss_anon_mib)
    file=$(status_field "$line" rss_file_mib)
    vdb=$(sqlite3 -readonly -batch "$db" "SELECT count(*) FROM events WHERE kind = 'visit_started'" 2>/dev/null || echo '?')
    # With Mesa's software renderer a texture's pixels are in the process's own memory: the memory
    # that is not the image cache's textures is RSS less texture_mib (both from the one line).
    printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' $((SECONDS - start)) "$1" "$(e2e_screen)" \
        "$rss" "$fds" "$threads" "${gl:-?}" "${cache:-?}" "${mib:-?}" "$visits_made" "$vdb" "${frames:-?}" \
        "$(awk -v r="${self_rss:-0}" -v m="${mib:-0}" 'BEGIN { printf "%d", (r - m) * 1024 }')" \
        "$(awk -v v="${anon:-0}" 'BEGIN { printf "%d", v * 1024 }')" "$(awk -v v="${file:-0}" 'BEGIN { printf "%d", v * 1024 }')" \
        "${used:-?}" "${held:-?}" "${sqlite:-?}" "${trims:-?}" >>"$samples"
}
maybe_sample() {
    if ((SECONDS >= next_sample)); then
        sample timed
        next_sample=$((next_sample + sample_s))
    fi
}

# ---- the visitor's hands ------------------------------------------------------------------------
# Every touch goes through touched: a touch on the attract loop must start a visit, and is counted
# only once the kiosk shows one.
touched() {
    local before="$1"
    if [[ $before == attract ]]; then
        local deadline=$((SECONDS + 10))
        while [[ $(e2e_screen) == attract ]]; do
            ((SECONDS < deadline)) || e2e_fail "a touch on the attract loop started no visit"
            sleep 0.1
        done
        visits_made=$((visits_made + 1))
        did[wake]=$((${did[wake]:-0} + 1))
    fi
}
tap_at() {
    local before
    before=$(e2e_screen)
    e2e_tap "$1" "$2"
    touched "$before"
}
# tap_id ID: taps the centre of area ID (clamped inside the screen). The screen may have moved on
# since the id was read (the last touch drew late): then the visitor simply taps nothing.
tap_id() {
    local x0 y0 x1 y1 x y
    read -r x0 y0 x1 y1 <<<"$(awk -v id="$1" '$1 == id { print $2, $3, $4, $5; exit }' "$KIOSK_HITS_FILE" 2>/dev/null)"
    [[ -n $y1 ]] || return 0
    x=$(((x0 + x1) / 2)) y=$(((y0 + y1) / 2))
    ((x < E2E_WIDTH)) || x=$((E2E_WIDTH - 1))
    ((y < E2E_HEIGHT)) || y=$((E2E_HEIGHT - 1))
    ((x >= 0 && y >= 0)) || return 0
    tap_at "$x" "$y"
    did[${1%%:*}]=$((${did[${1%%:*}]:-0} + 1))
}
drag() {
    local before
    before=$(e2e_screen)
    e2e_drag "$@"
    touched "$before"
    did[drag]=$((${did[drag]:-0} + 1))
}
# Hit ids on screen now matching an extended regex, one per line.
ids_matching() {
    awk -v re="$1" '$1 != "screen" && $1 != "focus" && $1 ~ re { print $1 }' "$KIOSK_HITS_FILE" 2>/dev/null || true
}
# pick RE: sets `picked` to one of the hit ids on screen matching RE, at random; false if none.
# (No subshell: $RANDOM stays one sequence, so a seed replays the same choices.)
picked=""
pick() {
    local ids=()
    mapfile -t ids < <(ids_matching "$1")
    ((${#ids[@]} > 0)) || return 1
    picked="${ids[RANDOM % ${#ids[@]}]}"
}

# One step of a visit.
visit_step() {
    local r=$((RANDOM % 100))
    local w=$E2E_WIDTH h=$E2E_HEIGHT
    if ((r < 40)); then # any target on screen
        pick '.' && tap_id "$picked"
    elif ((r < 55)); then # the features the day must exercise, where they show
        pick '^(lang:|toggle:|term:|read-aloud:|home:(pathway|gallery|quiz)|role:pathway|pathway:start:|pathway:node:|glossary:|quiz:)' &&
            tap_id "$picked"
    elif ((r < 67)); then # a swipe or pan across the middle
        local y1 x1 x2 y2 n
        rnd $((h / 4)) $((h * 3 / 4)) && y1=$R
        rnd $((w / 4)) $((w * 3 / 4)) && x1=$R
        rnd $((w / 8)) $((w * 7 / 8)) && x2=$R
        rnd $((h / 4)) $((h * 3 / 4)) && y2=$R
        rnd 4 12 && n=$R
        drag "$x1" "$y1" "$x2" "$y2" "$n" 0.03
    elif ((r < 75)); then # a tap anywhere (not the top-left corner: the staff's long press)
        local x
        rnd 80 $((w - 1)) && x=$R
        rnd 80 $((h - 1)) && tap_at "$x" "$R"
        did[anywhere]=$((${did[anywhere]:-0} + 1))
    elif ((r < 85)); then
        pick '^nav:(home|back)$' && tap_id "$picked"
    else # a photo, a role, a route: the content targets
        pick '^(role-card:|role:route:|role:photo:|gallery:(next|prev))' && tap_id "$picked"
    fi
    return 0
}

wait_screen_soft() { # wait_screen_soft NAME TIMEOUT: true once the kiosk shows NAME
    local deadline=$((SECONDS + $2))
    while [[ $(e2e_screen) != "$1" ]]; do
        ((SECONDS < deadline)) || return 1
        maybe_sample
        sleep 0.2
    done
}

# ---- the day ---------------------------------------------------------------------------------------
e2e_wait_screen attract 30
while ((SECONDS - start < duration)); do
    # An attract period, then a visitor.
    rnd 10 60 && attract_s=$R
    t_end=$((SECONDS + attract_s))
    while ((SECONDS < t_end)); do
        maybe_sample
        sleep 1
    done
    [[ $(e2e_screen) == attract ]] || e2e_fail "the attract loop ended on its own (screen $(e2e_screen))"
    sample attract
    ((SECONDS - start < duration)) || break
    rnd 80 $((E2E_WIDTH - 1)) && wake_x=$R
    rnd 80 $((E2E_HEIGHT - 1)) && tap_at "$wake_x" "$R"
    rnd 5 25 && steps=$R
    for ((i = 0; i < steps; i++)); do
        alive
        maybe_sample
        visit_step
        pause 0.3 3
    done
    # Walk away: the countdown, sometimes More time and a few more steps, then the reset.
    wait_screen_soft still-there $((idle + 15)) || e2e_fail "no 'Still there?' $((idle + 15)) s after the last touch"
    if ((RANDOM % 3 == 0)); then
        pause 1 5
        tap_id idle:more-time
        for ((i = 0; i < 3; i++)); do
            visit_step
            pause 0.3 3
        done
        wait_screen_soft still-there $((idle + 15)) || e2e_fail "no 'Still there?' after More time"
    fi
    wait_screen_soft attract 40 || e2e_fail "the countdown did not end in the attract loop"
    walkaways=$((walkaways + 1))
done
sample timed
e2e_stop_kiosk TERM 20
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with status $E2E_KIOSK_STATUS on SIGTERM"

# ---- the figures -----------------------------------------------------------------------------------
e2e_log "samples (t_s, where, screen, VmRSS KiB, fds, threads, GL textures, cache textures, texture MiB, visits made, visits in db, frames drawn, VmRSS less textures KiB, RssAnon KiB, RssFile KiB, malloc in use MiB, malloc freed but held MiB, SQLite's share MiB, trims of freed memory so far):"
column -t -s $'\t' "$samples" >&2 || cat "$samples" >&2
actions=""
for k in "${!did[@]}"; do actions+="$k=${did[$k]} "; done
e2e_log "visitor actions: $actions"
e2e_log "speech lines written: $(wc -l <"$KIOSK_SPEECH_SINK.txt" 2>/dev/null || echo 0)"

failures=0
check() { # check OK MESSAGE
    if [[ $1 == 1 ]]; then e2e_pass "$2"; else printf '[soak] FAIL: %s\n' "$2" >&2; failures=$((failures + 1)); fi
}
# Range (max - min) of a column over the rows after warm-up, optionally only at=attract rows.
range() { # range COLUMN [attract]
    awk -F'\t' -v c="$1" -v only="${2:-}" -v w="$warmup" 'NR > 1 && $1 >= w && (only == "" || $2 == only) && $c != "?" {
        if (n++ == 0 || $c < lo) lo = $c; if ($c > hi) hi = $c } END { printf "%d %d %d\n", n, lo, hi }' "$samples"
}
read -r n lo hi <<<"$(range 13 attract)"
check $((n >= 2 && hi - lo <= 5120 ? 1 : 0)) "VmRSS less the cache's textures at the end of each attract period after warm-up: $n samples, $lo-$hi KiB (range $(((hi - lo) / 1024)) MiB, limit 5)"
read -r n lo hi <<<"$(range 4 attract)"
e2e_log "VmRSS at the end of each attract period after warm-up: $((lo / 1024))-$((hi / 1024)) MiB"
# The trend, apart from the range: a least-squares line through the same samples, in MiB an hour
# (a creep of a few MiB an hour hides in a 5 MiB range over a short run, not over a day).
slope=$(awk -F'\t' -v w="$warmup" 'NR > 1 && $1 >= w && $2 == "attract" && $13 != "?" {
        x = $1 / 3600; y = $13 / 1024; n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
    END { d = n * sxx - sx * sx; if (n >= 3 && d > 0) printf "%+.2f MiB an hour (%d samples)", (n * sxy - sx * sy) / d, n; else print "too few samples" }' "$samples")
e2e_log "trend of VmRSS less textures at the end of each attract period after warm-up: $slope"
read -r n lo hi <<<"$(range 4)"
e2e_log "VmRSS over every sample after warm-up: $((lo / 1024))-$((hi / 1024)) MiB"
# Where resident memory is, at the end of each attract period after warm-up, so that a growth can
# be told apart: file pages (libraries, fonts, voices: paged in and out by the kernel), anonymous
# memory, and of that what malloc has handed out (ours and the libraries', Mesa's texture storage
# included) and what it keeps freed (fragmentation); the rest of RssAnon malloc never saw (thread
# stacks, Mesa's shader code).
split=$(awk -F'\t' -v w="$warmup" 'NR > 1 && $1 >= w && $2 == "attract" && $16 != "?" {
        a = ($14 - $9 * 1024) / 1024; f = $15 / 1024; u = $16 - $9; h = $17
        if (n++ == 0) { alo = ahi = a; flo = fhi = f; ulo = uhi = u; hlo = hhi = h }
        if (a < alo) alo = a; if (a > ahi) ahi = a; if (f < flo) flo = f; if (f > fhi) fhi = f
        if (u < ulo) ulo = u; if (u > uhi) uhi = u; if (h < hlo) hlo = h; if (h > hhi) hhi = h }
    END { if (n) printf "RssAnon less textures %.1f-%.1f MiB, RssFile %.1f-%.1f MiB, malloc in use less textures %.1f-%.1f MiB, malloc freed but held %.1f-%.1f MiB", alo, ahi, flo, fhi, ulo, uhi, hlo, hhi }' "$samples")
e2e_log "at the end of each attract period after warm-up: ${split:-no samples}"
# A picture being read or a WAV being written holds a descriptor for a moment: compare like with like.
read -r n lo hi <<<"$(range 5 attract)"
check $((n >= 2 && hi == lo ? 1 : 0)) "open file descriptors at the end of each attract period after warm-up: $lo-$hi"
read -r n lo hi <<<"$(range 5)"
e2e_log "open file descriptors over every sample after warm-up: $lo-$hi"
read -r n lo hi <<<"$(range 6)"
check $((n >= 2 && hi == lo ? 1 : 0)) "threads after warm-up: $lo-$hi"
read -r n lo hi <<<"$(range 7)"
e2e_log "GL textures after warm-up: $lo-$hi (evicted after 300 drawn frames unused; frames drawn: $(tail -n 1 "$samples" | cut -f 12))"
mismatch=$(awk -F'\t' 'NR > 1 && $7 != $8 { n++ } END { print n + 0 }' "$samples")
check $((mismatch == 0 ? 1 : 0)) "the GL texture count equals the image cache's in every sample ($mismatch differ)"

started=$(e2e_sql "$db" "SELECT count(*) FROM events WHERE kind = 'visit_started'")
ended=$(e2e_sql "$db" "SELECT count(*) FROM events WHERE kind = 'visit_ended'")
idle_ends=$(e2e_sql "$db" "SELECT count(*) FROM events WHERE kind = 'visit_ended' AND end_reason = 'idle_timeout'")
odd=$(e2e_sql "$db" "SELECT count(*) FROM (SELECT visit_id FROM events WHERE visit_id > 0 GROUP BY visit_id
        HAVING sum(kind = 'visit_started') != 1 OR sum(kind = 'visit_ended') != 1)")
rows=$(e2e_sql "$db" "SELECT count(*) FROM events")
check $((started == visits_made ? 1 : 0)) "visits: the script started $visits_made, the database holds $started"
check $((ended == started && idle_ends == walkaways && odd == 0 ? 1 : 0)) \
    "visits ended: $ended ($idle_ends by the idle reset, the script walked away $walkaways times); $odd visits not started and ended once; $rows events in all"
((failures == 0)) || e2e_fail "$failures soak checks failed (samples in $samples)"
e2e_pass "soak of $minutes min (seed $seed): every check holds"
