#!/usr/bin/env bash
# Fault: the X server goes away under the running kiosk (Xorg crashed; here our own Xvfb is
# killed). The kiosk ends the open visit, writes every event, says so in one line and exits with
# status 5: not 0, so careers-kiosk.service (Restart=always, RestartPreventExitStatus=0) starts it
# again. Checked: the exit status and time, the one line, and the statistics against the taps.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

db="$E2E_TMP/stats.db"
faults_start_visit "$db"
# The third role's page stays open: its visit and screen are still running when X goes.
e2e_tap_hit "role-card:${roles[0]}"
e2e_wait_screen "role:${roles[0]}" 10

_e2e_stop_pid "$E2E_XVFB_PID" KILL 1 # our own Xvfb, by PID: the display dies at once
start=$SECONDS
faults_wait_exit 10 || e2e_fail "the kiosk was still running 10 s after its X server died"
e2e_stop_kiosk
e2e_log "the kiosk exited $((SECONDS - start)) s after the X server, status $E2E_KIOSK_STATUS"
((E2E_KIOSK_STATUS == 5)) || e2e_fail "exit status $E2E_KIOSK_STATUS after the X server died, expected 5 (non-zero: restarted)"
e2e_pass "the kiosk exits with status 5 (restarted by the service) when its X server dies"

lines=$(faults_log_count "careers-kiosk: the display :[0-9]+ went away")
((lines == 1)) || e2e_fail "expected one line saying the display went away, found $lines"
grep -q "statistics saved ([0-9]* events in '$db'" "$E2E_KIOSK_LOG" || e2e_fail "the line does not say the statistics were saved"

faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == 3)) || e2e_fail "$opens role_opened events in the database, 3 roles were opened"
read -r started ended <<<"$(e2e_sql "$db" "SELECT sum(kind = 'visit_started'), sum(kind = 'visit_ended') FROM events" | tr '|' ' ')"
((started == 1 && ended == 1)) || e2e_fail "visits started $started, ended $ended: the open visit was not ended"
last=$(e2e_sql "$db" "SELECT screen_id FROM events WHERE kind = 'screen_viewed' ORDER BY seq DESC LIMIT 1")
[[ $last == "role:${roles[0]}" ]] || e2e_fail "the role page on screen when X died was not recorded (last screen_viewed '$last')"
e2e_pass "every tap is in the statistics (3 roles, the visit ended, the open page's view), integrity ok"
