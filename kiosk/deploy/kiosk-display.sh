#!/usr/bin/env bash
# kiosk-display: the kiosk's X server, ExecStart (and, with --wait, ExecStartPost) of
# careers-kiosk-display.service (installed as /usr/libexec/careers-kiosk/kiosk-display by
# careers-kiosk-machine). X runs in a unit of its own so that a crashed app is started again on
# the X server already up, instead of waiting for a new one (X's start was most of a kill -9's
# restart under QEMU, see the README's VM figures). careers-kiosk.service still supervises the
# app alone: restarts, their limit and the watchdog.
#
# Usage: kiosk-display          runs X on vt1 (exec: X is the unit's main process)
#        kiosk-display --wait   returns once that X accepts clients; fails if it exits first
set -uo pipefail

ready="${RUNTIME_DIRECTORY:-/run/careers-kiosk-display}/display"

if [[ ${1:-} == --wait ]]; then
    # X writes its display number to -displayfd once it accepts clients.
    for _ in $(seq 1200); do
        [[ -s $ready ]] && exit 0
        if [[ -n ${MAINPID:-} && ! -e /proc/$MAINPID ]]; then
            echo "kiosk-display: X stopped before it was ready; see /var/log/Xorg.0.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "kiosk-display: X not ready after 120 s; see /var/log/Xorg.0.log" >&2
    exit 1
fi

# -nocursor: no pointer on a touch screen; -s 0 -dpms: never blank or power down;
# -nolisten tcp: local clients only; -keeptty: stay on the service's tty1; -noreset: X does not
# start over (screens, GL, the console) when its last client, the app, goes: a restarted app
# would wait for that (seen under QEMU: 7 s of the app's display_open after each kill -9).
server=(/usr/bin/Xorg :0 vt1 -keeptty -nolisten tcp -nocursor -s 0 -dpms -br -noreset)
# Tests run the same unit on another server, e.g. "/usr/bin/Xvfb :57 -nolisten tcp".
if [[ -n ${KIOSK_TEST_X_SERVER:-} ]]; then
    read -r -a server <<<"$KIOSK_TEST_X_SERVER"
fi
# X started before udev has loaded the display driver fails with "no screens found": wait
# (up to 10 s) for the first DRM device. A machine without one (fbdev) carries on after that.
if [[ -z ${KIOSK_TEST_X_SERVER:-} ]]; then
    for _ in $(seq 50); do
        [[ -e /dev/dri/card0 ]] && break
        sleep 0.2
    done
    [[ -e /dev/dri/card0 ]] || echo "kiosk-display: no /dev/dri/card0 after 10 s (no GPU driver loaded?); starting X anyway" >&2
fi
rm -f -- "$ready"
exec "${server[@]}" -displayfd 3 3>"$ready"
