#!/usr/bin/env bash
# A day in twenty minutes: runs the soak (tests/soak/soak.sh) on the built careers-kiosk under
# its own Xvfb, at low priority (nice 10) so builds and tests beside it stay responsive, and prints
# a table of memory, file descriptors, threads and GL textures over time, then checks them and the
# statistics against the visits it made. Builds nothing: run kiosk/test.sh (or a build) first.
#
#   kiosk/soak.sh [--minutes N] [--seed S] [--size WxH] [--sample-s S]
#
# Defaults: 20 minutes, a random seed (printed, to replay a run), 1280x800, a sample every 30 s.
# Environment: KIOSK_TEST_BUILD_DIR (default build-test/) holds careers-kiosk; figures and the
# kiosk's log go to BUILD/soak-artefacts/. Exit status 0 when every check holds.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
if [[ ${1:-} == --help || ${1:-} == -h ]]; then
    kiosk_usage
    exit 0
fi
build_dir="${KIOSK_TEST_BUILD_DIR:-$KIOSK_ROOT/build-test}"
[[ -x $build_dir/careers-kiosk ]] || kiosk_die "no careers-kiosk in $build_dir: build it first (kiosk/test.sh)"
exec nice -n 10 bash "$KIOSK_ROOT/tests/soak/soak.sh" "$build_dir/careers-kiosk" "$build_dir/soak-artefacts" "$@"
