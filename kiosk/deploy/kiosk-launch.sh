#!/usr/bin/env bash
# kiosk-launch: ExecStart of careers-kiosk.service (installed as
# /usr/libexec/careers-kiosk/kiosk-launch by careers-kiosk-machine). Starts X on vt1 with kiosk-session as its only
# client and exits with careers-kiosk's own status, so systemd can tell a staff exit (0,
# not restarted) from a crash or an X failure (restarted).
set -uo pipefail

libexec="${KIOSK_LIBEXEC:-/usr/libexec/careers-kiosk}"
status_file="${RUNTIME_DIRECTORY:-/run/careers-kiosk}/exit-status"
rm -f -- "$status_file"

# -nocursor: no pointer on a touch screen; -s 0 -dpms: never blank or power down;
# -nolisten tcp: local clients only; -keeptty: stay on the service's tty1.
server=(/usr/bin/Xorg :0 vt1 -keeptty -nolisten tcp -nocursor -s 0 -dpms -br)
# Tests run the same chain on a virtual server, e.g. "/usr/bin/Xvfb :57 -nolisten tcp".
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
    [[ -e /dev/dri/card0 ]] || echo "kiosk-launch: no /dev/dri/card0 after 10 s (no GPU driver loaded?); starting X anyway" >&2
fi
/usr/bin/xinit "$libexec/kiosk-session" -- "${server[@]}"
xinit_status=$?

if [[ -s $status_file ]]; then
    status="$(<"$status_file")"
    [[ $status =~ ^[0-9]+$ ]] || status=1
else
    echo "kiosk-launch: X stopped before careers-kiosk finished (xinit status $xinit_status); see /var/log/Xorg.0.log" >&2
    status=1
fi
exit "$status"
