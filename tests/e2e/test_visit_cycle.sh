#!/usr/bin/env bash
# A whole visit with a short idle timeout: the attract loop, a first touch that only wakes the
# kiosk, a visit (role page, gallery swipe), walking away, the "Still there?" countdown, and the
# attract loop again with the visit cleared. Then the statistics: the visit's events are in the
# database in order, with the right durations and end reason.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

db="$E2E_TMP/stats.db"
idle=4
e2e_start_xvfb 1280x800
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db" --idle-timeout "$idle"

e2e_wait_screen attract 30
sleep 1
e2e_screenshot 01-attract.png >/dev/null
e2e_pass "the kiosk starts in the attract loop"

# The first touch lands where a role card would be on the home screen: it only wakes the kiosk.
e2e_tap $((E2E_WIDTH / 4)) $((E2E_HEIGHT / 2))
e2e_wait_screen home 10
sleep 0.5
[[ $(e2e_screen) == home ]] || e2e_fail "the waking touch also pressed something: now on $(e2e_screen)"
e2e_screenshot 02-home.png >/dev/null
e2e_pass "the first touch wakes the kiosk and presses nothing"

# A short visit: a role, the language switch, the gallery and a swipe.
e2e_tap_hit role-card:clinical-technologist
e2e_wait_screen role:clinical-technologist
sleep 0.5
e2e_tap_hit lang:cy
sleep 0.5
e2e_screenshot 03-role-cymraeg.png >/dev/null
e2e_tap_hit nav:home
e2e_wait_screen home
e2e_tap_hit home:gallery
e2e_wait_screen gallery:0
read -r gx gy <<<"$(e2e_hit_center gallery:photo)"
e2e_drag $((gx + 200)) "$gy" $((gx - 200)) "$gy"
e2e_wait_screen gallery:1

# Walk away: "Still there?" after the idle timeout, then the attract loop after the countdown.
e2e_wait_screen still-there $((idle + 10))
sleep 1
e2e_screenshot 04-still-there.png >/dev/null
e2e_pass "after $idle s without a touch the kiosk asks 'Still there?'"
e2e_wait_screen attract 30
sleep 1
e2e_screenshot 05-attract-again.png >/dev/null
e2e_pass "after the countdown the attract loop is back"

# The next visitor starts fresh: home in English, nothing of the last visit.
e2e_tap $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 2))
e2e_wait_screen home 10
grep -q "^lang:cy " "$KIOSK_HITS_FILE" || e2e_fail "the language switch is not on the fresh home screen"
e2e_screenshot 06-next-visitor.png >/dev/null
e2e_images_differ "$E2E_ARTEFACTS/02-home.png" "$E2E_ARTEFACTS/06-next-visitor.png" 2000 &&
    e2e_fail "the next visitor's home screen differs from the first visitor's (state leaked?)"
e2e_pass "the next visitor starts on a fresh home screen"

e2e_stop_kiosk TERM
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with $E2E_KIOSK_STATUS on SIGTERM"

# The events of the first visit, in order.
kinds=$(e2e_sql "$db" "SELECT kind || coalesce(':' || role_id, '') || coalesce(':' || photo_id, '') || coalesce(':' || language, '') || coalesce(':' || end_reason, '') FROM events WHERE visit_id = 1 ORDER BY seq")
printf '%s\n' "$kinds" >"$E2E_ARTEFACTS/visit1-events.txt"
expected="visit_started
role_opened:clinical-technologist
screen_viewed
language_switched:cy
screen_viewed
screen_viewed
photo_viewed:$(e2e_sql "$db" "SELECT photo_id FROM events WHERE kind = 'photo_viewed' AND visit_id = 1 ORDER BY seq LIMIT 1")
screen_viewed
photo_viewed:$(e2e_sql "$db" "SELECT photo_id FROM events WHERE kind = 'photo_viewed' AND visit_id = 1 ORDER BY seq LIMIT 1 OFFSET 1")
screen_viewed
visit_ended:idle_timeout"
[[ $kinds == "$expected" ]] || e2e_fail "visit 1 recorded, in order:
$kinds
expected:
$expected"
screens=$(e2e_sql "$db" "SELECT group_concat(screen_id, ' ') FROM (SELECT screen_id FROM events WHERE visit_id = 1 AND kind = 'screen_viewed' ORDER BY seq)")
[[ $screens == "home role:clinical-technologist home gallery:0 gallery:1" ]] ||
    e2e_fail "screens viewed in visit 1: '$screens'"
e2e_pass "visit 1's events are in the database, in order"

read -r duration idle_ms <<<"$(e2e_sql "$db" "SELECT visit_duration_ms, idle_ms FROM events WHERE visit_id = 1 AND kind = 'visit_ended'" | tr '|' ' ')"
# Walk-away time is the idle timeout plus the countdown; the visit lasted at least that long.
countdown_ms=20000
((idle_ms >= idle * 1000 + countdown_ms - 500 && idle_ms <= idle * 1000 + countdown_ms + 3000)) ||
    e2e_fail "walk-away time $idle_ms ms, expected about $((idle * 1000 + countdown_ms)) ms"
((duration > idle_ms && duration < idle_ms + 60000)) || e2e_fail "visit length $duration ms is not plausible"
dwell_sum=$(e2e_sql "$db" "SELECT sum(dwell_ms) FROM events WHERE visit_id = 1 AND kind = 'screen_viewed'")
((dwell_sum <= duration + 500 && dwell_sum >= duration - 3000)) ||
    e2e_fail "screen dwell times add up to $dwell_sum ms for a $duration ms visit"
[[ $(e2e_sql "$db" "SELECT count(*) FROM events WHERE kind = 'idle_reset'") -ge 1 ]] || e2e_fail "no idle_reset event"
[[ $(e2e_sql "$db" "PRAGMA integrity_check") == ok ]] || e2e_fail "the database is not intact"
e2e_pass "durations: visit $duration ms, walk-away $idle_ms ms, dwell sum $dwell_sum ms"
