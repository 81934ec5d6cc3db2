#!/usr/bin/env bash
# kiosk-stopped: ExecStopPost of careers-kiosk.service (run with root rights, "+"), installed as
# /usr/libexec/careers-kiosk/kiosk-stopped. After a staff Exit (status 0) or `systemctl stop`,
# starts the normal login prompt on tty1 so staff can log in at the stand; the login conflicts
# with the kiosk's X server (careers-kiosk-display.service), which systemd stops first. After a
# crash it does nothing: systemd restarts the app on the X server still running. (OnSuccess= cannot do this: systemd 252 triggers
# it on every automatic restart too, which put a getty on tty1 under the restarting kiosk.)
set -uo pipefail

result="${SERVICE_RESULT:-}"
code="${EXIT_CODE:-}"
status="${EXIT_STATUS:-}"
# A crash (the common case here) ends at once: systemd waits for this script before it counts
# RestartSec, and a `systemctl` call below took seconds of a kill -9's restart under emulation.
if ! [[ $result == success && ($code == exited && $status == 0 || $code == killed && $status == TERM) ]]; then
    exit 0
fi

# A restart (`systemctl restart`, `careers-kiosk-update-content --restart`) runs this too, with
# its job still queued for the unit: a login started then takes tty1 from the new kiosk (seen
# under QEMU: the new start failed and the kiosk waited for the retry timer). Only a stop or a
# staff exit (no job at all) gives the console back.
if systemctl list-jobs --no-legend 2>/dev/null |
    awk '$2 == "careers-kiosk.service" && $3 ~ /start/ { found = 1 } END { exit !found }'; then
    exit 0
fi

echo "kiosk-stopped: the kiosk stopped cleanly; stopping X and starting the console login on tty1" >&2
# --job-mode=fail: never disturbs a shutdown in progress. X is stopped by name: in this mode
# systemd leaves a running unit alone when only the unit's own Conflicts= names the one being
# started (seen under QEMU: the login started on tty1 under a running X, which then failed).
# The login waits for X to stop (the units are ordered).
systemctl --no-block --job-mode=fail stop careers-kiosk-display.service || true
systemctl --no-block --job-mode=fail start getty@tty1.service || true
exit 0
