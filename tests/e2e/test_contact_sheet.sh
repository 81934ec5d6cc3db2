#!/usr/bin/env bash
# The contact sheet (issue 10, item 6): one command draws the pack's screens in each language
# and variant into a folder with an index.html, the validator's messages and the translation
# report; headless Chromium opens the page and every picture in it loads.
#
# The default run is small (one size, two languages, a few screens of each kind); set
# KIOSK_CONTACT_SHEET_FULL=1 for every screen (several minutes on two cores).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || e2e_fail "no chromium: install Debian's chromium package (kiosk/install-deps.sh does)"

out="$E2E_ARTEFACTS/sheet"
rm -rf "$out"
chosen="home,role:clinical-technologist,gallery:0,pathway:stp,quiz:result,attract:1,attract:2,still-there"
screens=(--screens "$chosen")
[[ ${KIOSK_CONTACT_SHEET_FULL:-0} == 1 ]] && screens=()
SECONDS=0
env -u DISPLAY -u WAYLAND_DISPLAY "$E2E_BIN" contact-sheet "$out" --content "$E2E_CONTENT" --sizes 800x480 \
    --languages en,cy "${screens[@]}" >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
    e2e_fail "contact-sheet failed: $(cat "$E2E_TMP/out" "$E2E_TMP/err")"
e2e_log "$(cat "$E2E_TMP/out") (wall clock $SECONDS s)"

[[ -s $out/index.html && -s $out/translation-report.txt && -s $out/validation.txt ]] ||
    e2e_fail "index.html, translation-report.txt or validation.txt is missing"
# What --validate --translation-report prints is what the sheet carries.
"$E2E_BIN" --validate "$E2E_CONTENT" --translation-report >"$E2E_TMP/report" 2>&1 || true
extra=$(comm -23 <(sort -u "$out/translation-report.txt") <(sort -u "$E2E_TMP/report"))
[[ -z $extra ]] || e2e_fail "translation-report.txt has lines the validator's report has not: $extra"

# Every screen asked for, in both languages and three variants; the attract loop once (it shows
# every language at once, and runs between visits, so never in a visitor's variant).
pngs=$(find "$out" -name '*.png' | wc -l)
expected=$((6 * 2 * 3 + 2))
[[ ${KIOSK_CONTACT_SHEET_FULL:-0} == 1 ]] || ((pngs == expected)) || e2e_fail "$pngs pictures, expected $expected"
for f in 800x480/normal/en/home.png 800x480/normal/cy/home.png 800x480/large-text/cy/role_clinical-technologist.png \
    800x480/high-contrast/en/still-there.png 800x480/normal/all/attract_2.png; do
    [[ -s $out/$f ]] || e2e_fail "no $f"
    grep -qF "src=\"$f\"" "$out/index.html" || e2e_fail "index.html does not show $f"
done
[[ $(identify -format '%w' "$out/800x480/normal/en/home.png") == 800 ]] || e2e_fail "home is not 800 wide"
# The role page is drawn whole.
(($(identify -format '%h' "$out/800x480/normal/en/role_clinical-technologist.png") > 480)) ||
    e2e_fail "the role page in the contact sheet is not drawn whole"
cmp -s "$out/800x480/normal/en/home.png" "$out/800x480/normal/cy/home.png" && e2e_fail "home in Welsh is English"
# Shots never leak into each other (a countdown, a language, a scroll): a picture drawn after many
# others is the one a preview of that screen alone draws.
for spec in "large-text en home --large-text" "high-contrast cy role_clinical-technologist --high-contrast --language cy --screen role:clinical-technologist"; do
    read -r variant lang file args <<<"$spec"
    # shellcheck disable=SC2086 # the arguments are words on purpose
    env -u DISPLAY -u WAYLAND_DISPLAY "$E2E_BIN" --screenshot "$E2E_TMP/alone.png" --size 800x480 \
        --content "$E2E_CONTENT" --full-page $args >/dev/null 2>&1 || e2e_fail "preview of $file ($args) failed"
    [[ $(compare -metric AE "$E2E_TMP/alone.png" "$out/800x480/$variant/$lang/$file.png" null: 2>&1) == 0 ]] ||
        e2e_fail "$variant/$lang/$file.png in the sheet differs from the same screen previewed alone"
done
e2e_pass "contact-sheet drew $pngs pictures with index.html and the reports"

# --- the page in a browser -------------------------------------------------------------------
profile="$E2E_TMP/chromium"
chrome() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
        --allow-file-access-from-files --virtual-time-budget=20000 "$@" 2>>"$E2E_TMP/chromium.log"
}
dom=$(chrome --dump-dom "file://$out/index.html") || e2e_fail "chromium could not open index.html: $(tail -5 "$E2E_TMP/chromium.log")"
grep -q 'data-broken="0"' <<<"$dom" || e2e_fail "some pictures did not load in chromium: $(grep -o 'data-[a-z]*="[0-9]*"' <<<"$dom")"
loaded=$(grep -o 'data-loaded="[0-9]*"' <<<"$dom" | grep -o '[0-9]*')
((loaded == pngs)) || e2e_fail "chromium loaded $loaded pictures, the folder has $pngs"
chrome --screenshot="$E2E_ARTEFACTS/index-page.png" --window-size=1280,2400 "file://$out/index.html" >/dev/null ||
    e2e_fail "chromium could not take a screenshot of index.html"
colours=$(convert "$E2E_ARTEFACTS/index-page.png" -format '%k' info:)
((colours > 200)) || e2e_fail "the page screenshot looks empty ($colours colours)"
e2e_pass "chromium opens index.html and all $loaded pictures load (page: $E2E_ARTEFACTS/index-page.png)"

# A picture gone missing is reported on the page itself.
rm "$out/800x480/normal/en/home.png"
dom=$(chrome --dump-dom "file://$out/index.html") || e2e_fail "chromium could not open index.html again"
if ! grep -q 'data-broken="1"' <<<"$dom" || ! grep -q 'pictures did not load' <<<"$dom"; then
    e2e_fail "a missing picture is not reported on the page"
fi
e2e_pass "a missing picture is named on the page"
