#!/usr/bin/env bash
# kiosk-session: ExecStart of careers-kiosk.service (installed as
# /usr/libexec/careers-kiosk/kiosk-session), run on the kiosk's X server
# (careers-kiosk-display.service, $DISPLAY). Turns blanking and power saving off, turns the
# screen and touch input if asked, then becomes careers-kiosk (exec): the app is the service's
# main process, so its exit status (0: staff Exit, not restarted) and its sd_notify messages
# (READY, WATCHDOG) are its own. Settings come from /etc/default/careers-kiosk through the
# service's environment.
set -uo pipefail

: "${KIOSK_BIN:=/usr/bin/careers-kiosk}"
: "${KIOSK_CONTENT_DIR:=/var/lib/careers-kiosk/content}"
: "${KIOSK_STATS_DB:=/var/lib/careers-kiosk/stats.db}"
: "${KIOSK_ROTATE:=normal}"
: "${KIOSK_ARGS:=}"

log() {
    echo "kiosk-session: $*" >&2
}

# The server already runs with -s 0 -dpms; this also covers a server started another way. In the
# background: xset took 0.3-0.5 s of each restart after kill -9 under emulation, and the app needs
# nothing from it.
if command -v xset >/dev/null 2>&1; then
    { xset s off s noblank -dpms || log "xset failed; the screen may blank"; } &
fi

# Coordinate transformation matrices that turn touch input with the picture.
case "$KIOSK_ROTATE" in
    normal | "") matrix="" ;;
    left) matrix="0 -1 1 1 0 0 0 0 1" ;;
    right) matrix="0 1 0 -1 0 1 0 0 1" ;;
    inverted) matrix="-1 0 1 0 -1 1 0 0 1" ;;
    *)
        log "KIOSK_ROTATE='$KIOSK_ROTATE' is not normal, left, right or inverted; not rotating"
        matrix=""
        ;;
esac
if [[ -n $matrix ]]; then
    xrandr -o "$KIOSK_ROTATE" || log "xrandr could not rotate the screen $KIOSK_ROTATE"
    # Every pointer present now (touch screens must be plugged in at boot).
    while read -r id; do
        # shellcheck disable=SC2086 # the matrix is nine separate numbers
        xinput set-prop "$id" "Coordinate Transformation Matrix" $matrix 2>/dev/null || true
    done < <(xinput list 2>/dev/null | sed -n 's/.*id=\([0-9]\+\).*slave  pointer.*/\1/p')
fi

# Mesa keeps compiled shaders on disk, but its second start of a program takes the GL program from
# that cache in a form that the software rasteriser (llvmpipe) keys differently, and compiles the
# first frame's shaders again; only from the third start on is every one found. So the first
# restart after installing (kill -9, a hang) was the slowest: 3-4 s more under emulation, where a
# restart must stay under 10 s. Before the kiosk's first start after the app or Mesa is installed
# or upgraded, `careers-kiosk --warm-up` draws the kiosk's first screen once in a hidden window:
# the kiosk is then the second start, and every restart after it finds every shader (why and the
# figures: app/shell/warm_up.cpp, kiosk/deploy/README.md). Before, not beside the kiosk: run
# beside it under emulation, the warm-up took 44 s and a visitor's taps went unanswered
# meanwhile. Before it, a new installation's first frame comes later by about one start of the
# app, which compiles the shaders that the kiosk's own first start would have compiled.
# Every restart passes here: the check uses only bash's own tests (under emulation, running
# xrandr, stat and dpkg-query for a finer key made each restart 0.8-1 s slower). The folders'
# times say when packages last replaced a file in them, as dpkg renames each file into place.
warm_up_once() {
    local cache="${XDG_CACHE_HOME:-${HOME:-}/.cache}" stamp said rc=0 dir
    [[ -n ${DISPLAY:-} && $cache != /.cache ]] || return 0
    stamp="$cache/careers-kiosk/gl-warmed-up"
    if [[ -f $stamp ]]; then
        local newer=0
        for dir in "${KIOSK_BIN%/*}" /usr/lib/*/dri /usr/lib/dri; do
            [[ -d $dir && $dir -nt $stamp ]] && newer=1
        done
        ((newer)) || return 0
    fi
    # Never the kiosk's hit areas or sd_notify messages; never longer than a minute.
    said="$(env -u KIOSK_HITS_FILE -u NOTIFY_SOCKET -u WATCHDOG_USEC -u WATCHDOG_PID timeout 60 \
        "$KIOSK_BIN" --warm-up --content "$KIOSK_CONTENT_DIR" 2>&1)" || rc=$?
    said="$(tail -n 1 <<<"$said")"
    if [[ $rc -eq 0 ]]; then
        if { mkdir -p "${stamp%/*}" && echo "$said" >"$stamp.tmp" && mv "$stamp.tmp" "$stamp"; } 2>/dev/null; then
            log "warm-up for Mesa's shader cache: $said"
        else
            rm -f "$stamp.tmp" 2>/dev/null
            log "warm-up for Mesa's shader cache: $said; cannot write $stamp (disk full or read-only?): the next start warms up again"
        fi
    else
        log "the warm-up for Mesa's shader cache failed (exit $rc: $said); starting the kiosk anyway"
    fi
}
warm_up_once

extra=()
if [[ -n $KIOSK_ARGS ]]; then
    read -r -a extra <<<"$KIOSK_ARGS"
fi
log "starting $KIOSK_BIN --kiosk --content $KIOSK_CONTENT_DIR --stats $KIOSK_STATS_DB ${extra[*]}"
exec "$KIOSK_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" --stats "$KIOSK_STATS_DB" "${extra[@]}"
