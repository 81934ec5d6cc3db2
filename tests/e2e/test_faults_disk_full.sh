#!/usr/bin/env bash
# Fault: the statistics disk fills up while the kiosk runs, and later has space again. The
# statistics folder is a small tmpfs mounted in this test's own mount namespace (nothing on the
# machine sees it); a filler file takes every free byte. While the disk is full the kiosk keeps
# running and keeps the visitor's events in memory, says so in one line, and writes them all once
# the filler is removed (one more line). Checked: every role opened before, during and after is in
# the database, nothing was moved aside, integrity ok.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
faults_private_mounts "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_require sqlite3

disk="$E2E_TMP/statsdisk"
mkdir -p "$disk"
mount -t tmpfs -o size=4m,mode=0755 kiosk-faults-stats "$disk" || e2e_fail "cannot mount a tmpfs in the private namespace"
e2e_on_exit "umount -l '$disk'"
db="$disk/stats.db"

faults_start_visit "$db"
sleep 0.5
before=$(faults_role_opens "$db")
((before == 2)) || e2e_fail "$before role_opened events before the disk filled, expected 2"

# Fill every free byte (dd stops at ENOSPC).
dd if=/dev/zero of="$disk/filler" bs=16k 2>/dev/null || true
e2e_log "disk full: $(df -h --output=avail "$disk" | tail -n 1 | tr -d ' ') left"
for i in 0 1 0 1; do
    faults_open_role "${roles[i]}"
done
sleep 1
e2e_kiosk_alive || e2e_fail "the kiosk exited when the disk filled up"
held=$(faults_log_count "stats: cannot write statistics database '$db': .*\((the disk is full|No space left on device)\)")
((held == 1)) || e2e_fail "expected one line saying the disk is full, found $held (was the fault reached?)"
e2e_screenshot 01-disk-full-home.png >/dev/null
e2e_pass "with the disk full the kiosk keeps running and says so in one line"

rm -f "$disk/filler"
e2e_wait_for 20 grep -q "stats: statistics database '$db' can be written again" "$E2E_KIOSK_LOG" ||
    e2e_fail "no line saying the database can be written again 20 s after space came back"
faults_open_role "${roles[1]}"
sleep 0.5
e2e_stop_kiosk
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited $E2E_KIOSK_STATUS on SIGTERM"

faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == 7)) || e2e_fail "$opens role_opened events in the database, 7 roles were opened (2 before, 4 while full, 1 after)"
broken=$(find "$disk" -name '*.broken-*' | wc -l)
((broken == 0)) || e2e_fail "$broken files moved aside: a full disk is not a broken database"
(($(faults_log_count "stats:") == 2)) || e2e_fail "expected exactly two stats lines (full, writable again): $(grep 'stats:' "$E2E_KIOSK_LOG")"
e2e_pass "after space came back all 7 role openings (4 of them made while the disk was full) are in the database"
