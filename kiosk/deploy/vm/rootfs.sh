#!/usr/bin/env bash
# rootfs.sh: cached Debian 12 (bookworm, amd64) root file systems for the package and VM
# tests, built with debootstrap from the Debian archive this machine's apt uses.
#
# Usage: kiosk/deploy/vm/rootfs.sh minbase|vm-base|cross-arm64
#   minbase  a bare `debootstrap --variant=minbase` system: the "fresh Debian 12" that the
#            package test installs careers-kiosk*.deb into
#   vm-base  minbase plus a kernel, systemd, udev and what the packages will pull in (X,
#            Mesa, the app's libraries), so installing the .debs into it needs no network
#   cross-arm64  minbase with arm64 added as a foreign architecture (multiarch), Debian's
#            cross toolchain, the build dependencies as :arm64, the arm64 runtime
#            libraries and qemu-user: cross-builds and runs the arm64 app without a Pi
# Prints the path of a .tar.zst of the tree. Each is cached in $KIOSK_VM_CACHE (default
# ~/.cache/careers-kiosk-vm), keyed by a hash of its package list and recipe version, so a
# repeat run skips debootstrap. The archive is live: delete the cache to refresh it.
# Needs root (debootstrap, chroot); everything happens under temporary folders and in a
# private mount namespace: nothing of this machine's system is touched.
set -euo pipefail

kind="${1:-}"
cache="${KIOSK_VM_CACHE:-$HOME/.cache/careers-kiosk-vm}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=chroot-lib.sh
source "$here/chroot-lib.sh"
log() { printf 'rootfs: %s\n' "$*" >&2; }
die() {
    printf 'rootfs: error: %s\n' "$*" >&2
    exit 1
}

[[ ${EUID:-$(id -u)} -eq 0 ]] || die "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
command -v zstd >/dev/null || die "zstd is missing (apt-get install zstd)"

# The mirror apt on this machine is configured for (deb822 or one-line sources).
mirror="$(grep -hoE 'https?://[^ ]*debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list \
    2>/dev/null | grep -v security | head -n 1 | tr -d ' ' || true)"
mirror="${KIOSK_DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}"

# What the VM's base holds beyond minbase. The kiosk packages' own dependencies come with
# them; listing the big ones here keeps a test run's install offline and fast.
VM_PACKAGES=(
    linux-image-amd64 systemd-sysv udev kmod dbus libpam-systemd procps util-linux e2fsprogs
    dosfstools sqlite3 python3 adduser sudo
    xserver-xorg-core xserver-xorg-legacy xserver-xorg-input-libinput xinit x11-xserver-utils xinput
    libgl1-mesa-dri libgl1 libegl1 libgles2 libglfw3 librsvg2-2 libfontconfig1 fonts-noto-core
    libsqlite3-0 libsystemd0 libqrcodegencpp1 libstb0 xvfb xauth
)

# The arm64 cross-build and run environment (the build dependencies of debian/control).
CROSS_NATIVE=(build-essential crossbuild-essential-arm64 dpkg-dev debhelper cmake ninja-build pkgconf python3-glad
    nlohmann-json3-dev qemu-user xvfb xauth imagemagick fonts-noto-core)
CROSS_ARM64=(libimgui-dev libglfw3-dev libstb-dev libsqlite3-dev librsvg2-dev libfontconfig-dev
    libqrcodegencpp-dev libsystemd-dev libgl-dev libgl1-mesa-dri libegl1 libgles2)

debootstrap_minbase() {
    local dir="$1"
    log "debootstrap --variant=minbase bookworm from $mirror (3-6 minutes)"
    debootstrap --variant=minbase --arch=amd64 bookworm "$dir" "$mirror" >"$dir.log" 2>&1 ||
        die "debootstrap failed (see $dir.log)"
}

# The key: what goes into the tree (bump ROOTFS_RECIPE when the recipe itself changes).
ROOTFS_RECIPE=1
key_of() {
    printf '%s\n' "$ROOTFS_RECIPE" "$@" "$mirror" | sha256sum | cut -c1-16
}

build() {
    local name="$1" out="$2"
    local work
    work="$(mktemp -d "$cache/build.XXXXXX")"
    local dir="$work/root"
    mkdir -p "$dir"
    if [[ $name == minbase ]]; then
        debootstrap_minbase "$dir"
    elif [[ $name == cross-arm64 ]]; then
        local base
        base="$("${BASH_SOURCE[0]}" minbase)"
        tar -C "$dir" --zstd -xpf "$base"
        log "adding arm64 (multiarch) and installing the cross toolchain and :arm64 libraries"
        kiosk_in_root "$dir" dpkg --add-architecture arm64
        kiosk_in_root "$dir" env DEBIAN_FRONTEND=noninteractive apt-get update >"$work/apt.log" 2>&1 ||
            die "apt-get update in the tree failed (see $work/apt.log)"
        kiosk_in_root "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${CROSS_NATIVE[@]}" "${CROSS_ARM64[@]/%/:arm64}" >>"$work/apt.log" 2>&1 ||
            die "apt-get install in the tree failed (see $work/apt.log)"
        kiosk_in_root "$dir" apt-get clean
    else
        local base
        base="$("${BASH_SOURCE[0]}" minbase)"
        tar -C "$dir" --zstd -xpf "$base"
        log "installing the VM's base packages (${#VM_PACKAGES[@]} and their dependencies)"
        kiosk_in_root "$dir" env DEBIAN_FRONTEND=noninteractive apt-get update >"$work/apt.log" 2>&1 ||
            die "apt-get update in the tree failed (see $work/apt.log)"
        kiosk_in_root "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${VM_PACKAGES[@]}" >>"$work/apt.log" 2>&1 || die "apt-get install in the tree failed (see $work/apt.log)"
        kiosk_in_root "$dir" apt-get clean
    fi
    rm -f "$dir/etc/resolv.conf"
    log "packing $out"
    tar -C "$dir" --zstd --numeric-owner -cpf "$out.tmp" . || die "tar failed"
    mv "$out.tmp" "$out"
    rm -rf "$work"
}

mkdir -p "$cache"
case "$kind" in
    minbase) key="$(key_of minbase)" ;;
    vm-base) key="$(key_of vm-base "${VM_PACKAGES[@]}")" ;;
    cross-arm64) key="$(key_of cross-arm64 "${CROSS_NATIVE[@]}" "${CROSS_ARM64[@]}")" ;;
    -h | --help | "")
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
        exit 0
        ;;
    *) die "unknown kind '$kind' (minbase, vm-base or cross-arm64)" ;;
esac
out="$cache/$kind-$key.tar.zst"
if [[ -f $out ]]; then
    log "cached: $out"
else
    build "$kind" "$out"
fi
echo "$out"
