#!/usr/bin/env bash
# Checks the user-facing scripts in kiosk/ against the real binary: they pass the
# linter; the run command with no display prints one line whose preview command
# works; the deployment units are valid systemd units; install-kiosk.sh refuses a bad
# package folder; careers-kiosk-status reports in plain words; update-content refuses a
# broken pack and keeps the installed one; kiosk-session becomes the app and warms Mesa's shader
# cache up once, before the app's first start; kiosk-display says X
# is ready only once it answers, stops X with it, and fails in one line when X cannot start.
# Usage (as CTest runs it): bash test_scripts.sh PATH_TO_careers-kiosk ARTEFACT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
e2e_init "$@"
root="$E2E_SOURCE_DIR"
deploy="$root/kiosk/deploy"

# --- 1. shellcheck ----------------------------------------------------------------------
e2e_require shellcheck
scripts=("$root"/kiosk/*.sh "$root"/kiosk/lib/*.sh "$root"/kiosk/deploy/*.sh "$root/.ci/run"
    "$root"/kiosk/deploy/vm/*.sh "$root"/tests/deploy/*.sh
    "$root/tests/e2e/lib.sh" "$root/tests/e2e/test_harness.sh" "$root/tests/e2e/test_scripts.sh")
(cd "$root" && shellcheck -x "${scripts[@]}") >"$E2E_ARTEFACTS/shellcheck.log" 2>&1 ||
    e2e_fail "shellcheck found problems (see $E2E_ARTEFACTS/shellcheck.log): $(head -n 5 "$E2E_ARTEFACTS/shellcheck.log")"

# --- 2. install-deps.sh: lists and argument errors ---------------------------------------
run_list="$(bash "$root/kiosk/install-deps.sh" --run --list)"
test_list="$(bash "$root/kiosk/install-deps.sh" --test --list)"
grep -qx libimgui-dev <<<"$run_list" || e2e_fail "--run does not list libimgui-dev"
grep -qx xvfb <<<"$run_list" || e2e_fail "--run does not list xvfb (the preview mode needs it)"
if grep -qx xdotool <<<"$run_list"; then e2e_fail "--run lists test-only xdotool"; fi
grep -qx xdotool <<<"$test_list" || e2e_fail "--test does not list xdotool"
if bash "$root/kiosk/install-deps.sh" --bogus 2>/dev/null; then e2e_fail "install-deps.sh accepted --bogus"; fi

# --- 3. run.sh with no display: one line, pointing to a preview command that works -------
rc=0
message="$(cd "$E2E_TMP" && env -u DISPLAY -u WAYLAND_DISPLAY KIOSK_SKIP_DEPS=1 KIOSK_SKIP_BUILD=1 \
    KIOSK_BUILD_DIR="$(dirname "$E2E_BIN")" bash "$root/kiosk/run.sh" 2>&1)" || rc=$?
echo "$message" >"$E2E_ARTEFACTS/run-without-display.log"
[[ $rc -eq 3 ]] || e2e_fail "run.sh without a display exited $rc, not 3: $message"
[[ $(wc -l <<<"$message") -eq 1 ]] || e2e_fail "run.sh without a display printed more than one line: $message"
[[ $message == *"no display"*"--screenshot"* ]] || e2e_fail "run.sh's message does not point to the preview mode: $message"
preview="${message#*run: }"
read -r -a preview_cmd <<<"$preview"
(cd "$E2E_TMP" && env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 "${preview_cmd[@]}") \
    >"$E2E_ARTEFACTS/preview.log" 2>&1 || e2e_fail "the suggested preview command failed: $preview (see preview.log)"
[[ $(identify -format '%wx%h' "$E2E_TMP/home.png") == 1920x1080 ]] ||
    e2e_fail "the preview command did not write a 1920x1080 home.png"
cp "$E2E_TMP/home.png" "$E2E_ARTEFACTS/preview-home.png"

# --- 4. the systemd units are valid -------------------------------------------------------
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir -p "$E2E_TMP/units"
    for unit in careers-kiosk.service careers-kiosk-display.service; do
        sed -e "s|^ExecStart=.*|ExecStart=/bin/true|" -e "s|^ExecStartPost=.*|ExecStartPost=/bin/true|" \
            -e "s|^ExecStopPost=+.*|ExecStopPost=+/bin/true|" "$deploy/$unit" >"$E2E_TMP/units/$unit"
    done
    cp "$deploy/careers-kiosk-retry.timer" "$E2E_TMP/units/"
    verify="$(systemd-analyze verify --man=no "$E2E_TMP/units/careers-kiosk.service" \
        "$E2E_TMP/units/careers-kiosk-display.service" "$E2E_TMP/units/careers-kiosk-retry.timer" 2>&1)" ||
        e2e_fail "systemd-analyze verify failed: $verify"
    [[ -z $verify ]] || e2e_fail "systemd-analyze verify complained: $verify"
else
    e2e_log "systemd-analyze not found; unit files not verified"
fi

# --- 5. install-kiosk.sh refuses a bad --debs folder; careers-kiosk-status in plain words --------
# (The packages themselves are built and installed in a chroot by tests/deploy/test_packages.sh,
# CTest label `packages`.)
rc=0
msg="$(bash "$deploy/install-kiosk.sh" --debs "$E2E_TMP/no-such-folder" 2>&1)" || rc=$?
[[ $rc -ne 0 && $msg == *"no folder"* && $(wc -l <<<"$msg") -eq 1 ]] ||
    e2e_fail "install-kiosk.sh --debs MISSING did not refuse in one line (status $rc): $msg"

# systemctl and journalctl stand-ins give a known state; the rest (content, statistics, disk)
# is real.
stubs="$E2E_TMP/stubs"
mkdir -p "$stubs"
cat >"$stubs/systemctl" <<'STUB'
#!/bin/sh
printf 'ActiveState=active\nSubState=running\nActiveEnterTimestamp=Mon 2025-06-02 09:15:00 UTC\nResult=success\nUnitFileState=enabled\n'
STUB
# X's errors are in its own unit's journal: shown only when that unit is asked for.
cat >"$stubs/journalctl" <<'STUB'
#!/bin/sh
echo "2025-06-02T09:00:01+0000 kiosk systemd[1]: careers-kiosk.service: Scheduled restart job, restart counter is at 1."
case " $* " in *" careers-kiosk-display.service "*)
    echo "2025-06-02T09:10:00+0000 kiosk kiosk-display[77]: kiosk-display: X stopped before it was ready; see /var/log/Xorg.0.log" ;;
esac
echo "2025-06-02T09:14:57+0000 kiosk systemd[1]: careers-kiosk.service: Scheduled restart job, restart counter is at 2."
# The app's health line ($KIOSK_STATUS_LOG_S) names failure counters: not an error (VM run I showed it as one).
echo "2025-06-02T09:15:30+0000 kiosk careers-kiosk[80]: careers-kiosk: status: uptime_s=30 frames=7 image_failures=0 stats_dropped=0"
STUB
chmod +x "$stubs/systemctl" "$stubs/journalctl"
printf 'x%.0s' $(seq 3000) >"$E2E_TMP/stats.db"
printf 'KIOSK_CONTENT_DIR=%s\nKIOSK_STATS_DB=%s\n' "$root/content" "$E2E_TMP/stats.db" >"$E2E_TMP/settings"
PATH="$stubs:$PATH" KIOSK_SETTINGS="$E2E_TMP/settings" KIOSK_BIN="$E2E_BIN" bash "$deploy/kiosk-status.sh" \
    >"$E2E_ARTEFACTS/status.txt" 2>&1 || e2e_fail "careers-kiosk-status failed (see status.txt)"
status_text="$(cat "$E2E_ARTEFACTS/status.txt")"
grep -q '^Kiosk: *running since Mon 2025-06-02 09:15:00' <<<"$status_text" || e2e_fail "status: no 'running since': $status_text"
grep -q '^Restarts today: *2$' <<<"$status_text" || e2e_fail "status: restarts today is not 2: $status_text"
grep -q '^Last error: .*X stopped before it was ready' <<<"$status_text" || e2e_fail "status: wrong last error: $status_text"
grep -q "^Content: *$root/content: valid, " <<<"$status_text" || e2e_fail "status: content not reported valid: $status_text"
grep -q '^Statistics: .*3.0KiB' <<<"$status_text" || e2e_fail "status: statistics size missing: $status_text"
grep -q '^Free disk: .* free of ' <<<"$status_text" || e2e_fail "status: free disk space missing: $status_text"

# --- 6. update-content validates first and keeps the installed pack on any error ----------
installed="$E2E_TMP/installed-content"
cp -r "$root/content" "$installed"
broken="$E2E_TMP/broken-content"
cp -r "$root/content" "$broken"
printf '{ "schema_version": 1, oops }\n' >"$broken/kiosk.json"
if KIOSK_INSTALLED_CONTENT="$installed" KIOSK_BIN="$E2E_BIN" bash "$deploy/update-content.sh" "$broken" \
    >"$E2E_ARTEFACTS/update-broken.log" 2>&1; then
    e2e_fail "update-content installed a pack with a syntax error"
fi
grep -q "kiosk.json:1:" "$E2E_ARTEFACTS/update-broken.log" || e2e_fail "update-content did not say where the error is (see update-broken.log)"
diff -r "$root/content" "$installed" >/dev/null || e2e_fail "a rejected update changed the installed content"
[[ ! -e $installed.new ]] || e2e_fail "a rejected update left content.new behind"

# A pack with no admin PIN would leave a --kiosk machine refusing to start: refused, nothing changed.
if KIOSK_INSTALLED_CONTENT="$installed" KIOSK_BIN="$E2E_BIN" bash "$deploy/update-content.sh" "$root/content" \
    >"$E2E_ARTEFACTS/update-no-pin.log" 2>&1; then
    e2e_fail "update-content installed a pack with no admin PIN"
fi
grep -q "no admin PIN" "$E2E_ARTEFACTS/update-no-pin.log" || e2e_fail "update-content did not name the missing PIN"
diff -r "$root/content" "$installed" >/dev/null || e2e_fail "a refused update changed the installed content"

fresh="$E2E_TMP/fresh-content"
cp -r "$root/content" "$fresh"
echo "new pack" >"$fresh/marker.txt"
hash=$(printf '2468\n' | "$E2E_BIN" hash-pin)
python3 - "$fresh/kiosk.json" "$hash" <<'PY'
import json, sys
path, pin_hash = sys.argv[1], sys.argv[2]
data = json.load(open(path))
data.setdefault("admin", {})["pin_hash"] = pin_hash
json.dump(data, open(path, "w"), indent=2, ensure_ascii=False)
PY
KIOSK_INSTALLED_CONTENT="$installed" KIOSK_BIN="$E2E_BIN" bash "$deploy/update-content.sh" "$fresh" \
    >"$E2E_ARTEFACTS/update-good.log" 2>&1 || e2e_fail "update-content refused a valid pack (see update-good.log)"
[[ -f $installed/marker.txt ]] || e2e_fail "update-content did not install the valid pack"
[[ -d $installed.previous && ! -e $installed.previous/marker.txt ]] || e2e_fail "update-content did not keep the previous pack"

# --- 7. kiosk-session becomes the app with the settings (exec: its status is the app's) --------
fake="$E2E_TMP/fake-kiosk"
printf '#!/bin/sh\necho "$*" >"%s/args"\necho $$ >"%s/pid"\nexit 3\n' "$E2E_TMP" "$E2E_TMP" >"$fake"
chmod +x "$fake"
rc=0
env -u DISPLAY RUNTIME_DIRECTORY="$E2E_TMP" KIOSK_BIN="$fake" KIOSK_CONTENT_DIR=/c KIOSK_STATS_DB=/s.db \
    KIOSK_ARGS="--show-cursor --idle-timeout 5" bash "$deploy/kiosk-session.sh" >"$E2E_ARTEFACTS/session.log" 2>&1 &
session_pid=$!
wait "$session_pid" || rc=$?
[[ $rc -eq 3 ]] || e2e_fail "kiosk-session did not pass status 3 on (got $rc)"
# The service's NotifyAccess=main and its exit status rely on the app being its main process.
[[ $(cat "$E2E_TMP/pid") == "$session_pid" ]] || e2e_fail "kiosk-session runs the app as a child, not with exec"
[[ $(cat "$E2E_TMP/args") == "--kiosk --content /c --stats /s.db --show-cursor --idle-timeout 5" ]] ||
    e2e_fail "kiosk-session ran the app with '$(cat "$E2E_TMP/args")'"

# --- 7b. kiosk-session warms Mesa's shader cache up once, before the kiosk's first start ----------
# (That the kiosk's restarts are then faster is measured in the VM test and kiosk/deploy/README.md:
# it depends on Mesa's driver, not on anything a fake could show.)
e2e_start_xvfb 800x480
recorder="$E2E_TMP/recording-kiosk"
printf '#!/bin/sh\necho "$*" >>"%s/calls"\ncase "$*" in *--warm-up*) exec "%s" "$@" ;; esac\nexec sleep 120\n' \
    "$E2E_TMP" "$E2E_BIN" >"$recorder"
chmod +x "$recorder"
# Runs kiosk-session until it has started the (recorded) kiosk: its call is the last line of calls.
warm_session() {
    local kiosk_calls
    kiosk_calls="$(grep -c -- --kiosk "$E2E_TMP/calls" || true)"
    XDG_CACHE_HOME="$warm_cache" MESA_SHADER_CACHE_DIR="$E2E_TMP/mesa" KIOSK_HITS_FILE="$E2E_TMP/hits.txt" \
        KIOSK_BIN="$recorder" KIOSK_CONTENT_DIR="$root/content" KIOSK_STATS_DB="$E2E_TMP/warm.db" \
        bash "$deploy/kiosk-session.sh" >>"$E2E_ARTEFACTS/warm-up.log" 2>&1 &
    session_pid=$!
    _e2e_track "$session_pid"
    for _ in $(seq 120); do
        [[ $(grep -c -- --kiosk "$E2E_TMP/calls" || true) -gt $kiosk_calls ]] && break
        sleep 0.5
    done
    [[ $(grep -c -- --kiosk "$E2E_TMP/calls" || true) -gt $kiosk_calls ]] ||
        e2e_fail "kiosk-session did not start the kiosk in 60 s (see warm-up.log): $(tail -n 2 "$E2E_ARTEFACTS/warm-up.log")"
    _e2e_stop_pid "$session_pid"
}
warm_cache="$E2E_TMP/cache"
: >"$E2E_TMP/calls"
warm_session
[[ $(head -n 1 "$E2E_TMP/calls") == "--warm-up --content $root/content" ]] ||
    e2e_fail "kiosk-session did not warm up before the kiosk: $(cat "$E2E_TMP/calls")"
grep -q "warm-up for Mesa's shader cache: drew the first screen (attract) at 800x480 once, hidden" \
    "$E2E_ARTEFACTS/warm-up.log" || e2e_fail "no journal line for the warm-up: $(cat "$E2E_ARTEFACTS/warm-up.log")"
[[ -f $E2E_TMP/cache/careers-kiosk/gl-warmed-up ]] || e2e_fail "no stamp after the warm-up"
[[ -n $(find "$E2E_TMP/mesa" -type f -not -name index 2>/dev/null) ]] ||
    e2e_fail "the warm-up left Mesa's shader cache empty"
[[ -n $(find "$E2E_TMP/cache/careers-kiosk/illustrations" -type f 2>/dev/null) ]] ||
    e2e_fail "the warm-up did not fill the kiosk's illustration cache"
[[ -n $(find "$E2E_TMP/cache/careers-kiosk/fonts" -name '*.atlas' -type f 2>/dev/null) ]] ||
    e2e_fail "the warm-up did not fill the kiosk's font atlas cache"
[[ ! -e $E2E_TMP/hits.txt ]] || e2e_fail "the warm-up wrote the kiosk's hit areas ($E2E_TMP/hits.txt)"
# Warmed up for this app and Mesa: the next session starts only the kiosk; a newer app warms up again.
warm_session
[[ $(grep -c -- --warm-up "$E2E_TMP/calls") -eq 1 ]] ||
    e2e_fail "kiosk-session warmed up again with nothing changed: $(cat "$E2E_TMP/calls")"
touch -d '1 minute ago' "$E2E_TMP/cache/careers-kiosk/gl-warmed-up"
touch "$E2E_TMP" # the app's folder, dated as dpkg's rename of a new app into it dates it
warm_session
[[ $(grep -c -- --warm-up "$E2E_TMP/calls") -eq 2 ]] ||
    e2e_fail "kiosk-session did not warm up again after the app's folder changed: $(cat "$E2E_TMP/calls")"
# A stamp that cannot be written (its folder is a file, as a full disk would refuse it, for root
# too): one clear line, and the kiosk starts all the same.
mkdir -p "$E2E_TMP/blocked" && : >"$E2E_TMP/blocked/careers-kiosk"
warm_cache="$E2E_TMP/blocked"
warm_session
grep -q "cannot write $E2E_TMP/blocked/careers-kiosk/gl-warmed-up (disk full or read-only?): the next start warms up again" \
    "$E2E_ARTEFACTS/warm-up.log" || e2e_fail "no clear line when the warm-up's stamp cannot be written: $(tail -n 3 "$E2E_ARTEFACTS/warm-up.log")"

# --- 8. kiosk-display: X ready only once it answers, stopped with the script, a missing X fails ---
n=$((1000 + RANDOM % 500))
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do n=$((n + 1)); done
mkdir -p "$E2E_TMP/display"
RUNTIME_DIRECTORY="$E2E_TMP/display" KIOSK_TEST_X_SERVER="Xvfb :$n -nolisten tcp" \
    bash "$deploy/kiosk-display.sh" >"$E2E_ARTEFACTS/display.log" 2>&1 &
display_pid=$!
_e2e_track "$display_pid"
RUNTIME_DIRECTORY="$E2E_TMP/display" MAINPID=$display_pid timeout 60 bash "$deploy/kiosk-display.sh" --wait ||
    e2e_fail "kiosk-display --wait did not see X ready (see display.log)"
_e2e_display_ready ":$n" || e2e_fail "kiosk-display --wait returned before X :$n answered"
kill -TERM "$display_pid"
rc=0
wait "$display_pid" || rc=$?
[[ $rc -eq 0 ]] || e2e_fail "kiosk-display stopped with status $rc, not X's 0"
if _e2e_display_ready ":$n"; then e2e_fail "X :$n still runs after kiosk-display was stopped"; fi
rm -rf "$E2E_TMP/display" && mkdir -p "$E2E_TMP/display"
RUNTIME_DIRECTORY="$E2E_TMP/display" KIOSK_TEST_X_SERVER="$E2E_TMP/no-such-server" \
    bash "$deploy/kiosk-display.sh" >"$E2E_ARTEFACTS/display-missing.log" 2>&1 &
display_pid=$!
_e2e_track "$display_pid"
if RUNTIME_DIRECTORY="$E2E_TMP/display" MAINPID=$display_pid timeout 60 bash "$deploy/kiosk-display.sh" --wait \
    2>"$E2E_ARTEFACTS/display-wait.log"; then
    e2e_fail "kiosk-display --wait said ready for an X server that does not exist"
fi
grep -q "X stopped before it was ready" "$E2E_ARTEFACTS/display-wait.log" ||
    e2e_fail "no clear line when X cannot start: $(cat "$E2E_ARTEFACTS/display-wait.log")"

e2e_pass "scripts are lint-clean; run.sh, install-kiosk.sh, careers-kiosk-status, update-content, kiosk-session and kiosk-display behave"
