#!/usr/bin/env bash
# Fault: the statistics folder becomes read-only under the running kiosk, as a failing SD card or
# USB stick does when the kernel remounts it read-only after an error. The folder is an ext4 image
# in this test's temp folder, loop-mounted with errors=remount-ro in the test's own mount
# namespace; ext4's trigger_fs_error makes the kernel remount it read-only (root ignores mode bits,
# and a plain remount is refused while the kiosk has the database open). Checked: the kiosk keeps
# running and answers taps, one line names the database and the read-only folder, a second line
# at shutdown says how many events could not be written, and every event committed before the
# fault is still in the database (read after the image is checked with e2fsck), integrity ok.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
faults_private_mounts "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_require sqlite3 mkfs.ext4 e2fsck

image="$E2E_TMP/stats.img"
disk="$E2E_TMP/statsdisk"
mkdir -p "$disk"
truncate -s 16M "$image"
mkfs.ext4 -q -F "$image" || e2e_fail "mkfs.ext4 failed"
if ! mount -o loop,errors=remount-ro "$image" "$disk"; then
    e2e_log "SKIP: cannot loop-mount an ext4 image here (no free loop device?)"
    exit 77
fi
e2e_on_exit "umount -l '$disk' 2>/dev/null"
device=$(findmnt -n -o SOURCE "$disk")
trigger="/sys/fs/ext4/$(basename "$device")/trigger_fs_error"
[[ -w $trigger ]] || e2e_fail "no $trigger: this kernel's ext4 cannot be made to fail on purpose"
db="$disk/stats.db"

faults_start_visit "$db"
sleep 0.5
before=$(e2e_sql "$db" "SELECT count(*) FROM events")
opens_before=$(faults_role_opens "$db")
((opens_before == 2)) || e2e_fail "$opens_before role_opened events before the fault, expected 2"

echo "careers-kiosk fault test" >"$trigger"
findmnt -n -o OPTIONS "$disk" | grep -q '\bro\b\|emergency_ro' || e2e_fail "the image did not go read-only"
e2e_log "statistics folder now read-only: $(findmnt -n -o OPTIONS "$disk")"
for i in 0 1 0; do
    faults_open_role "${roles[i]}" # fails the test if the kiosk stops answering
done
sleep 1
e2e_kiosk_alive || e2e_fail "the kiosk exited when its statistics folder went read-only"
held=$(faults_log_count "stats: cannot write statistics database '$db': .*(the file system is read-only|Read-only file system)\)")
((held == 1)) || e2e_fail "expected one line saying the folder is read-only, found $held: $(grep 'stats:' "$E2E_KIOSK_LOG")"
e2e_screenshot 01-read-only-home.png >/dev/null
e2e_pass "with the statistics folder read-only the kiosk keeps running and says so in one line"

e2e_stop_kiosk
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited $E2E_KIOSK_STATUS on SIGTERM"
lost=$(faults_log_count "stats: closing while statistics database '$db' cannot be written: [0-9]+ events are lost")
((lost == 1)) || e2e_fail "no line at shutdown saying how many events could not be written"
e2e_log "$(grep 'stats: closing' "$E2E_KIOSK_LOG")"

umount "$disk"
e2fsck -fy "$image" >"$E2E_ARTEFACTS/e2fsck.log" 2>&1 || true
mount -o loop,ro "$image" "$disk" || e2e_fail "cannot mount the image again after e2fsck"
faults_check_intact "$db"
after=$(e2e_sql "$db" "SELECT count(*) FROM events")
((after >= before)) || e2e_fail "$before events were committed before the fault, $after are left"
opens=$(faults_role_opens "$db")
((opens == 2)) || e2e_fail "$opens role_opened events after the fault, 2 were committed before it"
broken=$(find "$disk" -name '*.broken-*' | wc -l)
((broken == 0)) || e2e_fail "$broken files moved aside: a read-only folder is not a broken database"
e2e_pass "every event committed before the folder went read-only is still there ($after events), integrity ok"
