# Finding widgets in the running kiosk: with KIOSK_HITS_FILE set, careers-kiosk writes after
# each frame "screen NAME" and one "ID X0 Y0 X1 Y1" line per tappable area (see
# app/kiosk_app.cpp, WriteHitsFile). Source after lib.sh and before e2e_start_kiosk.
# shellcheck shell=bash

export KIOSK_HITS_FILE="$E2E_TMP/hits.txt"

# e2e_screen: the screen the kiosk drew last ("home", "role:ID", "gallery:N", "pathway", "fault").
e2e_screen() {
    [[ -r $KIOSK_HITS_FILE ]] || { echo none; return; }
    awk '$1 == "screen" { print $2; exit }' "$KIOSK_HITS_FILE"
}

# e2e_wait_screen NAME [TIMEOUT]: waits until the kiosk draws screen NAME.
e2e_wait_screen() {
    local want="$1" deadline=$((SECONDS + ${2:-15}))
    while ((SECONDS < deadline)); do
        [[ $(e2e_screen) == "$want" ]] && return 0
        sleep 0.1
    done
    e2e_fail "waited for screen '$want', the kiosk shows '$(e2e_screen)'"
}

# e2e_hold_corner NAME [TIMEOUT]: the staff long-press: presses in the top-left corner and holds
# until the kiosk draws screen NAME (admin:pin in kiosk mode, admin:panel outside it), then lets
# go. Fails when NAME does not come within TIMEOUT seconds (default 20) or came sooner than the
# 3 s the press must last. Holding until the screen shows, not for a fixed 3.6 s, because a kiosk
# starved of CPU may draw no frame between 3 s and the release and so never see a long press.
e2e_hold_corner() {
    local want="$1" deadline=$((SECONDS + ${2:-20})) start elapsed_ms
    start=$EPOCHREALTIME
    xdotool mousemove 10 10 mousedown 1
    while [[ $(e2e_screen) != "$want" ]] && ((SECONDS < deadline)); do
        sleep 0.1
    done
    xdotool mouseup 1
    [[ $(e2e_screen) == "$want" ]] || e2e_fail "a corner press held ${2:-20} s: waited for screen '$want', the kiosk shows '$(e2e_screen)'"
    elapsed_ms=$(((${EPOCHREALTIME/./} - ${start/./}) / 1000))
    ((elapsed_ms >= 2900)) || e2e_fail "a corner press opened '$want' after $elapsed_ms ms: it must take 3 s"
    e2e_log "corner press: '$want' after $elapsed_ms ms"
}

# e2e_hit ID: prints "X0 Y0 X1 Y1" of the tappable area ID, or fails.
e2e_hit() {
    local rect
    rect=$(awk -v id="$1" '$1 == id { print $2, $3, $4, $5; exit }' "$KIOSK_HITS_FILE" 2>/dev/null)
    [[ -n $rect ]] || e2e_fail "no tappable area '$1' on screen '$(e2e_screen)'"
    echo "$rect"
}

# e2e_hit_center ID: prints "X Y", the centre of area ID (clamped inside the screen).
e2e_hit_center() {
    local x0 y0 x1 y1
    read -r x0 y0 x1 y1 <<<"$(e2e_hit "$1")"
    local x=$(((x0 + x1) / 2)) y=$(((y0 + y1) / 2))
    ((x >= E2E_WIDTH)) && x=$((E2E_WIDTH - 1))
    ((y >= E2E_HEIGHT)) && y=$((E2E_HEIGHT - 1))
    echo "$x $y"
}

# e2e_tap_hit ID: taps the centre of area ID.
e2e_tap_hit() {
    local x y
    read -r x y <<<"$(e2e_hit_center "$1")"
    e2e_tap "$x" "$y"
}

# e2e_hit_y ID: prints the top edge of area ID (to see that a view scrolled).
e2e_hit_y() {
    local x0 y0 x1 y1
    read -r x0 y0 x1 y1 <<<"$(e2e_hit "$1")"
    echo "$y0"
}

# e2e_wake: the kiosk starts (and returns) in the attract loop; a touch wakes it onto home.
# A loaded machine can lose a tap (a frame that takes seconds, a pointer grab still settling),
# so it taps again, but only while the screen still says attract after 4 s: a second tap can
# never land on a home card.
e2e_wake() {
    local try deadline
    e2e_wait_screen attract "${1:-30}"
    for try in 1 2 3; do
        e2e_tap $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 2))
        deadline=$((SECONDS + 4))
        while ((SECONDS < deadline)) && [[ $(e2e_screen) == attract ]]; do
            sleep 0.1
        done
        [[ $(e2e_screen) == attract ]] || break
        e2e_log "e2e_wake: tap $try not taken after 4 s, the kiosk still shows attract"
    done
    e2e_wait_screen home 10
}
