#!/usr/bin/env bash
# Undoes install-kiosk.sh: stops and removes the service and the system configuration,
# and gives tty1 its login prompt back. Keeps the statistics (/var/lib/careers-kiosk), the
# content and the kiosk user unless --purge is given. Packages stay installed.
#
# Usage: sudo kiosk/deploy/uninstall-kiosk.sh [--purge]
#   --purge   also delete /opt/careers-kiosk (content included), the statistics and the
#             kiosk user
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

purge=0
case "${1:-}" in
    "") ;;
    --purge) purge=1 ;;
    -h | --help)
        kiosk_usage
        exit 0
        ;;
    *) kiosk_die "unknown argument '$1' (try --help)" ;;
esac
if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
    kiosk_have sudo || kiosk_die "run this as root (or install sudo)"
    exec sudo bash "$0" "$@"
fi

systemctl disable --now careers-kiosk.service careers-kiosk-retry.timer 2>/dev/null || true
systemctl unmask ctrl-alt-del.target || true
rm -f /etc/systemd/system/careers-kiosk.service /etc/systemd/system/careers-kiosk-retry.timer \
    /etc/X11/xorg.conf.d/10-careers-kiosk.conf /etc/sysctl.d/90-careers-kiosk.conf \
    /etc/udev/rules.d/90-careers-kiosk-usb.rules
if [[ -f /etc/X11/Xwrapper.config.before-careers-kiosk ]]; then
    mv -f /etc/X11/Xwrapper.config.before-careers-kiosk /etc/X11/Xwrapper.config
fi
systemctl daemon-reload
udevadm control --reload || true
sysctl -q --system || true
systemctl start getty@tty1.service || true

if [[ $purge -eq 1 ]]; then
    rm -rf /opt/careers-kiosk /var/lib/careers-kiosk /etc/default/careers-kiosk
    if id kiosk >/dev/null 2>&1; then
        userdel --remove kiosk || kiosk_log "could not remove the user 'kiosk'"
    fi
    kiosk_log "removed the kiosk, its content, its statistics and the kiosk user"
else
    kiosk_log "removed the service; kept /opt/careers-kiosk, /var/lib/careers-kiosk (statistics), /etc/default/careers-kiosk and the kiosk user (--purge removes them)"
fi
