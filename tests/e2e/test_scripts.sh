#!/usr/bin/env bash
# Checks the user-facing scripts in kiosk/ against the real binary: they pass the
# linter; the run command with no display prints one line whose preview command
# works; the deployment units are valid systemd units; install-kiosk.sh stages a complete
# installation and never overwrites edited content; update-content refuses a broken pack
# and keeps the installed one; kiosk-session passes the app's exit status on.
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
    sed "s|^ExecStart=.*|ExecStart=/bin/true|" "$deploy/careers-kiosk.service" >"$E2E_TMP/units/careers-kiosk.service"
    cp "$deploy/careers-kiosk-retry.timer" "$E2E_TMP/units/"
    verify="$(systemd-analyze verify --man=no "$E2E_TMP/units/careers-kiosk.service" \
        "$E2E_TMP/units/careers-kiosk-retry.timer" 2>&1)" || e2e_fail "systemd-analyze verify failed: $verify"
    [[ -z $verify ]] || e2e_fail "systemd-analyze verify complained: $verify"
else
    e2e_log "systemd-analyze not found; unit files not verified"
fi

# --- 5. install-kiosk.sh stages a full installation, and keeps edited content ---------------
stage="$E2E_TMP/stage"
bash "$deploy/install-kiosk.sh" --destdir "$stage" --binary "$E2E_BIN" >"$E2E_ARTEFACTS/install-1.log" 2>&1 ||
    e2e_fail "install-kiosk.sh --destdir failed (see install-1.log)"
for f in opt/careers-kiosk/bin/careers-kiosk opt/careers-kiosk/bin/kiosk-launch opt/careers-kiosk/bin/kiosk-session \
    opt/careers-kiosk/bin/update-content; do
    [[ -x $stage/$f ]] || e2e_fail "install-kiosk.sh did not install an executable /$f"
done
for f in etc/systemd/system/careers-kiosk.service etc/systemd/system/careers-kiosk-retry.timer \
    etc/X11/xorg.conf.d/10-careers-kiosk.conf etc/default/careers-kiosk etc/X11/Xwrapper.config \
    etc/udev/rules.d/90-careers-kiosk-usb.rules etc/sysctl.d/90-careers-kiosk.conf opt/careers-kiosk/README.md; do
    [[ -f $stage/$f ]] || e2e_fail "install-kiosk.sh did not install /$f"
done
diff -r "$root/content" "$stage/opt/careers-kiosk/content" >/dev/null ||
    e2e_fail "the installed content differs from the bundled content"
grep -q '"DontVTSwitch" "true"' "$stage/etc/X11/xorg.conf.d/10-careers-kiosk.conf" || e2e_fail "VT switching is not disabled"

echo "edited by an organiser" >"$stage/opt/careers-kiosk/content/organiser-note.txt"
echo "KIOSK_ROTATE=left" >>"$stage/etc/default/careers-kiosk"
bash "$deploy/install-kiosk.sh" --destdir "$stage" --binary "$E2E_BIN" >"$E2E_ARTEFACTS/install-2.log" 2>&1 ||
    e2e_fail "a second install-kiosk.sh failed (see install-2.log)"
[[ -f $stage/opt/careers-kiosk/content/organiser-note.txt ]] || e2e_fail "an upgrade overwrote edited content"
grep -q "KIOSK_ROTATE=left" "$stage/etc/default/careers-kiosk" || e2e_fail "an upgrade overwrote /etc/default/careers-kiosk"
bash "$deploy/install-kiosk.sh" --destdir "$stage" --binary "$E2E_BIN" --replace-content >"$E2E_ARTEFACTS/install-3.log" 2>&1 ||
    e2e_fail "install-kiosk.sh --replace-content failed (see install-3.log)"
[[ ! -e $stage/opt/careers-kiosk/content/organiser-note.txt ]] || e2e_fail "--replace-content kept the old content"
[[ -f $stage/opt/careers-kiosk/content.previous/organiser-note.txt ]] || e2e_fail "--replace-content lost the old content"

# --- 6. update-content validates first and keeps the installed pack on any error ----------
installed="$stage/opt/careers-kiosk/content"
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

fresh="$E2E_TMP/fresh-content"
cp -r "$root/content" "$fresh"
echo "new pack" >"$fresh/marker.txt"
KIOSK_INSTALLED_CONTENT="$installed" KIOSK_BIN="$E2E_BIN" bash "$deploy/update-content.sh" "$fresh" \
    >"$E2E_ARTEFACTS/update-good.log" 2>&1 || e2e_fail "update-content refused a valid pack (see update-good.log)"
[[ -f $installed/marker.txt ]] || e2e_fail "update-content did not install the valid pack"
[[ -d $installed.previous && ! -e $installed.previous/marker.txt ]] || e2e_fail "update-content did not keep the previous pack"

# --- 7. kiosk-session runs the app with the settings and passes its status on ---------------
fake="$E2E_TMP/fake-kiosk"
printf '#!/bin/sh\necho "$*" >"%s/args"\nexit 3\n' "$E2E_TMP" >"$fake"
chmod +x "$fake"
rc=0
env -u DISPLAY RUNTIME_DIRECTORY="$E2E_TMP" KIOSK_BIN="$fake" KIOSK_CONTENT_DIR=/c KIOSK_STATS_DB=/s.db \
    KIOSK_ARGS="--show-cursor --idle-timeout 5" bash "$deploy/kiosk-session.sh" >"$E2E_ARTEFACTS/session.log" 2>&1 || rc=$?
[[ $rc -eq 3 && $(cat "$E2E_TMP/exit-status") == 3 ]] || e2e_fail "kiosk-session did not pass status 3 on (got $rc)"
[[ $(cat "$E2E_TMP/args") == "--kiosk --content /c --stats /s.db --show-cursor --idle-timeout 5" ]] ||
    e2e_fail "kiosk-session ran the app with '$(cat "$E2E_TMP/args")'"

e2e_pass "scripts are lint-clean; run.sh, install-kiosk.sh, update-content and kiosk-session behave"
