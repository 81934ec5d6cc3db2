#!/usr/bin/env bash
# The pathway flowchart under Xvfb: wake the kiosk from the attract loop, open the flowchart,
# drag the canvas with a real pointer (the nodes move and no details sheet opens), tap a node
# (its sheet opens), close it, tap a start chip, and find the node tap and the start point in
# the statistics database. Screenshots of each step are kept in the artefact folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

db="$E2E_TMP/stats.db"
e2e_start_xvfb 1920x1080
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"

# The kiosk starts in the attract loop; the first touch only wakes it.
deadline=$((SECONDS + 30))
while ((SECONDS < deadline)) && [[ $(e2e_screen) != attract && $(e2e_screen) != home ]]; do sleep 0.2; done
if [[ $(e2e_screen) == attract ]]; then
    e2e_log "waking the kiosk from the attract loop"
    e2e_tap $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 2))
fi
e2e_wait_screen home 15
e2e_pass "the kiosk is awake on the home screen"

e2e_tap_hit home:pathway
e2e_wait_screen pathway
# Wait for the first node rectangles (the layout may still be running on a worker thread).
deadline=$((SECONDS + 15))
while ((SECONDS < deadline)) && ! grep -q '^pathway:node:' "$KIOSK_HITS_FILE"; do sleep 0.1; done
grep -q '^pathway:node:' "$KIOSK_HITS_FILE" || e2e_fail "the flowchart shows no nodes"
sleep 0.5
e2e_screenshot 01-pathway.png >/dev/null
e2e_pass "the flowchart opens with nodes on screen"

# canvas_node [MIN_X]: the first node whose whole box is on the canvas, left of 60% of the
# screen's width (clear of the zoom controls at the bottom right), starting right of MIN_X.
canvas_node() {
    awk -v w="$E2E_WIDTH" -v min_x="${1:-0}" '
        $1 == "pathway:canvas" { cx0 = $2; cy0 = $3; cx1 = $4; cy1 = $5 }
        $1 ~ /^pathway:node:/ && $4 - $2 > 40 && $5 - $3 > 40 && $2 > cx0 + 10 && $2 >= min_x &&
            $4 < 0.6 * w && $3 > cy0 + 10 && $5 < cy1 - 10 { print $1; exit }' "$KIOSK_HITS_FILE"
}
node=$(canvas_node $((E2E_WIDTH / 4)))
[[ -n $node ]] || e2e_fail "no node fully on the canvas to drag"
read -r nx0 ny0 nx1 ny1 <<<"$(e2e_hit "$node")"
e2e_log "dragging from $node ($nx0 $ny0 $nx1 $ny1)"

# Drag starting on that node, to the left and up: the flowchart pans, nothing opens.
read -r sx sy <<<"$(e2e_hit_center "$node")"
e2e_drag "$sx" "$sy" $((sx - 400)) $((sy > 300 ? sy - 120 : sy + 120)) 16 0.03
sleep 1.5 # inertia settles
[[ $(e2e_screen) == pathway ]] || e2e_fail "dragging the flowchart left it (now $(e2e_screen))"
if grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; then
    e2e_fail "a drag that started on $node opened its details sheet"
fi
if grep -q "^$node " "$KIOSK_HITS_FILE"; then
    read -r ax0 _ ax1 _ <<<"$(e2e_hit "$node")"
    ((ax1 < nx1 - 150)) || e2e_fail "$node did not move left with the drag ($nx0..$nx1 -> $ax0..$ax1)"
fi
e2e_screenshot 02-pathway-dragged.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/01-pathway.png" "$E2E_ARTEFACTS/02-pathway-dragged.png" 1000 ||
    e2e_fail "the flowchart looks the same after the drag"
e2e_pass "a drag pans the flowchart and opens nothing"

# Tap a node: its details sheet opens.
node=$(canvas_node)
[[ -n $node ]] || e2e_fail "no node fully on the canvas to tap"
e2e_tap_hit "$node"
deadline=$((SECONDS + 5))
while ((SECONDS < deadline)) && ! grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; do sleep 0.1; done
grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE" || e2e_fail "tapping $node opened no details sheet"
sleep 0.8
e2e_screenshot 03-pathway-sheet.png >/dev/null
e2e_pass "tapping $node opens its details sheet"

e2e_tap_hit pathway:sheet-close
# The sheet slides out over several frames; a software-rendered GLES build takes longer.
deadline=$((SECONDS + 5))
while ((SECONDS < deadline)) && grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; do sleep 0.1; done
if grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; then
    e2e_fail "Close did not close the sheet"
fi
e2e_pass "Close closes the sheet"

# A start chip lights its routes and frames them.
e2e_tap_hit pathway:start:have-a-degree
sleep 1.2
e2e_screenshot 04-pathway-start-chip.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/02-pathway-dragged.png" "$E2E_ARTEFACTS/04-pathway-start-chip.png" 1000 ||
    e2e_fail "the start chip changed nothing on screen"
grep -q '^pathway:node:stp-application ' "$KIOSK_HITS_FILE" ||
    e2e_fail "the 'Have a degree' routes are not framed (no stp-application node on screen)"
e2e_pass "a start chip lights and frames its routes"

e2e_kiosk_alive || e2e_fail "the kiosk died"
e2e_stop_kiosk
tapped=$(e2e_sql "$db" "SELECT node_id FROM events WHERE kind = 'pathway_node_tapped' ORDER BY seq LIMIT 1")
[[ "pathway:node:$tapped" == "$node" ]] || e2e_fail "the node tap was recorded as '$tapped', expected ${node#pathway:node:}"
start=$(e2e_sql "$db" "SELECT start_point_id FROM events WHERE kind = 'start_point_chosen' ORDER BY seq LIMIT 1")
[[ $start == have-a-degree ]] || e2e_fail "the start chip was recorded as '$start'"
e2e_pass "pathway: wake, open, drag without opening, tap opens the sheet, start chip; taps recorded"
