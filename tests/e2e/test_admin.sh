#!/usr/bin/env bash
# The organiser's side, in kiosk mode (--kiosk): no way out for visitors (Escape, Alt+F4,
# Ctrl+Q, Ctrl+W do nothing), the kiosk refuses to run without a PIN, a 3-second press in the
# top-left corner opens the PIN pad, a wrong PIN is refused, the right one opens the panel with
# today's numbers, statistics export to a folder as .db and .csv, and Exit (twice) closes the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

pack="$E2E_TMP/pack"
cp -r "$E2E_CONTENT" "$pack"
db="$E2E_TMP/stats.db"

# No PIN in the bundled content: kiosk mode is refused with a clear line (exit 4).
e2e_start_xvfb 1280x800
set +e
out=$("$E2E_BIN" --kiosk --content "$pack" --stats "$db" 2>&1 >/dev/null)
status=$?
set -e
((status == 4)) || e2e_fail "kiosk mode without a PIN exited $status, expected 4: $out"
grep -q "refusing kiosk mode" <<<"$out" || e2e_fail "no clear refusal line: $out"
e2e_pass "kiosk mode is refused without an admin PIN"

hash=$(printf '2468\n' | "$E2E_BIN" hash-pin)
[[ $hash == pbkdf2-sha256\$* ]] || e2e_fail "hash-pin printed '$hash'"
python3 - "$pack/kiosk.json" "$hash" <<'PY'
import json, sys
path, pin_hash = sys.argv[1], sys.argv[2]
data = json.load(open(path))
data.setdefault("admin", {})["pin_hash"] = pin_hash
json.dump(data, open(path, "w"), indent=2, ensure_ascii=False)
PY
"$E2E_BIN" --validate "$pack" >/dev/null || e2e_fail "the pack with a PIN does not validate"

export HOME="$E2E_TMP/home"
mkdir -p "$HOME"
e2e_start_kiosk --kiosk --content "$pack" --stats "$db"
e2e_wait_screen attract 30
e2e_tap $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 2))
e2e_wait_screen home
e2e_tap_hit role-card:clinical-engineer
e2e_wait_screen role:clinical-engineer

# No way out for visitors. (Xvfb runs no window manager, so Alt+F4 is only sent as keys here;
# the app also refuses the window manager's close request in kiosk mode: Window::SetCloseAllowed.)
for key in Escape alt+F4 ctrl+q ctrl+w; do
    e2e_key "$key"
done
sleep 1
e2e_kiosk_alive || e2e_fail "a key combination closed the kiosk in kiosk mode"
e2e_pass "Escape, Alt+F4, Ctrl+Q and Ctrl+W do nothing in kiosk mode"

# A short press in the corner does nothing; a 3-second one opens the PIN pad.
xdotool mousemove 10 10 mousedown 1
sleep 1
xdotool mouseup 1
sleep 0.5
[[ $(e2e_screen) == role:clinical-engineer ]] || e2e_fail "a 1-second corner press changed the screen to $(e2e_screen)"
e2e_hold_corner admin:pin
e2e_screenshot 01-pin-pad.png >/dev/null
e2e_pass "a 3-second press in the top-left corner opens the PIN pad"

enter_pin() {
    local digit
    for digit in $(grep -o . <<<"$1"); do
        e2e_tap_hit "admin:pin:$digit"
    done
    e2e_tap_hit admin:pin:ok
    sleep 1.5 # the PIN hash takes a moment
}
enter_pin 1357
[[ $(e2e_screen) == admin:pin ]] || e2e_fail "a wrong PIN opened $(e2e_screen)"
e2e_screenshot 02-wrong-pin.png >/dev/null
enter_pin 2468
e2e_wait_screen admin:panel 5
e2e_screenshot 03-panel-today.png >/dev/null
e2e_pass "a wrong PIN is refused; the right one opens the panel"

e2e_tap_hit admin:tab:content
sleep 0.5
e2e_screenshot 04-panel-content.png >/dev/null
e2e_tap_hit admin:tab:export
sleep 0.5
e2e_screenshot 05-panel-export.png >/dev/null
target=$(awk '$1 ~ /^admin:export:/ { print $1 }' "$KIOSK_HITS_FILE" | tail -n 1)
[[ -n $target ]] || e2e_fail "no export target on the export tab"
e2e_tap_hit "$target"
sleep 2
csv=$(ls "$HOME"/careers-kiosk-*.csv 2>/dev/null | head -n 1)
[[ -n $csv ]] || e2e_fail "export wrote no CSV to $HOME"
[[ -f ${csv%.csv}.db ]] || e2e_fail "export wrote no database copy"
head -n 1 "$csv" | grep -q "kind" || e2e_fail "the CSV has no header row"
grep -q "role_opened" "$csv" || e2e_fail "the exported CSV lacks the visit's role_opened event"
[[ $(sqlite3 -readonly "${csv%.csv}.db" "PRAGMA integrity_check") == ok ]] || e2e_fail "the exported database is not intact"
e2e_screenshot 06-exported.png >/dev/null
e2e_pass "statistics export to a folder as .db and .csv"

# Exit needs two taps.
e2e_tap_hit admin:exit
sleep 0.5
e2e_kiosk_alive || e2e_fail "one tap on Exit closed the kiosk"
e2e_screenshot 07-exit-confirm.png >/dev/null
e2e_tap_hit admin:exit-confirm
for _ in $(seq 50); do e2e_kiosk_alive || break; sleep 0.1; done
e2e_kiosk_alive && e2e_fail "the confirmed Exit did not close the kiosk"
e2e_pass "Exit, confirmed, closes the app"
