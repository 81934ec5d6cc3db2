#!/usr/bin/env bash
# Turns a Debian 12 or Raspberry Pi OS bookworm machine into a dedicated careers kiosk, from
# the Debian packages: builds them from this tree with kiosk/build-packages.sh (or takes
# ready-made ones with --debs), then installs both with apt, which brings in every runtime
# dependency:
#   careers-kiosk          the app, its bundled content and docs
#   careers-kiosk-machine  the service that starts the kiosk at boot on tty1, X settings,
#                          the USB stick rule, careers-kiosk-update-content, careers-kiosk-status
#
# Usage: sudo kiosk/deploy/install-kiosk.sh [--debs DIR] [--gles] [--start]
#   --debs DIR   install the careers-kiosk*.deb files in DIR instead of building them
#   --gles       build for OpenGL ES 3.0 (a Raspberry Pi's GPU; the desktop build also
#                falls back to GL 3.1 by itself)
#   --start      start the kiosk now (it takes over tty1; by default it starts at the
#                next boot, so a session on tty1 is not cut off)
# Run it again to upgrade; the organiser's content (/var/lib/careers-kiosk/content), the
# statistics and /etc/default/careers-kiosk are kept. Remove with
# `sudo apt remove careers-kiosk-machine careers-kiosk` (keeps statistics and content) or
# `apt purge` (deletes them). See README.md here.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

debs=""
gles=0
start_now=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --debs)
            [[ $# -ge 2 ]] || kiosk_die "--debs needs a folder"
            debs="$(realpath -m -- "$2")"
            shift
            ;;
        --gles) gles=1 ;;
        --start) start_now=1 ;;
        -h | --help)
            kiosk_usage
            exit 0
            ;;
        *) kiosk_die "unknown argument '$1' (try --help)" ;;
    esac
    shift
done

if [[ -n $debs ]]; then
    [[ -d $debs ]] || kiosk_die "--debs: no folder at $debs"
    compgen -G "$debs/careers-kiosk_*.deb" >/dev/null || kiosk_die "--debs: no careers-kiosk_*.deb in $debs"
    compgen -G "$debs/careers-kiosk-machine_*.deb" >/dev/null ||
        kiosk_die "--debs: no careers-kiosk-machine_*.deb in $debs"
fi

# Everything below changes the system: become root first, keeping the arguments.
if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
    kiosk_have sudo || kiosk_die "run this as root (or install sudo)"
    kiosk_log "re-running with sudo"
    exec sudo --preserve-env=KIOSK_CMAKE_ARGS bash "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive

# --- 1. the packages: built here unless given ------------------------------------------------
if [[ -z $debs ]]; then
    kiosk_log "installing the package build tools and build dependencies (debian/control)"
    apt-get install -y --no-install-recommends dpkg-dev debhelper lintian ||
        kiosk_die "apt could not install dpkg-dev, debhelper and lintian"
    apt-get build-dep -y --no-install-recommends "$KIOSK_ROOT" ||
        kiosk_die "apt could not install the build dependencies listed in debian/control"
    debs="$KIOSK_ROOT/build-deb/$(dpkg --print-architecture)"
    build=(bash "$KIOSK_ROOT/kiosk/build-packages.sh" --out "$debs")
    [[ $gles -eq 1 ]] && build+=(--gles)
    # As the user who called sudo, so the checkout does not fill with root's files.
    if [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]]; then
        sudo -u "$SUDO_USER" --preserve-env=KIOSK_CMAKE_ARGS -- "${build[@]}" || kiosk_die "the package build failed (see above)"
    else
        "${build[@]}" || kiosk_die "the package build failed (see above)"
    fi
fi

# --- 2. install: apt resolves and fetches every runtime dependency -----------------------------
app_deb="$(find "$debs" -maxdepth 1 -name 'careers-kiosk_*.deb' | sort -V | tail -n 1)"
machine_deb="$(find "$debs" -maxdepth 1 -name 'careers-kiosk-machine_*.deb' | sort -V | tail -n 1)"
kiosk_log "installing $(basename "$app_deb") and $(basename "$machine_deb")"
apt-get install -y --no-install-recommends "$app_deb" "$machine_deb" ||
    kiosk_die "apt could not install the packages (see above); nothing of the kiosk was changed if the first step failed"

# --- 3. check and say what the organiser must still do -------------------------------------------
content=/var/lib/careers-kiosk/content
careers-kiosk --validate "$content" >/dev/null ||
    kiosk_log "WARNING: the content in $content has errors: careers-kiosk --validate $content"
if ! grep -q '"pin_hash": *"[^"]' "$content/kiosk.json"; then
    kiosk_log "WARNING: no admin PIN is set in $content/kiosk.json; the kiosk will not start in kiosk mode until one is (see /usr/share/doc/careers-kiosk-machine/README.md, 'Admin PIN')"
fi
if [[ $start_now -eq 1 ]]; then
    systemctl restart careers-kiosk.service
    kiosk_log "the kiosk is starting on tty1"
else
    kiosk_log "installed and enabled: the kiosk starts at the next boot (or now: sudo systemctl start careers-kiosk)"
fi
