#!/usr/bin/env bash
# Turns a Debian 12 or Raspberry Pi OS bookworm machine into a dedicated careers kiosk:
# installs the packages, builds careers-kiosk in Release, installs it with its content
# under /opt/careers-kiosk, creates the `kiosk` user, and installs and enables a systemd
# service that starts the kiosk on tty1 at every boot with no desktop.
#
# Usage: sudo kiosk/deploy/install-kiosk.sh [--start] [--replace-content] [--no-usb]
#                                           [--binary FILE] [--destdir DIR]
#   --start            start the kiosk now (it takes over tty1; by default it starts at
#                      the next boot, so a session on tty1 is not cut off)
#   --replace-content  install the bundled content even over content already installed
#                      (the old folder is kept as content.previous); by default content
#                      an organiser may have edited is left as it is
#   --no-usb           do not install the USB stick automount rule
#   --binary FILE      install this careers-kiosk instead of building one
#   --destdir DIR      stage the files under DIR only (for packaging and tests): no
#                      packages, no user, no systemctl
#
# Environment: KIOSK_CMAKE_ARGS extra configure arguments (e.g. "-DKIOSK_GLES=ON").
# Run it again to upgrade; kiosk/deploy/uninstall-kiosk.sh undoes it. See README.md here.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
deploy_dir="$KIOSK_ROOT/kiosk/deploy"

start_now=0
replace_content=0
usb=1
destdir=""
prebuilt=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --start) start_now=1 ;;
        --replace-content) replace_content=1 ;;
        --no-usb) usb=0 ;;
        --destdir)
            [[ $# -ge 2 ]] || kiosk_die "--destdir needs a folder"
            destdir="$(realpath -m -- "$2")"
            shift
            ;;
        --binary)
            [[ $# -ge 2 ]] || kiosk_die "--binary needs a file"
            prebuilt="$(realpath -m -- "$2")"
            [[ -x $prebuilt ]] || kiosk_die "--binary: no executable at $2"
            shift
            ;;
        -h | --help)
            kiosk_usage
            exit 0
            ;;
        *) kiosk_die "unknown argument '$1' (try --help)" ;;
    esac
    shift
done

# Everything below changes the system: become root first, keeping the arguments.
if [[ -z $destdir && ${EUID:-$(id -u)} -ne 0 ]]; then
    kiosk_have sudo || kiosk_die "run this as root (or install sudo)"
    kiosk_log "re-running with sudo"
    exec sudo --preserve-env=KIOSK_CMAKE_ARGS bash "$0" "$@"
fi

prefix=/opt/careers-kiosk
root="$destdir" # every installed path is "$root$path"
build_dir="$KIOSK_ROOT/build-kiosk"

# The packages for a bare X session on the console, on top of what running needs.
DEPLOY_PACKAGES=(
    xserver-xorg-core xserver-xorg-legacy xserver-xorg-input-libinput xinit
    x11-xserver-utils xinput
)

# Steps that change the running system are skipped when staging into --destdir.
system() {
    if [[ -n $destdir ]]; then
        kiosk_log "(staging, skipped) $*"
    else
        "$@"
    fi
}

# Builds as the user who called sudo, so the checkout does not fill with root's files.
as_builder() {
    if [[ -n ${SUDO_USER:-} && $SUDO_USER != root && ${EUID:-$(id -u)} -eq 0 ]]; then
        sudo -u "$SUDO_USER" -- "$@"
    else
        "$@"
    fi
}

# --- 1. packages ---------------------------------------------------------------------
system bash "$KIOSK_ROOT/kiosk/install-deps.sh" --run "${DEPLOY_PACKAGES[@]}"

# --- 2. build -------------------------------------------------------------------------
if [[ -n $prebuilt ]]; then
    binary="$prebuilt"
else
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        kiosk_log "configuring a Release build in $build_dir"
        cmake_extra=()
        if [[ -n ${KIOSK_CMAKE_ARGS:-} ]]; then
            read -r -a cmake_extra <<<"$KIOSK_CMAKE_ARGS"
        fi
        as_builder cmake -S "$KIOSK_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DBUILD_TESTING=OFF "${cmake_extra[@]}" || kiosk_die "CMake could not configure the build"
    fi
    kiosk_log "building careers-kiosk ($(kiosk_jobs) jobs)"
    as_builder cmake --build "$build_dir" --target careers-kiosk -j "$(kiosk_jobs)" ||
        kiosk_die "the build failed (see the compiler messages above)"
    binary="$build_dir/careers-kiosk"
    [[ -x $binary ]] || kiosk_die "the build did not produce $binary"
fi

# --- 3. the bundled content must be valid before it goes anywhere -----------------------
kiosk_log "validating the bundled content"
"$binary" --validate "$KIOSK_ROOT/content" ||
    kiosk_die "the bundled content has errors (listed above); fix them and run this again"

# --- 4. program files under /opt/careers-kiosk ------------------------------------------
kiosk_log "installing into $root$prefix"
install -d -m 0755 "$root$prefix/bin"
install -m 0755 "$binary" "$root$prefix/bin/careers-kiosk.new"
mv -f "$root$prefix/bin/careers-kiosk.new" "$root$prefix/bin/careers-kiosk"
install -m 0755 "$deploy_dir/kiosk-launch.sh" "$root$prefix/bin/kiosk-launch"
install -m 0755 "$deploy_dir/kiosk-session.sh" "$root$prefix/bin/kiosk-session"
install -m 0755 "$deploy_dir/update-content.sh" "$root$prefix/bin/update-content"
install -m 0644 "$deploy_dir/README.md" "$root$prefix/README.md"
if [[ -d $KIOSK_ROOT/assets ]] && [[ -n $(ls -A "$KIOSK_ROOT/assets") ]]; then
    rm -rf "$root$prefix/assets"
    cp -r "$KIOSK_ROOT/assets" "$root$prefix/assets"
    chmod -R u=rwX,go=rX "$root$prefix/assets"
fi

# Content: an organiser may have edited the installed pack, so it is only replaced when
# asked, and then the old one is kept beside it.
content="$root$prefix/content"
if [[ -d $content && $replace_content -eq 0 ]]; then
    if diff -rq "$KIOSK_ROOT/content" "$content" >/dev/null 2>&1; then
        kiosk_log "installed content is the same as the bundled content"
    else
        kiosk_log "keeping the installed content in $prefix/content (it differs from the bundled one; --replace-content replaces it)"
    fi
else
    rm -rf "$content.new"
    cp -r "$KIOSK_ROOT/content" "$content.new"
    chmod -R u=rwX,go=rX "$content.new"
    if [[ -d $content ]]; then
        rm -rf "$content.previous"
        mv "$content" "$content.previous"
        kiosk_log "the old content is kept in $prefix/content.previous"
    fi
    mv "$content.new" "$content"
fi

# --- 5. system configuration -------------------------------------------------------------
install -d -m 0755 "$root/etc/systemd/system" "$root/etc/X11/xorg.conf.d" "$root/etc/sysctl.d" \
    "$root/etc/default" "$root/etc/udev/rules.d"
install -m 0644 "$deploy_dir/careers-kiosk.service" "$root/etc/systemd/system/careers-kiosk.service"
install -m 0644 "$deploy_dir/careers-kiosk-retry.timer" "$root/etc/systemd/system/careers-kiosk-retry.timer"
install -m 0644 "$deploy_dir/10-careers-kiosk.conf" "$root/etc/X11/xorg.conf.d/10-careers-kiosk.conf"
install -m 0644 "$deploy_dir/90-careers-kiosk-sysctl.conf" "$root/etc/sysctl.d/90-careers-kiosk.conf"
if [[ $usb -eq 1 ]]; then
    install -m 0644 "$deploy_dir/90-careers-kiosk-usb.rules" "$root/etc/udev/rules.d/90-careers-kiosk-usb.rules"
else
    rm -f "$root/etc/udev/rules.d/90-careers-kiosk-usb.rules"
fi
# The settings file is the organiser's after the first install: never overwritten.
if [[ ! -f $root/etc/default/careers-kiosk ]]; then
    install -m 0644 "$deploy_dir/careers-kiosk.default" "$root/etc/default/careers-kiosk"
else
    kiosk_log "keeping the existing /etc/default/careers-kiosk"
fi
# Debian's X wrapper lets only a console user start X and decides on root rights itself;
# the service has no console login, and X needs root rights to open the input devices
# and the VT here. The original file is kept.
wrapper="$root/etc/X11/Xwrapper.config"
if [[ -f $wrapper && ! -f $wrapper.before-careers-kiosk ]]; then
    cp -p "$wrapper" "$wrapper.before-careers-kiosk"
fi
printf '%s\n' "# Set by the careers kiosk's install-kiosk.sh (the original: Xwrapper.config.before-careers-kiosk)" \
    "allowed_users=anybody" "needs_root_rights=yes" >"$wrapper"

# --- 6. the kiosk user -------------------------------------------------------------------
if [[ -z $destdir ]]; then
    if ! id kiosk >/dev/null 2>&1; then
        kiosk_log "creating the user 'kiosk'"
        useradd --system --user-group --create-home --home-dir /home/kiosk \
            --shell /usr/sbin/nologin --comment "Careers kiosk" kiosk
    fi
    for group in video render input audio; do
        if getent group "$group" >/dev/null; then
            usermod -a -G "$group" kiosk
        fi
    done
fi

# --- 7. enable ----------------------------------------------------------------------------
system systemctl daemon-reload
system systemctl enable careers-kiosk.service
if [[ $usb -eq 1 ]]; then
    system udevadm control --reload
fi
system sysctl -q --load /etc/sysctl.d/90-careers-kiosk.conf
# Ctrl+Alt+Del on a plugged-in keyboard must not reboot the stand.
system systemctl mask ctrl-alt-del.target

# --- 8. what the organiser must still do ----------------------------------------------------
# The app refuses kiosk mode without an admin PIN; say so now rather than at the stand.
if [[ -x /usr/bin/python3 ]]; then
    if ! /usr/bin/python3 - "$content/kiosk.json" <<'PY'; then
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    sys.exit(0 if json.load(f).get("admin", {}).get("pin_hash") else 1)
PY
        kiosk_log "WARNING: no admin PIN is set in $prefix/content/kiosk.json; the kiosk will not start in kiosk mode until one is (see $prefix/README.md, 'Admin PIN')"
    fi
fi

if [[ $start_now -eq 1 ]]; then
    system systemctl restart careers-kiosk.service
    kiosk_log "the kiosk is starting on tty1"
else
    kiosk_log "installed and enabled: the kiosk starts at the next boot (or now: sudo systemctl start careers-kiosk)"
fi
