#!/usr/bin/env bash
# Proves the end-to-end harness itself, without the app: an Xvfb of the asked size comes
# up on a free display, synthetic input lands where it is sent, screenshots and pixel and
# image checks work, and the cleanup trap stops exactly the processes the harness started
# (and nothing else) and removes its display's lock.
# Usage (as CTest runs it): bash test_harness.sh PATH_TO_careers-kiosk ARTEFACT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
# The app is never started here, so the harness can be proved before it builds.
[[ $# -eq 2 ]] || e2e_fail "usage: bash $0 PATH_TO_careers-kiosk ARTEFACT_DIR"
bin="$1"
[[ -x $bin ]] || bin=/bin/true
e2e_init "$bin" "$2"

# --- 1. an X server of the asked size, answering on its own display --------------------
e2e_start_xvfb 640x480
[[ $(xdotool getdisplaygeometry) == "640 480" ]] || e2e_fail "Xvfb is not 640x480: $(xdotool getdisplaygeometry)"
[[ $(_e2e_lock_pid "$E2E_DISPLAY_NUM") == "$E2E_XVFB_PID" ]] || e2e_fail "the display lock does not name our Xvfb"

# --- 2. input goes where it is sent -----------------------------------------------------
e2e_tap 123 234
loc="$(xdotool getmouselocation)"
[[ $loc == "x:123 y:234 "* ]] || e2e_fail "after e2e_tap 123 234 the pointer is at '$loc'"
e2e_drag 10 20 300 400 5 0.01
loc="$(xdotool getmouselocation)"
[[ $loc == "x:300 y:400 "* ]] || e2e_fail "after e2e_drag to 300,400 the pointer is at '$loc'"

# --- 3. screenshots, pixels and image comparison ---------------------------------------
shot="$(e2e_screenshot root)"
[[ -s $shot ]] || e2e_fail "no screenshot at $shot"
[[ $(identify -format '%wx%h' "$shot") == 640x480 ]] || e2e_fail "screenshot is not 640x480"
pixel="$(e2e_pixel 5 5 "$shot")"
[[ $pixel =~ ^#[0-9A-F]{6}$ ]] || e2e_fail "e2e_pixel printed '$pixel'"

marked="$E2E_ARTEFACTS/marked.png"
convert "$shot" -fill '#FF0000' -draw 'rectangle 100,100 109,109' "$marked"
[[ $(e2e_pixel 105 105 "$marked") == "#FF0000" ]] || e2e_fail "e2e_pixel misread a red square"
e2e_colour_close "#FF0000" "#F90503" || e2e_fail "e2e_colour_close rejected a near colour"
if e2e_colour_close "#FF0000" "#00FF00"; then e2e_fail "e2e_colour_close accepted red as green"; fi
if e2e_images_differ "$shot" "$shot"; then e2e_fail "an image differs from itself"; fi
e2e_images_differ "$shot" "$marked" || e2e_fail "a 10x10 red square went unnoticed"
if e2e_images_differ "$shot" "$marked" 100; then e2e_fail "100 changed pixels exceeded a threshold of 100"; fi
e2e_wait_settled 5 || e2e_fail "an idle Xvfb screen never settled"

# --- 4. cleanup stops only what the harness started ------------------------------------
# A second harness in a child shell starts its own Xvfb and exits; a process it did not
# start must survive, and its server must be gone with its lock.
sleep 300 &
bystander=$!
e2e_on_exit "kill $bystander 2>/dev/null"
info="$E2E_TMP/child.txt"
bash -c '
    source "$1/lib.sh"
    e2e_init "$2" "$3"
    e2e_start_xvfb 320x240
    echo "$E2E_XVFB_PID $E2E_DISPLAY_NUM" >"$4"
' child "$here" "$E2E_BIN" "$E2E_ARTEFACTS/child" "$info" || e2e_fail "the child harness failed"
read -r child_pid child_num <"$info"
sleep 0.2
if kill -0 "$child_pid" 2>/dev/null; then e2e_fail "the child's Xvfb (PID $child_pid) outlived its harness"; fi
[[ ! -e /tmp/.X$child_num-lock ]] || e2e_fail "the child's display lock /tmp/.X$child_num-lock was left behind"
kill -0 "$bystander" 2>/dev/null || e2e_fail "cleanup killed a process the harness did not start"
kill -0 "$E2E_XVFB_PID" 2>/dev/null || e2e_fail "the child's cleanup killed our Xvfb"

e2e_pass "Xvfb on $E2E_DISPLAY, input, screenshots, pixels, comparison and cleanup all work"
