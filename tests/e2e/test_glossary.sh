#!/usr/bin/env bash
# Tap to explain, end to end: on a role page in Welsh a glossary term is drawn as a tappable
# term; a tap opens its definition card, a tap anywhere closes it without pressing what is
# under it, and the statistics record which term was opened (and nothing else about it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_start_xvfb 1280x800
db="$E2E_TMP/stats.db"
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"

e2e_wake
e2e_tap_hit lang:cy
sleep 0.5
e2e_tap_hit role-card:clinical-technologist
e2e_wait_screen role:clinical-technologist
sleep 0.5
term=$(awk '$1 ~ /^term:[a-z0-9-]+$/ { sub(/^term:/, "", $1); print $1; exit }' "$KIOSK_HITS_FILE")
[[ -n $term ]] || e2e_fail "the role page marks no glossary term as tappable"
e2e_screenshot 01-role-terms.png >/dev/null
e2e_pass "the role page marks glossary terms ($term first)"

e2e_tap_hit "term:$term"
e2e_wait_for 5 grep -q "^glossary:card " "$KIOSK_HITS_FILE" || e2e_fail "no definition card after tapping term:$term"
sleep 0.5
e2e_screenshot 02-card.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/01-role-terms.png" "$E2E_ARTEFACTS/02-card.png" 1000 ||
    e2e_fail "tapping the term drew no card"
e2e_pass "tapping a term opens its definition card"

# A tap on the Back button's place closes the card and stays on the role page.
e2e_tap_hit nav:back
sleep 0.8
grep -q "^glossary:card " "$KIOSK_HITS_FILE" && e2e_fail "the card stayed open after a tap"
[[ $(e2e_screen) == role:clinical-technologist ]] || e2e_fail "the closing tap also pressed Back ($(e2e_screen))"
e2e_pass "a tap anywhere closes the card and presses nothing under it"

e2e_stop_kiosk TERM
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with $E2E_KIOSK_STATUS on SIGTERM"
opened=$(e2e_sql "$db" "SELECT glossary_term_id FROM events WHERE kind = 'glossary_term_opened'")
[[ $opened == "$term" ]] || e2e_fail "statistics recorded glossary_term_opened '$opened', expected '$term'"
summary=$("$E2E_BIN" stats summary "$db")
grep -q "Glossary terms opened" <<<"$summary" || e2e_fail "stats summary has no glossary section"
grep -q "$term" <<<"$summary" || e2e_fail "stats summary does not list '$term'"
e2e_pass "the statistics record the term opened, and stats summary lists it"
