#!/usr/bin/env bash
# A visit with keys only (issue 11, "a keypad or a switch"): xdotool presses the keys a number
# pad or a switch interface sends (Tab, arrows, KP_2/KP_8, Return, KP_Enter, Escape) and never
# touches the screen. A key wakes the attract loop; the next shows the focus ring (seen in the
# screenshot as the ring's yellow); the visitor opens a role, its photographs, the flowchart and a
# node's details, goes back home, switches to Welsh; the statistics record what the keys opened.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

db="$E2E_TMP/stats.db"
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"

# focused: the target the keypad focus is on ("" while the ring is hidden).
focused() { awk '$1 == "focus" { print $2; exit }' "$KIOSK_HITS_FILE" 2>/dev/null || true; }

# press KEY: presses KEY and waits (up to 5 s) until the focus moves, so no press runs ahead of
# what the kiosk has drawn.
press() {
    local before deadline
    before=$(focused)
    E2E_INPUT_SETTLE=0.05 e2e_key "$1"
    deadline=$((SECONDS + 5))
    while ((SECONDS < deadline)) && [[ $(focused) == "$before" ]]; do sleep 0.05; done
}

# tab_to PREFIX [KEY]: presses KEY (Tab) until the focus is on a target starting with PREFIX.
tab_to() {
    local prefix="$1" key="${2:-Tab}" i
    for ((i = 0; i < 80; i++)); do
        [[ $(focused) == "$prefix"* ]] && return 0
        press "$key"
    done
    e2e_fail "pressing $key never reached a target '$prefix*' on $(e2e_screen) (focus: $(focused))"
}

# A key wakes the attract loop and does nothing else.
e2e_wait_screen attract 30
e2e_key Down
e2e_wait_screen home 10
[[ -z $(focused) ]] || e2e_fail "the key that woke the kiosk also showed the focus ($(focused))"
e2e_pass "a key wakes the attract loop onto the home screen"

# The first key shows the ring on the first content target.
press KP_2
first=$(focused)
[[ -n $first && $first != nav:* && $first != lang:* && $first != toggle:* ]] ||
    e2e_fail "the first key press put the focus on '$first', not on the screen's content"
[[ $(e2e_screen) == home ]] || e2e_fail "the first key press left the home screen"
e2e_wait_settled 15 || true # pictures still arriving on a busy machine
shot=$(e2e_screenshot 01-home-focus.png)
yellow=$(convert "$shot" -alpha off -fill black +opaque '#FFDD00' -fill white -opaque '#FFDD00' -format '%[fx:int(mean*w*h)]' info:)
((yellow > 200)) || e2e_fail "no focus ring on screen: $yellow pixels of the ring's yellow"
e2e_pass "the first key shows a focus ring on '$first' ($yellow ring pixels)"

# Home -> a role page (Return).
tab_to role-card:
role=$(focused)
role=${role#role-card:}
e2e_key Return
e2e_wait_screen "role:$role"
e2e_screenshot 02-role.png >/dev/null
e2e_pass "Return on a role card opens role:$role"

# Role -> its photographs (keypad Enter), the next one, Escape back to the role.
tab_to role:photo:
e2e_key KP_Enter
deadline=$((SECONDS + 10))
while ((SECONDS < deadline)) && [[ $(e2e_screen) != gallery:* ]]; do sleep 0.1; done
[[ $(e2e_screen) == gallery:* ]] || e2e_fail "KP_Enter on a photo opened $(e2e_screen)"
e2e_screenshot 03-gallery.png >/dev/null
e2e_key Escape
e2e_wait_screen "role:$role"
e2e_pass "KP_Enter opens the gallery, Escape returns to the role"

# Role -> How do I get here? -> a node's details -> Escape closes them -> Escape, Escape: home.
tab_to role:pathway
e2e_key Return
deadline=$((SECONDS + 10))
while ((SECONDS < deadline)) && [[ $(e2e_screen) != pathway* ]]; do sleep 0.1; done
[[ $(e2e_screen) == pathway* ]] || e2e_fail "Return on 'How do I get here?' opened $(e2e_screen)"
deadline=$((SECONDS + 15))
while ((SECONDS < deadline)) && ! grep -q '^pathway:node:' "$KIOSK_HITS_FILE"; do sleep 0.1; done
tab_to pathway:node:
node=$(focused)
node=${node#pathway:node:}
e2e_screenshot 04-pathway-focus.png >/dev/null
e2e_key Return
deadline=$((SECONDS + 10))
while ((SECONDS < deadline)) && ! grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; do sleep 0.1; done
grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE" || e2e_fail "Return on node $node opened no details"
e2e_screenshot 05-node-details.png >/dev/null
e2e_key Escape
deadline=$((SECONDS + 10))
while ((SECONDS < deadline)) && grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; do sleep 0.1; done
if grep -q '^pathway:sheet-close ' "$KIOSK_HITS_FILE"; then
    e2e_fail "Escape did not close the details of $node"
fi
e2e_key Escape
e2e_wait_screen "role:$role"
e2e_key Escape
e2e_wait_screen home
e2e_pass "node $node's details open with Return; Escape closes them, then goes back home"

# The language switch.
tab_to lang:cy
e2e_key Return
deadline=$((SECONDS + 5))
while ((SECONDS < deadline)) && ! grep -q '^lang:en ' "$KIOSK_HITS_FILE"; do sleep 0.1; done
e2e_screenshot 06-home-welsh.png >/dev/null
grep -q '^lang:en ' "$KIOSK_HITS_FILE" || e2e_fail "Return on Cymraeg did not switch to Welsh"
e2e_pass "Return on the language switch changes the language"

# The statistics recorded what the keys opened, as taps would.
e2e_stop_kiosk
opened=$(e2e_sql "$db" "SELECT count(*) FROM events WHERE role_id = '$role'")
((opened >= 1)) || e2e_fail "the statistics do not record the role $role opened by keys"
tapped=$(e2e_sql "$db" "SELECT node_id FROM events WHERE kind = 'pathway_node_tapped' ORDER BY seq DESC LIMIT 1")
[[ $tapped == "$node" ]] || e2e_fail "the statistics record node '$tapped', the keys opened '$node'"
e2e_pass "a whole visit with keys only: role $role, its photos, node $node, back home, Welsh"
