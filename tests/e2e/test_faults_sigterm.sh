#!/usr/bin/env bash
# Fault: SIGTERM (systemctl stop, a shutdown) while the kiosk is writing statistics. A clicker
# keeps a visitor tapping between role pages and home, so events are being queued and committed
# when the signal comes at a random moment; three rounds on one database. Each round: the kiosk
# exits 0 within the service's TimeoutStopSec, says in one line how many events it saved, and the
# database holds exactly that many (no gap in the sequence), every visit ended, integrity ok.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

service="$E2E_SOURCE_DIR/kiosk/deploy/careers-kiosk.service"
stop_timeout=$(sed -n 's/^TimeoutStopSec=\([0-9]*\)$/\1/p' "$service")
[[ -n $stop_timeout ]] || e2e_fail "no TimeoutStopSec in $service"
db="$E2E_TMP/stats.db"
e2e_start_xvfb 1280x800

# A finger going back and forth between a role card and the role page's Home button, each tap
# as soon as the last one's screen is drawn.
clicker() {
    while :; do
        E2E_INPUT_SETTLE=0.1 e2e_tap "$1" "$2"
        e2e_wait_screen home 5
        E2E_INPUT_SETTLE=0.1 e2e_tap "$3" "$4"
        e2e_wait_screen "role:$5" 5
    done
}

previous_rows=0
for round in 1 2 3; do
    e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"
    e2e_wake
    role=$(faults_roles | head -n 1)
    read -r rx ry <<<"$(e2e_hit_center "role-card:$role")"
    e2e_tap_hit "role-card:$role"
    e2e_wait_screen "role:$role" 10
    read -r hx hy <<<"$(e2e_hit_center nav:home)"
    clicker "$hx" "$hy" "$rx" "$ry" "$role" >/dev/null 2>&1 &
    clicker_pid=$!
    _e2e_track "$clicker_pid"
    sleep "$((2 + RANDOM % 3)).$((RANDOM % 10))"
    kill -TERM "$E2E_KIOSK_PID"
    start=$(date +%s.%N)
    faults_wait_exit "$stop_timeout" || e2e_fail "round $round: still running ${stop_timeout} s (TimeoutStopSec) after SIGTERM"
    took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    _e2e_stop_pid "$clicker_pid" TERM 2
    e2e_release_pointer
    e2e_stop_kiosk
    ((E2E_KIOSK_STATUS == 0)) || e2e_fail "round $round: exit status $E2E_KIOSK_STATUS after SIGTERM, expected 0"

    lines=$(faults_log_count "careers-kiosk: stopped by a signal; statistics saved")
    ((lines == 1)) || e2e_fail "round $round: expected one line saying the statistics were saved, found $lines"
    saved=$(sed -n 's/.*statistics saved (\([0-9]*\) events.*/\1/p' "$E2E_KIOSK_LOG")
    faults_check_intact "$db"
    read -r rows max_seq started ended <<<"$(e2e_sql "$db" \
        "SELECT count(*), max(seq), sum(kind = 'visit_started'), sum(kind = 'visit_ended') FROM events" | tr '|' ' ')"
    e2e_log "round $round: exited in $took s; log says $saved events saved; database has $rows rows (max seq $max_seq), visits $started started, $ended ended"
    ((rows - previous_rows >= 8)) || e2e_fail "round $round: only $((rows - previous_rows)) events recorded: the clicker did not reach the kiosk"
    previous_rows=$rows
    ((rows == saved && max_seq == saved)) || e2e_fail "round $round: the log says $saved events were saved, the database has $rows (max seq $max_seq)"
    ((started == ended && started == round)) || e2e_fail "round $round: $started visits started, $ended ended"
done
e2e_pass "SIGTERM while writing: 3 rounds, each exits 0 within TimeoutStopSec=${stop_timeout}s with every event it reported in the database"
