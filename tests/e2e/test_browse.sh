#!/usr/bin/env bash
# A visitor browses: opens a role card, scrolls the role page with a finger, goes back, drags
# the home grid (which must not open a card), opens the gallery and swipes it both ways.
# Screenshots of each step are kept in the artefact folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$E2E_TMP/stats.db"

e2e_wake
e2e_screenshot 01-home.png >/dev/null

# Tap a role card: its page opens.
e2e_tap_hit role-card:clinical-engineer
e2e_wait_screen role:clinical-engineer
sleep 0.5
e2e_screenshot 02-role.png >/dev/null
e2e_pass "tapping a role card opens its page"

# Drag the page up: it scrolls (the page's content moves up) and stays on the same role.
before_y=$(e2e_hit_y nav:back)
first_id=$(awk 'NR > 1 && $1 !~ /^(nav|lang|toggle):/ { print $1; exit }' "$KIOSK_HITS_FILE")
[[ -n $first_id ]] || e2e_fail "the role page shows no tappable content"
first_y_before=$(e2e_hit_y "$first_id")
mid_x=$((E2E_WIDTH / 2))
e2e_drag "$mid_x" $((E2E_HEIGHT * 8 / 10)) "$mid_x" $((E2E_HEIGHT * 3 / 10))
sleep 1.5 # inertia settles
[[ $(e2e_screen) == role:clinical-engineer ]] || e2e_fail "dragging the role page left it (now $(e2e_screen))"
e2e_screenshot 03-role-scrolled.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/02-role.png" "$E2E_ARTEFACTS/03-role-scrolled.png" 1000 ||
    e2e_fail "dragging the role page did not scroll it"
[[ $(e2e_hit_y nav:back) == "$before_y" ]] || e2e_fail "the Back button moved while the page scrolled"
if grep -q "^$first_id " "$KIOSK_HITS_FILE"; then
    (($(e2e_hit_y "$first_id") < first_y_before)) || e2e_fail "'$first_id' did not move up when the page was dragged up"
fi
e2e_pass "the role page scrolls with a finger and Back stays visible"

# Back returns home.
e2e_tap_hit nav:back
e2e_wait_screen home
e2e_pass "Back returns to the home screen"

# A drag across the home grid starting on a card scrolls and does not open the card.
read -r cx cy <<<"$(e2e_hit_center role-card:clinical-technologist)"
e2e_drag "$cx" "$cy" "$cx" $((cy - 200))
sleep 1.5
[[ $(e2e_screen) == home ]] || e2e_fail "a drag on the home grid opened $(e2e_screen)"
e2e_screenshot 04-home-dragged.png >/dev/null
e2e_pass "a drag on the home grid does not open a card"

# The gallery: open it, swipe left to the next photo, right to go back.
e2e_tap_hit home:gallery
e2e_wait_screen gallery:0
sleep 0.5
e2e_screenshot 05-gallery-0.png >/dev/null
read -r gx gy <<<"$(e2e_hit_center gallery:photo)"
e2e_drag $((gx + 200)) "$gy" $((gx - 200)) "$gy"
e2e_wait_screen gallery:1
sleep 0.8
e2e_screenshot 06-gallery-1.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/05-gallery-0.png" "$E2E_ARTEFACTS/06-gallery-1.png" 1000 ||
    e2e_fail "swiping the gallery did not change the photo"
e2e_drag $((gx - 200)) "$gy" $((gx + 200)) "$gy"
e2e_wait_screen gallery:0
e2e_pass "swiping the gallery moves between photographs"
e2e_tap_hit nav:home
e2e_wait_screen home
e2e_kiosk_alive || e2e_fail "the kiosk died"
e2e_pass "browse: role card, role scroll, back, home drag, gallery swipe"
