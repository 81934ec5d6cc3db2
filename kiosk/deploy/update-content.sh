#!/usr/bin/env bash
# update-content: replaces the kiosk's content pack with another folder (say, from a USB
# stick), but only after careers-kiosk has validated it. On any error the current content
# stays exactly as it was. Installed as /usr/sbin/careers-kiosk-update-content by the
# careers-kiosk-machine package.
#
# Usage: sudo careers-kiosk-update-content [--restart] SOURCE_FOLDER
#   --restart   restart the kiosk service afterwards (otherwise use "Reload content" in
#               the admin panel, which shows the new pack without a restart)
# The replaced pack is kept as /var/lib/careers-kiosk/content.previous.
set -euo pipefail

content="${KIOSK_INSTALLED_CONTENT:-/var/lib/careers-kiosk/content}"
binary="${KIOSK_BIN:-/usr/bin/careers-kiosk}"
restart=0
source_dir=""
original_args=("$@")

die() {
    echo "update-content: error: $*" >&2
    # One line in the journal too, where careers-kiosk-status finds the last error.
    logger -t careers-kiosk-update-content -p user.err -- "$*" 2>/dev/null || true
    exit 1
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --restart) restart=1 ;;
        -h | --help)
            awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
            exit 0
            ;;
        -*) die "unknown option '$1' (try --help)" ;;
        *)
            [[ -z $source_dir ]] || die "give one source folder"
            source_dir="$1"
            ;;
    esac
    shift
done
[[ -n $source_dir ]] || die "usage: update-content [--restart] SOURCE_FOLDER"
[[ -d $source_dir ]] || die "no folder at $source_dir"
[[ -f $source_dir/kiosk.json ]] || die "$source_dir has no kiosk.json: is it a content pack?"
[[ -x $binary ]] || die "no careers-kiosk at $binary (install the kiosk first)"
if [[ ${EUID:-$(id -u)} -ne 0 && ! -w $(dirname "$content") ]]; then
    command -v sudo >/dev/null 2>&1 || die "run this as root"
    exec sudo bash "$0" "${original_args[@]}"
fi

source_dir="$(realpath -- "$source_dir")"
# Validated where the organiser edited it, so each message names a file they know.
echo "update-content: validating $source_dir"
"$binary" --validate "$source_dir" ||
    die "the content in $source_dir has errors (listed above); the current content is unchanged"

# The service runs careers-kiosk --kiosk, which refuses to start without an admin PIN: a pack
# without one would leave the stand with no kiosk (seen under QEMU: a restart loop, then the
# retry timer). The full check (not an example PIN) is the app's, at its start.
grep -qE '"pin_hash"[[:space:]]*:[[:space:]]*"pbkdf2-sha256\$' "$source_dir/kiosk.json" ||
    die "$source_dir/kiosk.json has no admin PIN (admin.pin_hash): the kiosk would not start with it; set one with 'careers-kiosk hash-pin' (see content/README.md); the current content is unchanged"

staged="$content.new"
rm -rf -- "$staged"
# -L: a USB stick's links become plain files; the validator rejects links out anyway.
cp -rL -- "$source_dir" "$staged" || die "copying $source_dir failed; the current content is unchanged"
chmod -R u=rwX,go=rX -- "$staged"
# The copy is checked again: a stick pulled out half-way must not install half a pack.
if ! "$binary" --validate "$staged" >/dev/null 2>&1; then
    rm -rf -- "$staged"
    die "the copy of $source_dir does not validate (was the stick removed?); the current content is unchanged"
fi

rm -rf -- "$content.previous"
if [[ -d $content ]]; then
    mv -- "$content" "$content.previous"
fi
mv -- "$staged" "$content"
echo "update-content: installed; the previous content is in $content.previous"

if [[ $restart -eq 1 ]]; then
    systemctl restart careers-kiosk.service
    echo "update-content: the kiosk is restarting"
else
    echo "update-content: use \"Reload content\" in the admin panel, or: sudo systemctl restart careers-kiosk"
fi
