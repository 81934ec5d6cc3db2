#!/usr/bin/env bash
# Fault: the wall clock jumps back a year under the running kiosk and forward again (an RTC
# battery, a wrong manual setting, NTP correcting it). Debian's libfaketime gives the kiosk alone
# a wall clock read from a file this test rewrites at run time; the monotonic clock stays real, as
# it does when a real clock is set. The kiosk uses the wall clock only for the timestamps of its
# statistics (durations, dwell, idle and the attract loop use the monotonic clock). Checked: the
# visit goes on through both jumps, the event opened in the year-back stretch is stamped a year back
# and flagged wall_untrusted, the ones before and after are trusted and stamped now, the visit's
# duration is the real elapsed time, one line for the jump and one when the clock is right again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

faketime_lib=$(find /usr/lib -path '*faketime/libfaketimeMT.so.1' 2>/dev/null | head -n 1)
[[ -n $faketime_lib ]] || e2e_fail "missing libfaketime: install faketime (kiosk/install-deps.sh --test)"
offset_file="$E2E_TMP/faketime"
echo "+0" >"$offset_file"
# The kiosk alone runs under libfaketime (xdotool, import and sqlite3 keep the real clock).
wrapper="$E2E_TMP/careers-kiosk-faketime"
cat >"$wrapper" <<WRAP
#!/bin/sh
export LD_PRELOAD="$faketime_lib" FAKETIME_TIMESTAMP_FILE="$offset_file" FAKETIME_CACHE_DURATION=1
export FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_DONT_RESET=1
exec "$E2E_BIN" "\$@"
WRAP
chmod +x "$wrapper"
real_bin="$E2E_BIN"
E2E_BIN="$wrapper"

db="$E2E_TMP/stats.db"
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"
E2E_BIN="$real_bin"
e2e_wake
t0=$(date +%s)
faults_read_roles 3
faults_open_role "${roles[0]}"

echo "-365d" >"$offset_file"
sleep 2 # libfaketime reads the file at most once a second
faults_open_role "${roles[1]}"
e2e_screenshot 01-a-year-back.png >/dev/null

echo "+0" >"$offset_file"
sleep 2
faults_open_role "${roles[2]}"
e2e_kiosk_alive || e2e_fail "the kiosk exited after the clock jumps"
e2e_stop_kiosk
elapsed=$(($(date +%s) - t0))
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited $E2E_KIOSK_STATUS on SIGTERM"

faults_check_intact "$db"
now=$(date +%s)
year_ago=$((now - 365 * 86400))
check_role() { # ROLE WANT_UNTRUSTED WANT_WALL
    local row untrusted wall
    row=$(e2e_sql "$db" "SELECT wall_untrusted, CAST(wall_time AS INTEGER) FROM events WHERE kind = 'role_opened' AND role_id = '$1'")
    [[ -n $row ]] || e2e_fail "no role_opened event for $1"
    IFS='|' read -r untrusted wall <<<"$row"
    ((untrusted == $2)) || e2e_fail "role $1: wall_untrusted $untrusted, expected $2"
    ((wall > $3 - 600 && wall < $3 + 600)) || e2e_fail "role $1: wall time $wall, expected about $3"
    e2e_log "role $1: wall $(date -u -d "@$wall" +%FT%TZ), wall_untrusted $untrusted"
}
check_role "${roles[0]}" 0 "$now"
check_role "${roles[1]}" 1 "$year_ago"
check_role "${roles[2]}" 0 "$now"
e2e_pass "the event opened a year back is stamped a year back and flagged; the ones before and after are trusted"

duration=$(e2e_sql "$db" "SELECT visit_duration_ms FROM events WHERE kind = 'visit_ended'")
((duration >= (elapsed - 10) * 1000 && duration <= (elapsed + 2) * 1000)) ||
    e2e_fail "visit duration ${duration} ms, the visit lasted about ${elapsed} s of real time"
negative=$(e2e_sql "$db" "SELECT count(*) FROM events WHERE dwell_ms < 0 OR dwell_ms > $((elapsed + 2)) * 1000")
((negative == 0)) || e2e_fail "$negative dwell times below 0 or beyond the visit's real length"
e2e_pass "visit duration ${duration} ms and every dwell time follow real time through both jumps"

jumped=$(faults_log_count "stats: the wall clock jumped by -3153[0-9]{4} s \(-365\.0 days\)")
again=$(faults_log_count "stats: the wall clock agrees with the monotonic clock again")
((jumped == 1 && again == 1)) || e2e_fail "expected one line for the jump and one for the return, found $jumped and $again: $(grep 'stats:' "$E2E_KIOSK_LOG")"
e2e_pass "one line when the clock jumped back a year, one when it was right again"
