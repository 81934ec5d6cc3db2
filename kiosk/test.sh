#!/usr/bin/env bash
# Installs what is missing, builds everything (app, tests, benchmarks) and runs the whole
# test suite with CTest. Ends with CTest's summary; the exit status is CTest's.
# Arguments are passed to ctest, e.g. `kiosk/test.sh -L core` or `kiosk/test.sh -R gallery`.
# With none, the slow suites are left out: `packages` (Debian packages in a chroot, the arm64
# cross-build), `vm` (the kiosk machine under QEMU), `gl31` (the e2e tests with the driver
# limited to GL 3.1), `soak` (a day in twenty minutes: kiosk/soak.sh), `fuzz` (every libFuzzer
# target for 20 s, built with clang in BUILD/fuzz-build/: about 10 minutes; longer campaigns:
# `kiosk/fuzz.sh --seconds N [TARGET...]`) and `monkey` (core and ui built again under ASan +
# UBSan, about 10 minutes, then a short monkey run); run one with e.g. `kiosk/test.sh -L vm`
# (root, network, 10-40 minutes). The default run still replays every input that ever failed a
# fuzz target, and each target's seeds, through the gcc build (`fuzz-replay`, label core).
#
# Environment (all optional):
#   KIOSK_TEST_BUILD_DIR  build folder (default: build-test/, kept apart from run.sh's build/)
#   KIOSK_CMAKE_ARGS      extra configure arguments, e.g. "-DKIOSK_SANITIZE=ON"
#   KIOSK_SKIP_DEPS=1     do not check Debian packages
#   CI                    when set, warnings are errors (-DKIOSK_WERROR=ON)
#
# End-to-end screenshots are kept in BUILD/e2e-artefacts/<test name>/.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

build_dir="${KIOSK_TEST_BUILD_DIR:-$KIOSK_ROOT/build-test}"
jobs="$(kiosk_jobs)"

if [[ ${KIOSK_SKIP_DEPS:-0} != 1 ]]; then
    bash "$KIOSK_ROOT/kiosk/install-deps.sh" --test
fi

configure_args=(-S "$KIOSK_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON)
# Set explicitly on every run so a cached value from an earlier run cannot linger.
if [[ -n ${CI:-} ]]; then
    configure_args+=(-DKIOSK_WERROR=ON)
else
    configure_args+=(-DKIOSK_WERROR=OFF)
fi
if [[ -n ${KIOSK_CMAKE_ARGS:-} ]]; then
    read -r -a user_args <<<"$KIOSK_CMAKE_ARGS"
    configure_args+=("${user_args[@]}")
fi

kiosk_log "configuring $build_dir"
cmake "${configure_args[@]}" || kiosk_die "CMake could not configure $build_dir (see above)"
kiosk_log "building everything ($jobs jobs)"
cmake --build "$build_dir" -j "$jobs" || kiosk_die "the build failed (see the compiler messages above)"

kiosk_log "running tests; end-to-end screenshots go to $build_dir/e2e-artefacts/"
# End-to-end tests share one RESOURCE_LOCK, so -j only runs unit tests beside them.
# --timeout is a safety net for tests without their own TIMEOUT property.
if [[ $# -eq 0 ]]; then
    set -- -LE '^(packages|vm|gl31|soak|fuzz|monkey)$'
fi
status=0
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "$jobs" --timeout 900 "$@" || status=$?
exit "$status"
