#!/usr/bin/env bash
# Undoes install-kiosk.sh by removing the packages: the service and the system settings go,
# and tty1 gets its login prompt back at the next boot (or at once, if the kiosk was
# running). Keeps the statistics and the content in /var/lib/careers-kiosk unless --purge.
#
# Usage: sudo kiosk/deploy/uninstall-kiosk.sh [--purge]
#   --purge   also delete the statistics, the organiser's content and /etc/default/careers-kiosk
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

action=remove
case "${1:-}" in
    "") ;;
    --purge) action=purge ;;
    -h | --help)
        kiosk_usage
        exit 0
        ;;
    *) kiosk_die "unknown argument '$1' (try --help)" ;;
esac
kiosk_as_root env DEBIAN_FRONTEND=noninteractive apt-get "$action" -y careers-kiosk-machine careers-kiosk
if [[ $action == remove ]]; then
    kiosk_log "removed; kept /var/lib/careers-kiosk (statistics and content) and /etc/default/careers-kiosk (--purge removes them)"
fi
