#!/usr/bin/env bash
# A visitor takes the quiz at 800x480: the attract loop's quiz slide, then the home card, every question by tapping (one "not sure",
# one answer changed with "Previous question"), the result, a result's role page and back, then
# "Show my route" with a start point, onto the flowchart. Then the statistics: the quiz's events
# are in the database, in order, with only question, answer and role ids.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"

db="$E2E_TMP/stats.db"
e2e_start_xvfb 800x480
started=$(date +%s%N)
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"

# The attract loop's quiz slide (the 4th of content/attract.json, 8 s each): a touch while it
# shows starts the visit in the quiz. Touch 2 s into its slot (the loop starts with the kiosk).
quiz_slide=$(python3 -c 'import json,sys; print([s["kind"] for s in json.load(open(sys.argv[1]))["slides"]].index("quiz"))' "$E2E_CONTENT/attract.json")
e2e_wait_screen attract 30
while (($(date +%s%N) - started < (quiz_slide * 8 + 2) * 1000000000)); do sleep 0.1; done
e2e_screenshot 00-attract-quiz-slide.png >/dev/null
e2e_tap $((E2E_WIDTH / 2)) $((E2E_HEIGHT / 2))
e2e_wait_screen quiz:1 10
e2e_pass "a touch on the attract loop's quiz slide starts the visit in the quiz"
e2e_tap_hit nav:home
e2e_wait_screen home

e2e_tap_hit home:quiz
e2e_wait_screen quiz:1
sleep 0.5
e2e_screenshot 01-question-1.png >/dev/null
e2e_pass "the home card opens the quiz at question 1"

# The bundled quiz's questions and first answers, in order (content/quiz.json).
mapfile -t questions < <(python3 -c 'import json,sys; [print(q["id"]) for q in json.load(open(sys.argv[1]))["questions"]]' "$E2E_CONTENT/quiz.json")
mapfile -t firsts < <(python3 -c 'import json,sys; [print(q["answers"][0]["id"]) for q in json.load(open(sys.argv[1]))["questions"]]' "$E2E_CONTENT/quiz.json")
n=${#questions[@]}
((n >= 5)) || e2e_fail "the bundled quiz has $n questions"

e2e_tap_hit "quiz-answer:${firsts[0]}"
e2e_wait_screen quiz:2
e2e_tap_hit quiz:not-sure
e2e_wait_screen quiz:3
e2e_tap_hit quiz:previous
e2e_wait_screen quiz:2
e2e_pass "'not sure' moves on and 'Previous question' goes back"
for ((i = 1; i < n; i++)); do
    e2e_tap_hit "quiz-answer:${firsts[i]}"
    if ((i + 1 < n)); then e2e_wait_screen "quiz:$((i + 2))"; fi
done
e2e_wait_screen quiz:result
sleep 0.5
e2e_screenshot 02-result.png >/dev/null
# The cards on screen (a small screen scrolls to the others).
mapfile -t results < <(awk '$1 ~ /^quiz-open:/ { sub(/^quiz-open:/, "", $1); print $1 }' "$KIOSK_HITS_FILE")
((${#results[@]} >= 1)) || e2e_fail "the result shows no roles"
e2e_pass "the result shows ${results[*]} on screen"

# Open the first result, come back to the same result.
e2e_tap_hit "quiz-open:${results[0]}"
e2e_wait_screen "role:${results[0]}"
e2e_tap_hit nav:back
e2e_wait_screen quiz:result
e2e_pass "a result opens its role page and Back returns to the result"

# Show my route: "Where are you now?", then the flowchart.
e2e_tap_hit "quiz-route:${results[0]}"
sleep 0.5
e2e_screenshot 03-where-now.png >/dev/null
e2e_tap_hit quiz-start:doing-a-levels
e2e_wait_screen pathway
sleep 1
e2e_screenshot 04-route.png >/dev/null
e2e_pass "'Show my route' asks where you are and opens the flowchart"

e2e_stop_kiosk TERM
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with $E2E_KIOSK_STATUS on SIGTERM"

events=$(e2e_sql "$db" "SELECT kind || coalesce(':' || role_id, '') || coalesce(':' || setting, '') FROM events WHERE visit_id = 1 AND kind LIKE 'quiz%' ORDER BY seq")
# The quiz started from the attract slide and left at once for home is abandoned at question 1.
first_quiz="quiz_started
quiz_abandoned:at=${questions[0]}"
[[ $events == "$first_quiz"$'\n'* ]] || e2e_fail "the quiz left at once recorded: $events"
events=${events#"$first_quiz"$'\n'}
printf '%s\n' "$events" >"$E2E_ARTEFACTS/quiz-events.txt"
expected="quiz_started
quiz_answered:${questions[0]}=${firsts[0]}
quiz_answered:${questions[1]}=not-sure"
for ((i = 1; i < n; i++)); do expected+=$'\n'"quiz_answered:${questions[i]}=${firsts[i]}"; done
expected+=$'\n'"quiz_finished"
# The result's three roles, best first: the first is the card on top of the screen.
ranked=$(e2e_sql "$db" "SELECT role_id FROM events WHERE visit_id = 1 AND kind = 'quiz_result' ORDER BY seq")
mapfile -t ranked_roles <<<"$ranked"
((${#ranked_roles[@]} == 3)) || e2e_fail "the result recorded ${#ranked_roles[@]} roles: $ranked"
[[ ${ranked_roles[0]} == "${results[0]}" ]] || e2e_fail "best match recorded ${ranked_roles[0]}, shown ${results[0]}"
for ((i = 0; i < 3; i++)); do expected+=$'\n'"quiz_result:${ranked_roles[i]}:rank=$((i + 1))"; done
expected+=$'\n'"quiz_result_opened:${results[0]}:open=role"
expected+=$'\n'"quiz_result_opened:${results[0]}:open=route"
[[ $events == "$expected" ]] || e2e_fail "the quiz recorded, in order:
$events
expected:
$expected"
screens=$(e2e_sql "$db" "SELECT group_concat(screen_id, ' ') FROM (SELECT screen_id FROM events WHERE visit_id = 1 AND kind = 'screen_viewed' AND screen_id LIKE 'quiz%' ORDER BY seq)")
[[ $screens == "quiz:1 quiz:1 quiz:2 quiz:3 quiz:2 "* && $screens == *" quiz:result quiz:result" ]] ||
    e2e_fail "quiz screens viewed: '$screens'"
e2e_pass "the quiz's events are in the database, in order"

summary=$("$E2E_BIN" stats summary "$db")
printf '%s\n' "$summary" >"$E2E_ARTEFACTS/summary.txt"
grep -q "^Quiz: 2 started, 1 finished (50% completed)" <<<"$summary" || e2e_fail "stats summary: $summary"
grep -A1 "^Quiz top matches:" <<<"$summary" | grep -q "^ *1  ${results[0]}$" ||
    e2e_fail "stats summary has no top match ${results[0]}"
e2e_pass "stats summary shows the quiz"
