#!/usr/bin/env bash
# With no display the kiosk says so in one line and points to the preview mode; the preview
# mode itself works without a display by starting its own Xvfb, and bad command lines get a
# clear error and exit 2.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"

set +e
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$E2E_BIN" --content "$E2E_CONTENT" 2>&1 >/dev/null)
status=$?
set -e
((status == 3)) || e2e_fail "without a display the kiosk exited $status, expected 3"
[[ $(wc -l <<<"$out") -eq 1 ]] || e2e_fail "expected one line without a display, got: $out"
grep -q -- "--screenshot" <<<"$out" || e2e_fail "the no-display line does not point to the preview mode: $out"
e2e_pass "no display: one clear line pointing to --screenshot"

for screen in home role:clinical-technologist gallery:3; do
    png="$E2E_ARTEFACTS/preview-${screen//:/-}.png"
    env -u DISPLAY -u WAYLAND_DISPLAY "$E2E_BIN" --screenshot "$png" --size 800x480 --screen "$screen" \
        --content "$E2E_CONTENT" >/dev/null 2>&1 || e2e_fail "preview of $screen failed"
    [[ $(identify -format '%wx%h' "$png") == 800x480 ]] || e2e_fail "preview of $screen is not 800x480"
    colours=$(convert "$png" -format '%k' info:)
    ((colours > 50)) || e2e_fail "preview of $screen looks blank ($colours colours)"
done
e2e_pass "preview mode renders screens without a display"

expect_usage_error() {
    local status=0 out
    out=$("$E2E_BIN" "$@" 2>&1) || status=$?
    ((status == 2)) || e2e_fail "careers-kiosk $* exited $status, expected 2"
    grep -q "^careers-kiosk: " <<<"$out" || e2e_fail "careers-kiosk $*: no clear error line: $out"
}
expect_usage_error --size 12x
expect_usage_error --screenshot out.png
expect_usage_error --screen kitchen
expect_usage_error --bogus
set +e
env -u DISPLAY "$E2E_BIN" --screenshot "$E2E_TMP/x.png" --size 800x480 --screen role:nobody --content "$E2E_CONTENT" >/dev/null 2>"$E2E_TMP/err"
status=$?
set -e
((status == 2)) && grep -q "no role 'nobody'" "$E2E_TMP/err" || e2e_fail "an unknown role in --screen is not a clear error"
e2e_pass "bad command lines get a clear error and exit 2"
