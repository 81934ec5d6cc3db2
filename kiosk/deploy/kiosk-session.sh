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

extra=()
if [[ -n $KIOSK_ARGS ]]; then
    read -r -a extra <<<"$KIOSK_ARGS"
fi
log "starting $KIOSK_BIN --kiosk --content $KIOSK_CONTENT_DIR --stats $KIOSK_STATS_DB ${extra[*]}"
exec "$KIOSK_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" --stats "$KIOSK_STATS_DB" "${extra[@]}"
