#!/usr/bin/env bash
# Fault: the content folder changes under the running kiosk and staff press "Reload content" in
# the admin panel: first a role file half-written (cut off mid-way, as a copy interrupted by a
# pulled USB stick leaves it), then the whole folder deleted, then the folder put back. Checked:
# each broken reload is refused with one summary line in the log and the panel's message, the
# kiosk stays on the last good content (the role pages still open, the visit's statistics still
# recorded), and once the folder is back, Reload takes it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
e2e_require sqlite3

pack="$E2E_TMP/pack"
cp -r "$E2E_CONTENT" "$pack"
db="$E2E_TMP/stats.db"
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$pack" --stats "$db"
e2e_wake
mapfile -t roles < <(faults_roles)
faults_open_role "${roles[0]}"

# reload SHOT : the admin panel (a 3-second press in the corner; no PIN outside kiosk mode),
# its content tab, Reload, a screenshot, and back to the kiosk.
reload() {
    e2e_hold_corner admin:panel
    for _ in 1 2 3; do # the panel's first frames may not take a tap yet
        e2e_tap_hit admin:tab:content
        e2e_wait_for 2 grep -q '^admin:reload ' "$KIOSK_HITS_FILE" && break
    done
    grep -q '^admin:reload ' "$KIOSK_HITS_FILE" || {
        e2e_screenshot "${1%.png}-no-reload-button.png" >/dev/null
        e2e_fail "no Reload button on the admin panel's content tab"
    }
    e2e_tap_hit admin:reload
    sleep 1.5
    e2e_screenshot "$1" >/dev/null
    e2e_tap_hit admin:leave
    e2e_wait_screen home 5
}

refused_lines() {
    faults_log_count "careers-kiosk: content in '$pack' has [0-9]+ errors?: not reloaded, the content on screen stays"
}

# 1. A role file cut off half-way.
victim="$pack/roles/${roles[1]}.json"
size=$(stat -c %s "$victim")
truncate -s $((size / 2)) "$victim"
reload 01-half-written-reload.png
(($(refused_lines) == 1)) || e2e_fail "a half-written file: expected one line refusing the reload, found $(refused_lines)"
grep -q "roles/${roles[1]}.json:[0-9]*:[0-9]*: error" "$E2E_KIOSK_LOG" || e2e_fail "the log does not name the half-written file and line"
faults_open_role "${roles[1]}" # the half-written role still opens: the last good content stays
e2e_pass "a half-written role file: Reload refused in one line naming the file; the role still opens"

# 2. The whole folder gone.
rm -rf "$pack"
reload 02-folder-deleted-reload.png
(($(refused_lines) == 2)) || e2e_fail "a deleted folder: expected a second line refusing the reload, found $(refused_lines)"
faults_open_role "${roles[0]}"
faults_open_role "${roles[1]}"
e2e_kiosk_alive || e2e_fail "the kiosk exited"
e2e_screenshot 03-home-after-folder-deleted.png >/dev/null
e2e_pass "the content folder deleted: Reload refused in one line; the kiosk runs on the last good content"

# 3. Back again.
cp -r "$E2E_CONTENT" "$pack"
reload 04-restored-reload.png
(($(refused_lines) == 2)) || e2e_fail "the restored folder was refused"
faults_open_role "${roles[0]}"
e2e_stop_kiosk
faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == 5)) || e2e_fail "$opens role_opened events, 5 roles were opened"
e2e_pass "the restored folder reloads; all 5 role openings are in the statistics"
