#!/usr/bin/env bash
# Fault: a picture file vanishes between validation and display (deleted from the content folder
# after the kiosk loaded and checked it, before anyone opened the page that shows it). Checked:
# the page opens and draws the rest (screenshot), the kiosk keeps running and answers taps, one
# line names the file and what went wrong, the visit's statistics are all recorded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

pack="$E2E_TMP/pack"
cp -r "$E2E_CONTENT" "$pack"
db="$E2E_TMP/stats.db"
# The renal engineering page shows this photo; the attract loop does not.
role=renal-engineering
photo=changing-dialysis-tanks
grep -q "\"$photo\"" "$pack/roles/$role.json" || e2e_fail "the bundled $role no longer shows $photo: pick another photo"
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$pack" --stats "$db"
e2e_wake
rm -f "$pack/photos/$photo.svg"

e2e_tap_hit "role-card:$role"
e2e_wait_screen "role:$role" 10
# Scroll the page to its photographs (drag up until the vanished one has been drawn).
for _ in 1 2 3 4 5 6; do
    grep -q "image '[^']*photos/$photo.svg' cannot be shown" "$E2E_KIOSK_LOG" && break
    e2e_drag $((E2E_WIDTH / 2)) $((E2E_HEIGHT * 3 / 4)) $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 4))
    sleep 0.5
done
e2e_screenshot 01-role-page-without-the-photo.png >/dev/null
e2e_kiosk_alive || e2e_fail "the kiosk exited when a picture had vanished"
[[ $(e2e_screen) == "role:$role" ]] || e2e_fail "the role page was left: the kiosk shows $(e2e_screen)"
lines=$(faults_log_count "careers-kiosk: image '[^']*photos/$photo.svg' cannot be shown \(.+\); drawing its placeholder instead")
((lines == 1)) || e2e_fail "expected one line naming the vanished picture, found $lines"
e2e_log "$(grep "cannot be shown" "$E2E_KIOSK_LOG")"
e2e_pass "the page with a vanished picture opens, draws a placeholder and says which file in one line"

e2e_tap_hit nav:home
e2e_wait_screen home 10
faults_open_role clinical-engineer
e2e_stop_kiosk
faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == 2)) || e2e_fail "$opens role_opened events, 2 roles were opened"
e2e_pass "the kiosk goes on answering taps and records the visit"
