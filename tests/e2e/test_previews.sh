#!/usr/bin/env bash
# Previews of everything a visitor can see (issue 10, item 6): attract slides by number, held
# still between cross-fades; the "Still there?" countdown; a node's details sheet; language, large
# text and high contrast; the fault screen of a broken pack; a scrolling role page whole
# (--full-page); and one list of screens in --help and in the error for a bad --screen.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"

size=800x480
# shot NAME ARGS... : a preview into the artefacts (its own Xvfb), path on stdout.
shot() {
    local name=$1 png="$E2E_ARTEFACTS/$1.png"
    shift
    env -u DISPLAY -u WAYLAND_DISPLAY "$E2E_BIN" --screenshot "$png" --size "$size" --content "$E2E_CONTENT" "$@" \
        >/dev/null 2>"$E2E_TMP/$name.err" || e2e_fail "preview $name ($*) failed: $(cat "$E2E_TMP/$name.err")"
    echo "$png"
}
same() { [[ $(compare -metric AE "$1" "$2" null: 2>&1) == 0 ]]; }
# expect_refused STATUS TEXT ARGS... : the preview exits STATUS with TEXT on stderr.
expect_refused() {
    local want=$1 text=$2 status=0
    shift 2
    env -u DISPLAY "$E2E_BIN" --screenshot "$E2E_TMP/x.png" --size "$size" "$@" >/dev/null 2>"$E2E_TMP/err" || status=$?
    ((status == want)) || e2e_fail "careers-kiosk --screenshot $* exited $status, expected $want"
    grep -qF -- "$text" "$E2E_TMP/err" || e2e_fail "careers-kiosk --screenshot $*: no '$text' in: $(cat "$E2E_TMP/err")"
}

# --- the one list of screens ------------------------------------------------------------
help=$("$E2E_BIN" --help)
for form in home role:ID gallery:N pathway:NODE quiz:N quiz:result attract:N still-there fault; do
    grep -qF -- "$form" <<<"$help" || e2e_fail "--help does not list $form"
done
expect_refused 2 "attract:N, still-there, fault" --screen kitchen
expect_refused 2 "is not a screen that can be previewed" --screen admin:panel
grep -qF "$(sed -n 's/.*SCREEN is one of: //p' <<<"$help")" "$E2E_SOURCE_DIR/README.md" ||
    e2e_fail "README.md does not list the screens --help lists"
e2e_pass "--help, the README and a bad --screen list the same screens"

# --- attract slides by number, held still -----------------------------------------------
a1=$(shot attract-1 --screen attract:1)
a2=$(shot attract-2 --screen attract:2)
a2b=$(shot attract-2-again --screen attract:2)
plain=$(shot attract --screen attract)
same "$a2" "$a2b" || e2e_fail "two previews of attract:2 differ: the slide is not held still"
same "$a1" "$plain" || e2e_fail "attract and attract:1 differ"
same "$a1" "$a2" && e2e_fail "attract:1 and attract:2 look the same"
slides=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["slides"]))' "$E2E_CONTENT/attract.json")
shot "attract-$slides" --screen "attract:$slides" >/dev/null
expect_refused 2 "the attract loop has $slides slides" --content "$E2E_CONTENT" --screen "attract:$((slides + 1))"
expect_refused 2 "do not apply to the attract loop" --content "$E2E_CONTENT" --screen attract:1 --large-text
e2e_pass "attract:N shows slide N, the same picture every time (never mid-fade)"

# --- the countdown, a details sheet, the variants ----------------------------------------
home=$(shot home --screen home)
still=$(shot still-there --screen still-there)
same "$home" "$still" && e2e_fail "still-there looks like home"
node=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["nodes"][0]["id"])' "$E2E_CONTENT/pathway.json")
flow=$(shot pathway --screen pathway)
sheet=$(shot pathway-node --screen "pathway:$node")
same "$flow" "$sheet" && e2e_fail "pathway:$node looks like the plain flowchart"
expect_refused 2 "no node 'nowhere'" --content "$E2E_CONTENT" --screen pathway:nowhere
for variant in --large-text --high-contrast "--language cy"; do
    # shellcheck disable=SC2086 # the variant is one or two words on purpose
    other=$(shot "home${variant// /-}" --screen home $variant)
    same "$home" "$other" && e2e_fail "home with $variant looks like home"
done
expect_refused 2 "not one of the content's languages" --content "$E2E_CONTENT" --language xx
e2e_pass "still-there, pathway:NODE, --large-text, --high-contrast and --language each change the picture"

# --- the fault screen of a broken pack -----------------------------------------------------
expect_refused 2 "has no errors" --content "$E2E_CONTENT" --screen fault
pack="$E2E_TMP/broken"
cp -r "$E2E_CONTENT" "$pack"
sed -i '0,/"tagline"/s//"tagsline"/' "$pack/roles/clinical-engineer.json"
env -u DISPLAY "$E2E_BIN" --screenshot "$E2E_ARTEFACTS/fault.png" --size "$size" --content "$pack" --screen fault \
    >/dev/null 2>&1 || e2e_fail "the fault screen of a broken pack could not be previewed"
same "$E2E_ARTEFACTS/fault.png" "$home" && e2e_fail "the fault preview looks like home"
e2e_pass "--screen fault shows a broken pack's fault screen, and says so for a good one"

# --- a role page whole ---------------------------------------------------------------------
role=role:clinical-technologist
top=$(shot role "--screen" "$role")
whole=$(shot role-full-page --screen "$role" --full-page)
read -r w h < <(identify -format '%w %h\n' "$whole")
((w == 800 && h > 2 * 480)) || e2e_fail "the full page of $role is ${w}x$h, expected 800 wide and much taller than 480"
# The first screenful is the screen as it opens (the view's lowest rows may differ: the cue
# that there is more below is not stitched in).
convert "$top" -crop 800x300+0+0 +repage "$E2E_TMP/a.png"
convert "$whole" -crop 800x300+0+0 +repage "$E2E_TMP/b.png"
same "$E2E_TMP/a.png" "$E2E_TMP/b.png" || e2e_fail "the top of the full page differs from the screen as it opens"
# The lower part holds real content, not a repeat of the top or an empty band.
convert "$whole" -crop 800x480+0+$((h - 480)) +repage "$E2E_TMP/bottom.png"
colours=$(convert "$E2E_TMP/bottom.png" -format '%k' info:)
((colours > 30)) || e2e_fail "the bottom of the full page looks empty ($colours colours)"
same "$E2E_TMP/bottom.png" "$top" && e2e_fail "the bottom of the full page repeats the top"
gallery=$(shot gallery-full --screen gallery:0 --full-page)
[[ $(identify -format '%wx%h' "$gallery") == 800x480 ]] || e2e_fail "a screen that does not scroll is not one screenful with --full-page"
e2e_pass "--full-page draws $role whole (${w}x$h)"
