# Helpers for running commands inside a Debian tree (sourced by rootfs.sh and the tests).
#   kiosk_in_root DIR CMD...   runs CMD chrooted in DIR with /proc, /sys and /dev mounted
#                              in a private mount namespace (gone when CMD ends), and with
#                              service starts refused (a chroot has no running systemd)
# shellcheck shell=bash

kiosk_in_root() {
    local dir="$1"
    shift
    printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
    chmod 0755 "$dir/usr/sbin/policy-rc.d"
    rm -f "$dir/etc/resolv.conf"
    cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
    local rc=0
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare --mount --propagation private -- bash -c '
        set -e
        d="$1"; shift
        mount -t proc proc "$d/proc"
        mount --rbind /sys "$d/sys"
        mount --rbind /dev "$d/dev"
        exec chroot "$d" "$@"' _ "$dir" "$@" || rc=$?
    rm -f "$dir/usr/sbin/policy-rc.d"
    return "$rc"
}
