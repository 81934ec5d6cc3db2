#!/usr/bin/env bash
# Fault: the statistics database file is replaced under the running kiosk, three ways, one after
# the other in one run: renamed over by a file of random bytes (how a copy tool or an editor
# replaces a file), deleted, and overwritten in place (cp onto it: the same inode, truncated and
# refilled with random bytes). SQLite alone would go on writing into the unlinked or clobbered file
# and every later event would be lost. Checked after each: the kiosk keeps running, one line says
# what happened to which file, the file found at the path is kept aside for inspection, and the
# database at the path holds every role opened so far, integrity ok.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

dir="$E2E_TMP/stats"
mkdir -p "$dir"
db="$dir/stats.db"
garbage() {
    head -c 20000 /dev/urandom >"$1"
}

faults_start_visit "$db"
opened=2

# check_after FAULT REGEX : one more role, then the line, the file kept aside, and the count.
check_after() {
    faults_open_role "${roles[0]}"
    opened=$((opened + 1))
    sleep 1
    e2e_kiosk_alive || e2e_fail "$1: the kiosk exited"
    local lines opens
    lines=$(faults_log_count "stats: statistics database '$db' changed under the running kiosk: $2")
    ((lines == 1)) || e2e_fail "$1: expected one line matching '$2', found $lines: $(grep 'stats:' "$E2E_KIOSK_LOG")"
    faults_check_intact "$db"
    opens=$(faults_role_opens "$db")
    e2e_log "$1: $(grep -E "stats:.*$2" "$E2E_KIOSK_LOG")"
    ((opens == opened)) || e2e_fail "$1: $opens role_opened events in $db, $opened roles were opened"
}

# 1. Renamed over.
garbage "$dir/incoming"
cp "$dir/incoming" "$E2E_TMP/garbage-1"
mv -f "$dir/incoming" "$db"
check_after "renamed over" "it was renamed, deleted or replaced by another file; moved aside to '[^']*'; wrote back the [0-9]+ events recorded so far"
kept=$(find "$dir" -name 'stats.db.broken-*' ! -name '*-wal' ! -name '*-shm' | head -n 1)
if [[ -z $kept ]] || ! cmp -s "$kept" "$E2E_TMP/garbage-1"; then
    e2e_fail "the file renamed over the database was not kept aside as it was"
fi
e2e_pass "a file renamed over the database is kept aside and every event is written back"

# 2. Deleted.
rm -f "$db"
check_after "deleted" "it was renamed, deleted or replaced by another file; wrote back the [0-9]+ events recorded so far"
e2e_pass "a deleted database is written back with every event"

# 3. Overwritten in place.
garbage "$E2E_TMP/garbage-3"
cp "$E2E_TMP/garbage-3" "$db"
check_after "overwritten in place" "it was overwritten with something that is not an SQLite database; moved aside to '[^']*'; wrote back the [0-9]+ events recorded so far"
e2e_pass "a database overwritten in place is kept aside and every event is written back"

e2e_stop_kiosk
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited $E2E_KIOSK_STATUS on SIGTERM"
faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == opened)) || e2e_fail "after shutdown: $opens role_opened events, $opened roles were opened"
read -r started ended <<<"$(e2e_sql "$db" "SELECT sum(kind = 'visit_started'), sum(kind = 'visit_ended') FROM events" | tr '|' ' ')"
((started == 1 && ended == 1)) || e2e_fail "visits started $started, ended $ended"
e2e_pass "after three replacements the database holds all $opened role openings and one whole visit"
