#!/usr/bin/env bash
# build-image.sh: a bootable Debian 12 amd64 disk image of a kiosk machine, for vm-test.py.
# Takes the cached `vm-base` tree (rootfs.sh: debootstrap + kernel, systemd, X, Mesa),
# installs the careers-kiosk packages into it with apt (no network needed: their
# dependencies are already there), adds what the test needs, and writes:
#   OUT/disk.raw      ext4 file system of the whole disk (root=/dev/vda), sparse
#   OUT/vmlinuz OUT/initrd.img   the kernel and initramfs, for qemu -kernel/-initrd
#   OUT/pin.txt       the admin PIN set in the test image's content
#
# Usage: sudo kiosk/deploy/vm/build-image.sh DEB_DIR OUT_DIR
#
# Test-only additions (never in the packages): a root shell on the second serial port
# (/usr/local/sbin/vm-agent, the host's only way in), an admin PIN, $KIOSK_HITS_FILE so the
# test can tap real widgets, and the journal forwarded to the first serial port. (The crash-loop
# check scales the restart limit and the retry timer down itself, with drop-ins in /run.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=chroot-lib.sh
source "$here/chroot-lib.sh"
debs="$(realpath -- "${1:?usage: build-image.sh DEB_DIR OUT_DIR}")"
out="$(realpath -m -- "${2:?usage: build-image.sh DEB_DIR OUT_DIR}")"
log() { printf 'build-image: %s\n' "$*" >&2; }
die() {
    printf 'build-image: error: %s\n' "$*" >&2
    exit 1
}
[[ ${EUID:-$(id -u)} -eq 0 ]] || die "needs root (chroot, file ownership in the image)"
compgen -G "$debs/careers-kiosk_*_amd64.deb" >/dev/null || die "no careers-kiosk_*_amd64.deb in $debs"

base="$("$here/rootfs.sh" vm-base)"
mkdir -p "$out"
dir="$out/root"
rm -rf -- "$dir"
mkdir -p "$dir"
log "unpacking $base"
tar -C "$dir" --zstd -xpf "$base"

log "installing the packages"
cp "$debs"/careers-kiosk_*_amd64.deb "$debs"/careers-kiosk-machine_*_all.deb "$dir/tmp/"
kiosk_in_root "$dir" sh -c 'cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ./careers-kiosk*.deb && rm -f /tmp/*.deb' \
    >"$out/apt-install.log" 2>&1 || die "apt install of the packages failed in the image (see $out/apt-install.log)"

log "configuring the test machine"
echo kiosk-vm >"$dir/etc/hostname"
printf '/dev/vda / ext4 defaults,errors=remount-ro 0 1\n' >"$dir/etc/fstab"
ln -sf /lib/systemd/system/multi-user.target "$dir/etc/systemd/system/default.target"
# The admin PIN: staff Exit needs it, and kiosk mode refuses to start without one.
pin=583920
hash="$(printf '%s\n' "$pin" | kiosk_in_root "$dir" careers-kiosk hash-pin)"
python3 - "$dir/var/lib/careers-kiosk/content/kiosk.json" "$hash" <<'PY'
import json, sys
path, pin_hash = sys.argv[1], sys.argv[2]
data = json.load(open(path, encoding="utf-8"))
data.setdefault("admin", {})["pin_hash"] = pin_hash
json.dump(data, open(path, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
PY
echo "$pin" >"$out/pin.txt"
echo "KIOSK_HITS_FILE=/run/careers-kiosk/hits.txt" >>"$dir/etc/default/careers-kiosk"
mkdir -p "$dir/etc/systemd/journald.conf.d"
printf '[Journal]\nForwardToConsole=yes\nTTYPath=/dev/ttyS0\nMaxLevelConsole=info\n' >"$dir/etc/systemd/journald.conf.d/vm-test.conf"
# No getty on the serial ports: ttyS0 carries the log, ttyS1 the test agent.
ln -sf /dev/null "$dir/etc/systemd/system/serial-getty@ttyS0.service"
ln -sf /dev/null "$dir/etc/systemd/system/serial-getty@ttyS1.service"

cat >"$dir/usr/local/sbin/vm-agent" <<'AGENT'
#!/bin/bash
# Test agent on /dev/ttyS1: each line from the host is "NONCE BASE64-COMMAND"; the reply is
# the command's output, base64-encoded on one line, then "@@END NONCE STATUS".
stty -F /dev/ttyS1 raw -echo -icanon 115200
exec 3<>/dev/ttyS1
while IFS= read -r -u 3 line; do
    line="${line%$'\r'}"
    nonce="${line%% *}"
    command="${line#* }"
    [[ -n $nonce && $command != "$line" ]] || continue
    out="$(printf '%s' "$command" | base64 -d | bash 2>&1)"
    rc=$?
    printf '%s\n@@END %s %s\n' "$(printf '%s' "$out" | base64 -w0)" "$nonce" "$rc" >&3
done
AGENT
chmod 0755 "$dir/usr/local/sbin/vm-agent"
cat >"$dir/etc/systemd/system/vm-agent.service" <<'UNIT'
[Unit]
Description=Test agent on ttyS1 (VM test image only)
DefaultDependencies=no
After=systemd-udevd.service

[Service]
ExecStart=/usr/local/sbin/vm-agent
Restart=always
RestartSec=1

[Install]
WantedBy=sysinit.target
UNIT
ln -sf /etc/systemd/system/vm-agent.service "$dir/etc/systemd/system/sysinit.target.wants/vm-agent.service"

cp -L "$dir"/boot/vmlinuz-* "$out/vmlinuz"
cp -L "$dir"/boot/initrd.img-* "$out/initrd.img"
chmod 0644 "$out/vmlinuz" "$out/initrd.img"

log "writing the ext4 image"
rm -f "$out/disk.raw"
size_mb=$(($(du -sm "$dir" | cut -f1) + 1536))
truncate -s "${size_mb}M" "$out/disk.raw"
mkfs.ext4 -q -F -L kiosk-root -d "$dir" "$out/disk.raw" || die "mkfs.ext4 -d failed"
rm -rf -- "$dir"
log "done: $out/disk.raw (${size_mb} MiB, sparse), $out/vmlinuz, $out/initrd.img"
