#!/usr/bin/env bash
# Raspberry Pi (arm64) packages without a Pi: cross-builds them for OpenGL ES 3 with Debian's
# multiarch cross toolchain in a chroot (kiosk/deploy/vm/rootfs.sh cross-arm64: arm64 as a
# foreign architecture, crossbuild-essential-arm64, the :arm64 build dependencies), checks
# them with lintian, then runs the arm64 binary under qemu-user with the arm64 libraries
# installed through multiarch: --validate on the bundled pack, and --screenshot of home and
# pathway at 1920x1080 through Mesa, compared with the amd64 build's screenshots.
#
# Usage: bash tests/deploy/test_arm64.sh ARTEFACT_DIR AMD64_CAREERS_KIOSK
# Needs root and the Debian archive (the first run installs about 1 GB into the cached tree).
# Slow: CTest label `packages`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../../kiosk/deploy/vm/chroot-lib.sh
source "$root/kiosk/deploy/vm/chroot-lib.sh"
artefacts="$(realpath -m -- "${1:?usage: test_arm64.sh ARTEFACT_DIR AMD64_CAREERS_KIOSK}")"
amd64_bin="$(realpath -- "${2:?usage: test_arm64.sh ARTEFACT_DIR AMD64_CAREERS_KIOSK}")"
mkdir -p "$artefacts"
log() { printf '[test_arm64 %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() {
    printf '[test_arm64] FAIL: %s\n' "$*" >&2
    exit 1
}
tmp="$(mktemp -d /tmp/kiosk-arm64.XXXXXX)"
trap 'rm -rf -- "$tmp"' EXIT

tree="$(bash "$root/kiosk/deploy/vm/rootfs.sh" cross-arm64)"
sys="$tmp/root"
mkdir -p "$sys/src"
tar -C "$sys" --zstd -xpf "$tree"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - --no-recursion) |
    tar -C "$sys/src" -xf -

# The cached tree may predate a change to debian/control: apt tops it up from the Build-Depends
# (the GLES headers, libgles-dev, were missing from it: the first cross-build failed on
# GLES3/gl3.h in ImGui's OpenGL3 backend).
kiosk_in_root "$sys" env DEBIAN_FRONTEND=noninteractive apt-get build-dep -y --no-install-recommends \
    --host-architecture arm64 /src >"$artefacts/build-dep.log" 2>&1 ||
    fail "apt-get build-dep -a arm64 failed in the chroot (see $artefacts/build-dep.log)"

log "cross-building the arm64 packages (GLES) in the chroot"
start=$SECONDS
if ! kiosk_in_root "$sys" bash /src/kiosk/build-packages.sh --arch arm64 --gles --no-lintian --out /out \
    >"$artefacts/cross-build.log" 2>&1; then
    # The chroot goes with this script's exit: keep the compiler's words.
    cp "$sys/out/build.log" "$artefacts/deb-build.log" 2>/dev/null || true
    fail "the arm64 cross-build failed: $(grep -m 3 -E 'error:|FAILED:' "$artefacts/deb-build.log" 2>/dev/null | tr '\n' ' ') (see $artefacts/deb-build.log)"
fi
echo "FIGURE arm64 cross-build: $((SECONDS - start)) s"
mkdir -p "$artefacts/debs"
cp "$sys"/out/*.deb "$artefacts/debs/"
cp "$sys/out/build.log" "$artefacts/deb-build.log"
lintian "$artefacts"/debs/*.deb >"$artefacts/lintian.log" 2>&1 || true
! grep -q '^E: ' "$artefacts/lintian.log" || fail "lintian errors: $(grep '^E: ' "$artefacts/lintian.log" | head -n 3)"
deb="$(find "$artefacts/debs" -name 'careers-kiosk_*_arm64.deb' | head -n 1)"
[[ -n $deb ]] || fail "no careers-kiosk_*_arm64.deb"
echo "FIGURE arm64 package Depends: $(dpkg-deb -f "$deb" Depends)"

# The package's files where it installs them (the chroot is this run's own copy), run by qemu-user;
# the arm64 libraries come from the multiarch tree. Unpacked elsewhere, the binary looked for its
# modules in /usr/lib/aarch64-linux-gnu/careers-kiosk/ and drew every SVG as a placeholder.
dpkg-deb -x "$deb" "$sys"
file "$sys/usr/bin/careers-kiosk" | grep -q 'ARM aarch64' || fail "the binary is not arm64"
content=/usr/share/careers-kiosk/content
run_arm64() { kiosk_in_root "$sys" env HOME=/tmp qemu-aarch64 /usr/bin/careers-kiosk "$@"; }
run_arm64 --validate "$content" | tee "$artefacts/validate.txt" ||
    fail "--validate of the bundled pack failed under qemu-user"
! grep -q 'cannot be used' "$artefacts/validate.txt" ||
    fail "the arm64 build cannot use its modules: $(grep -m 1 'cannot be used' "$artefacts/validate.txt")"
for screen in home pathway; do
    start=$SECONDS
    # Under emulation the illustrations take minutes to rasterise (1,269 s on a loaded host): the
    # default 15 s cap took home with placeholders in two runs of three.
    run_arm64 --screenshot "/tmp/$screen-arm64.png" --size 1920x1080 --screen "$screen" --still-timeout 1800 \
        --content "$content" >"$artefacts/shot-$screen.log" 2>&1 ||
        fail "--screenshot $screen failed under qemu-user (see shot-$screen.log)"
    echo "FIGURE arm64 --screenshot $screen under qemu-user: $((SECONDS - start)) s"
    cp "$sys/tmp/$screen-arm64.png" "$artefacts/"
    "$amd64_bin" --screenshot "$artefacts/$screen-amd64.png" --size 1920x1080 --screen "$screen" \
        --content "$root/content" >/dev/null 2>&1 || fail "the amd64 --screenshot $screen failed"
    ae="$(compare -metric AE -fuzz 2% "$artefacts/$screen-arm64.png" "$artefacts/$screen-amd64.png" \
        "$artefacts/$screen-diff.png" 2>&1 || true)"
    psnr="$(compare -metric PSNR "$artefacts/$screen-arm64.png" "$artefacts/$screen-amd64.png" null: 2>&1 || true)"
    echo "FIGURE arm64 vs amd64 $screen 1920x1080: $ae pixels differ by more than 2% (of 2073600), PSNR $psnr dB"
    [[ $ae =~ ^[0-9]+$ ]] || fail "compare failed: $ae"
    ((ae < 20736)) || fail "$screen: arm64 and amd64 screenshots differ in $ae pixels (over 1%)"
done
echo "PASS: arm64 GLES packages cross-built, lintian-clean, validate and draw under qemu-user like amd64"
