#!/usr/bin/env bash
# Installs what is missing, builds the kiosk in Release, and starts it fullscreen on the
# bundled content. Extra arguments go to careers-kiosk, e.g. `kiosk/run.sh --windowed`.
#
# Environment (all optional):
#   KIOSK_BUILD_DIR    build folder (default: build/ in the repository; reused between runs)
#   KIOSK_CONTENT      content folder (default: content/ in the repository)
#   KIOSK_SKIP_DEPS=1  do not check Debian packages
#   KIOSK_SKIP_BUILD=1 use the binary already in the build folder
#
# With no display (neither DISPLAY nor WAYLAND_DISPLAY set) it builds, then prints one line
# pointing to the preview mode and exits with status 3, as careers-kiosk itself does.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

build_dir="${KIOSK_BUILD_DIR:-$KIOSK_ROOT/build}"
content_dir="${KIOSK_CONTENT:-$KIOSK_ROOT/content}"
binary="$build_dir/careers-kiosk"

if [[ ${KIOSK_SKIP_DEPS:-0} != 1 ]]; then
    bash "$KIOSK_ROOT/kiosk/install-deps.sh" --run
fi

if [[ ${KIOSK_SKIP_BUILD:-0} != 1 ]]; then
    # Tests are off here: the run command builds only the app, so a first run is quick.
    # An existing build folder keeps its own settings; this only fills in the defaults.
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        kiosk_log "configuring a Release build in $build_dir"
        cmake -S "$KIOSK_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DBUILD_TESTING=OFF || kiosk_die "CMake could not configure the build (see above)"
    fi
    kiosk_log "building careers-kiosk ($(kiosk_jobs) jobs)"
    cmake --build "$build_dir" --target careers-kiosk -j "$(kiosk_jobs)" ||
        kiosk_die "the build failed (see the compiler messages above)"
fi

[[ -x $binary ]] || kiosk_die "no binary at $binary: the build did not produce it"

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    # Paths relative to where the user stands, so the suggested command is short, and
    # quoted for the shell if they need it.
    printf -v show_bin '%q' "${binary#"$PWD"/}"
    printf -v show_content '%q' "${content_dir#"$PWD"/}"
    printf '%s\n' "careers-kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset); to preview a screen without one, run: $show_bin --screenshot home.png --size 1920x1080 --screen home --content $show_content" >&2
    exit 3
fi

kiosk_log "starting $binary --content $content_dir $*"
exec "$binary" --content "$content_dir" "$@"
