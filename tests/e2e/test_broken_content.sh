#!/usr/bin/env bash
# Broken content never takes the kiosk down: it starts on a staff fault screen that names the
# file and line, --validate exits non-zero with the same diagnostic, and the window stays up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

pack="$E2E_TMP/pack"
cp -r "$E2E_CONTENT" "$pack"
# A typo'd key in one role file: an error at a known line.
sed -i '0,/"tagline"/s//"tagsline"/' "$pack/roles/clinical-engineer.json"
line=$(grep -n '"tagsline"' "$pack/roles/clinical-engineer.json" | cut -d: -f1)

set +e
report=$("$E2E_BIN" --validate "$pack" 2>&1)
status=$?
set -e
echo "$report" >"$E2E_ARTEFACTS/validate.txt"
((status == 1)) || e2e_fail "--validate on broken content exited $status, expected 1"
grep -q "^roles/clinical-engineer.json:$line:[0-9]*: error: unknown key 'tagsline'; did you mean 'tagline'?" <<<"$report" ||
    e2e_fail "--validate did not point at roles/clinical-engineer.json:$line: $report"
e2e_pass "--validate names the file, line and key, and exits 1"

e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$pack" --stats "$E2E_TMP/stats.db"
e2e_wait_screen fault 30
sleep 0.5
e2e_screenshot fault.png >/dev/null
e2e_kiosk_alive || e2e_fail "the kiosk exited on broken content"
grep -q "roles/clinical-engineer.json:$line" "$E2E_KIOSK_LOG" || e2e_fail "the kiosk's log does not name the broken file and line"
e2e_pass "broken content shows the fault screen, not a crash"

# Fix the file and tap Reload: the pack loads and the kiosk starts, in the attract loop.
sed -i 's/"tagsline"/"tagline"/' "$pack/roles/clinical-engineer.json"
e2e_tap_hit fault:reload
e2e_wake 20
e2e_screenshot fixed-home.png >/dev/null
e2e_pass "after the fix, Reload shows the content"

# A pack whose only problems can only warn starts without waiting for those checks (issue 13:
# they run after the first frame), and their warnings still reach the log, naming file and line.
e2e_stop_kiosk
warn_pack="$E2E_TMP/warn-pack"
cp -r "$E2E_CONTENT" "$warn_pack"
long="You would design and build the equipment that finds and treats illness in patients of every age on the wards, in clinics and in theatres across the whole hospital."
sed -i "s/You would design and build equipment that finds and treats illness\./$long/" \
    "$warn_pack/roles/clinical-engineer.json"
grep -qF "$long" "$warn_pack/roles/clinical-engineer.json" || e2e_fail "the long sentence did not go into the test pack"
e2e_start_kiosk --content "$warn_pack" --stats "$E2E_TMP/stats-warn.db"
e2e_wait_screen attract 30
e2e_wait_for 20 grep -q "^roles/clinical-engineer.json:[0-9]*:[0-9]*: warning: sentence of [0-9]* words" "$E2E_KIOSK_LOG" ||
    e2e_fail "the warning about the long sentence never reached the log"
grep -q "the checks that can only warn, run after the first frame" "$E2E_KIOSK_LOG" ||
    e2e_fail "the long sentence's warning was not reported by the checks run after the first frame"
e2e_kiosk_alive || e2e_fail "the kiosk exited on a pack with warnings"
e2e_pass "a pack with warnings starts in the attract loop; the warn-only checks report after the first frame"
