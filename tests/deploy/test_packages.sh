#!/usr/bin/env bash
# The Debian packages on a fresh Debian 12: builds them (kiosk/build-packages.sh, lintian
# must report no errors), then in a chroot of a cached debootstrap minbase system (never this
# machine's root): `apt install ./careers-kiosk*.deb` brings in every runtime dependency (the
# app validates its content and draws a screenshot through Xvfb and Mesa there), the
# service is enabled but not started, and the organiser's copy of the content is made;
# `apt remove` keeps the statistics and the edited content and gives the X wrapper back; a
# reinstall keeps the edits; `apt purge` deletes them.
#
# Usage: bash tests/deploy/test_packages.sh ARTEFACT_DIR [DEB_DIR]
#   DEB_DIR   test these packages instead of building them
# Needs root, debootstrap and network access to the Debian archive apt here uses. Slow
# (build 5-30 minutes, first debootstrap 3-6 minutes, apt in the chroot 1-3 minutes): CTest
# label `packages`, not in the default run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../../kiosk/deploy/vm/chroot-lib.sh
source "$root/kiosk/deploy/vm/chroot-lib.sh"
artefacts="$(realpath -m -- "${1:?usage: test_packages.sh ARTEFACT_DIR [DEB_DIR]}")"
debs="${2:-}"
mkdir -p "$artefacts"
log() { printf '[test_packages %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() {
    printf '[test_packages] FAIL: %s\n' "$*" >&2
    exit 1
}

tmp="$(mktemp -d /tmp/kiosk-packages.XXXXXX)"
trap 'rm -rf -- "$tmp"' EXIT

# --- 1. build + lintian ----------------------------------------------------------------------
if [[ -z $debs ]]; then
    debs="$artefacts/debs"
    log "building the packages into $debs"
    bash "$root/kiosk/build-packages.sh" --out "$debs" 2>&1 | tee "$artefacts/build-packages.log" >&2 ||
        fail "kiosk/build-packages.sh failed (see $artefacts/build-packages.log)"
else
    debs="$(realpath -- "$debs")"
    lintian "$debs"/*.deb >"$artefacts/lintian.log" 2>&1 || true
    ! grep -q '^E: ' "$artefacts/lintian.log" || fail "lintian errors: $(grep '^E: ' "$artefacts/lintian.log" | head -n 3)"
fi
compgen -G "$debs/careers-kiosk_*.deb" >/dev/null || fail "no careers-kiosk_*.deb in $debs"
compgen -G "$debs/careers-kiosk-machine_*.deb" >/dev/null || fail "no careers-kiosk-machine_*.deb in $debs"
# Each of dpkg-deb's answers goes to a file before grep reads it: `dpkg-deb ... | grep -q` under
# pipefail failed whenever grep stopped reading before dpkg-deb had written everything (SIGPIPE; seen
# with the listing below).
dpkg-deb -f "$debs"/careers-kiosk_*.deb Depends >"$artefacts/depends.txt"
grep -q 'libglfw3' "$artefacts/depends.txt" ||
    fail "the app's Depends (from dpkg-shlibdeps) lack libglfw3: $(cat "$artefacts/depends.txt")"
# librsvg and espeak-ng are linked by our plugin modules only (core/plugins/plugin_module.h):
# dpkg-shlibdeps must have read the modules too.
for lib in librsvg2-2 libespeak-ng1; do
    grep -q "$lib" "$artefacts/depends.txt" || fail "the app's Depends lack $lib (its plugin module was not scanned?)"
done
dpkg-deb -c "$debs"/careers-kiosk_*.deb >"$artefacts/contents.txt"
grep -q '/usr/lib/[^/]*/careers-kiosk/careers-kiosk-svg.so$' "$artefacts/contents.txt" ||
    fail "careers-kiosk-svg.so is not in /usr/lib/<multiarch>/careers-kiosk/"

# --- 2. a fresh Debian 12 --------------------------------------------------------------------------
base="$(bash "$root/kiosk/deploy/vm/rootfs.sh" minbase)"
sys="$tmp/root"
mkdir -p "$sys"
tar -C "$sys" --zstd -xpf "$base"
cp "$debs"/careers-kiosk*.deb "$sys/tmp/"
in_sys() { kiosk_in_root "$sys" env DEBIAN_FRONTEND=noninteractive "$@"; }

log "apt install ./careers-kiosk*.deb in a fresh Debian 12 chroot"
in_sys apt-get update -q >"$artefacts/apt-update.log" 2>&1 || fail "apt-get update in the chroot failed"
in_sys sh -c 'cd /tmp && apt-get install -y ./careers-kiosk*.deb' >"$artefacts/apt-install.log" 2>&1 ||
    fail "apt install ./careers-kiosk*.deb failed in a fresh Debian 12 (see $artefacts/apt-install.log)"
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$artefacts/apt-install.log" >&2 || true

# --- 3. what the install gives ------------------------------------------------------------------------
in_sys careers-kiosk --version || fail "careers-kiosk does not run after the install (a missing library?)"
in_sys careers-kiosk --validate /usr/share/careers-kiosk/content >"$artefacts/validate.log" 2>&1 ||
    fail "the packaged content does not validate (see validate.log)"
! grep -q "SVG support is off" "$artefacts/validate.log" || fail "the installed kiosk cannot open its SVG module: $(grep "SVG support" "$artefacts/validate.log")"
in_sys careers-kiosk --screenshot /tmp/home.png --size 1280x800 --screen home >"$artefacts/screenshot.log" 2>&1 ||
    fail "--screenshot failed in the chroot: runtime dependencies (Mesa, fonts, Xvfb) incomplete? (see screenshot.log)"
cp "$sys/tmp/home.png" "$artefacts/chroot-home.png"
[[ $(identify -format '%wx%h' "$artefacts/chroot-home.png") == 1280x800 ]] || fail "the chroot screenshot is not 1280x800"
[[ -L $sys/etc/systemd/system/multi-user.target.wants/careers-kiosk.service ]] ||
    fail "careers-kiosk.service is not enabled"
# X has a unit of its own, started by the kiosk's (Wants=), never enabled by itself.
[[ -f $sys/lib/systemd/system/careers-kiosk-display.service && -x $sys/usr/libexec/careers-kiosk/kiosk-display ]] ||
    fail "careers-kiosk-display.service or kiosk-display is missing"
! compgen -G "$sys/etc/systemd/system/*.wants/careers-kiosk-display.service" >/dev/null ||
    fail "careers-kiosk-display.service is enabled on its own"
in_sys id kiosk >/dev/null || fail "no kiosk user"
[[ -f $sys/var/lib/careers-kiosk/content/kiosk.json ]] || fail "no organiser's copy of the content in /var/lib/careers-kiosk/content"
grep -qx 'allowed_users=anybody' "$sys/etc/X11/Xwrapper.config" || fail "Xwrapper.config does not let the service start X"
[[ $(readlink "$sys/etc/systemd/system/ctrl-alt-del.target") == /dev/null ]] || fail "ctrl-alt-del.target is not masked"
[[ -f $sys/lib/udev/rules.d/90-careers-kiosk-usb.rules ]] || fail "no USB rule"
in_sys careers-kiosk-status >"$artefacts/status.txt" 2>&1 || true
grep -q '^Content: .*valid' "$artefacts/status.txt" || fail "careers-kiosk-status does not report the content: $(cat "$artefacts/status.txt")"

# --- 4. remove keeps statistics and edited content; reinstall keeps them -----------------------------
echo "edited by an organiser" >"$sys/var/lib/careers-kiosk/content/organiser-note.txt"
printf 'stats' >"$sys/var/lib/careers-kiosk/stats.db"
echo "KIOSK_ROTATE=left" >>"$sys/etc/default/careers-kiosk"
in_sys apt-get remove -y careers-kiosk careers-kiosk-machine >"$artefacts/apt-remove.log" 2>&1 || fail "apt remove failed"
[[ ! -e $sys/usr/bin/careers-kiosk ]] || fail "apt remove left /usr/bin/careers-kiosk"
[[ -f $sys/var/lib/careers-kiosk/stats.db ]] || fail "apt remove deleted the statistics"
[[ -f $sys/var/lib/careers-kiosk/content/organiser-note.txt ]] || fail "apt remove deleted the edited content"
! grep -q 'careers-kiosk-machine' "$sys/etc/X11/Xwrapper.config" || fail "apt remove did not give Xwrapper.config back"
[[ ! -e $sys/etc/systemd/system/ctrl-alt-del.target ]] || fail "apt remove left Ctrl+Alt+Del masked"
in_sys sh -c 'cd /tmp && apt-get install -y ./careers-kiosk*.deb' >"$artefacts/apt-reinstall.log" 2>&1 || fail "reinstall failed"
[[ -f $sys/var/lib/careers-kiosk/content/organiser-note.txt ]] || fail "a reinstall overwrote the edited content"
grep -q "KIOSK_ROTATE=left" "$sys/etc/default/careers-kiosk" || fail "a reinstall overwrote /etc/default/careers-kiosk"

# --- 5. purge deletes them ----------------------------------------------------------------------------------
in_sys apt-get purge -y careers-kiosk careers-kiosk-machine >"$artefacts/apt-purge.log" 2>&1 || fail "apt purge failed"
[[ ! -e $sys/var/lib/careers-kiosk ]] || fail "apt purge left /var/lib/careers-kiosk"
[[ ! -e $sys/etc/default/careers-kiosk ]] || fail "apt purge left /etc/default/careers-kiosk"
echo "PASS: packages lintian-clean; apt install on a fresh Debian 12 brings every dependency; remove keeps statistics and content, purge deletes them"
