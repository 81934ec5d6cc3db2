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

ready="${RUNTIME_DIRECTORY:-/run/careers-kiosk-display}/ready"

if [[ ${1:-} == --wait ]]; then
    for _ in $(seq 1200); do
        [[ -e $ready ]] && exit 0
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

# X started with SIGUSR1 ignored signals its parent once it accepts clients (as xinit uses).
# (Not -displayfd: with a fixed display number X then keeps its log as Xorg.pid-N.log, a new
# file at every start, seen under QEMU.) This script stays X's parent and the unit's main
# process; systemd stops both (the whole cgroup) and X's status becomes the unit's.
rm -f -- "$ready"
interrupted=0
trap 'interrupted=1; : >"$ready"' USR1
(
    trap '' USR1
    exec "${server[@]}"
) &
x=$!
# systemd signals X itself (the whole cgroup); elsewhere (tests) stopping this script stops X.
trap 'interrupted=1; kill -TERM "$x" 2>/dev/null' TERM INT HUP
while :; do
    interrupted=0
    wait "$x"
    status=$?
    # A wait cut short by a signal (X ready, or a stop passed on): X has not ended yet.
    ((interrupted)) || break
done
exit "$status"
