#!/usr/bin/env bash
# Builds the Debian packages from this tree with dpkg-buildpackage and debhelper (debian/):
#   careers-kiosk_VERSION_ARCH.deb            the app, its bundled content and docs
#   careers-kiosk-machine_VERSION_all.deb     the dedicated kiosk: service, X settings, USB
#                                             rule, careers-kiosk-update-content and -status
# then runs lintian on them (fails on any lintian error). Dependencies of the app are
# computed by dpkg-shlibdeps (${shlibs:Depends}), never listed by hand.
#
# Usage: kiosk/build-packages.sh [--arch arm64] [--gles] [--out DIR] [--no-lintian]
#   --arch ARCH   cross-build for ARCH with Debian's multiarch cross toolchain (needs
#                 `dpkg --add-architecture ARCH`, crossbuild-essential-ARCH and the build
#                 dependencies as :ARCH; --install-cross-deps installs them)
#   --gles        build for OpenGL ES 3.0 (-DKIOSK_GLES=ON): the Raspberry Pi's choice
#   --out DIR     where the .debs go (default: build-deb/ARCH/ in this tree)
#   --install-cross-deps  with --arch: add the architecture and install what the cross
#                 build needs (changes this machine's apt configuration)
# The build runs in a copy of the tree under DIR, so the checkout gets no debian/ build files.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

arch="$(dpkg --print-architecture)"
host_arch="$arch"
gles=0
out=""
lintian=1
cross_deps=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --arch)
            [[ $# -ge 2 ]] || kiosk_die "--arch needs an architecture (e.g. arm64)"
            host_arch="$2"
            shift
            ;;
        --gles) gles=1 ;;
        --out)
            [[ $# -ge 2 ]] || kiosk_die "--out needs a folder"
            out="$(realpath -m -- "$2")"
            shift
            ;;
        --no-lintian) lintian=0 ;;
        --install-cross-deps) cross_deps=1 ;;
        -h | --help)
            kiosk_usage
            exit 0
            ;;
        *) kiosk_die "unknown argument '$1' (try --help)" ;;
    esac
    shift
done
out="${out:-$KIOSK_ROOT/build-deb/$host_arch}"

for tool in dpkg-buildpackage dh; do
    kiosk_have "$tool" || kiosk_die "$tool is missing: apt-get install --no-install-recommends dpkg-dev debhelper"
done

if [[ $host_arch != "$arch" && $cross_deps -eq 1 ]]; then
    kiosk_log "adding architecture $host_arch and installing the cross toolchain and build dependencies"
    kiosk_as_root dpkg --add-architecture "$host_arch"
    kiosk_as_root apt-get update -q
    kiosk_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "crossbuild-essential-$host_arch"
    # apt reads Build-Depends from debian/control and resolves them for the host architecture.
    kiosk_as_root env DEBIAN_FRONTEND=noninteractive apt-get build-dep -y --no-install-recommends \
        --host-architecture "$host_arch" "$KIOSK_ROOT"
fi

# A copy of the tree: dpkg-buildpackage writes beside the source folder and into debian/.
version="$(dpkg-parsechangelog -l "$KIOSK_ROOT/debian/changelog" -S Version)"
work="$out/src"
rm -rf -- "$work"
mkdir -p "$work/careers-kiosk-$version"
if git -C "$KIOSK_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$KIOSK_ROOT" && git ls-files -z --cached --others --exclude-standard) |
        (cd "$KIOSK_ROOT" && xargs -0 tar -cf - --no-recursion --ignore-failed-read) |
        tar -C "$work/careers-kiosk-$version" -xf -
else
    tar -C "$KIOSK_ROOT" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$work/careers-kiosk-$version" -xf -
fi

cmake_args="${KIOSK_CMAKE_ARGS:-}"
[[ $gles -eq 1 ]] && cmake_args+=" -DKIOSK_GLES=ON"
if kiosk_have ccache; then
    cmake_args+=" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache"
    export CCACHE_BASEDIR="$work"
    # debhelper (compat 13) gives the build a temporary HOME: keep ccache's own folder.
    export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ccache}"
fi
build_args=(-us -uc -b "--jobs=$(kiosk_jobs)")
if [[ $host_arch != "$arch" ]]; then
    build_args+=("--host-arch=$host_arch")
    export DEB_BUILD_PROFILES="cross nocheck"
fi
kiosk_log "building careers-kiosk $version for $host_arch${cmake_args:+ (CMake:$cmake_args)} in $work"
(cd "$work/careers-kiosk-$version" && KIOSK_CMAKE_ARGS="$cmake_args" DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage "${build_args[@]}") >"$out/build.log" 2>&1 ||
    kiosk_die "the package build failed: see the end of $out/build.log: $(tail -n 3 "$out/build.log" | tr '\n' ' ')"

rm -f "$out"/*.deb "$out"/dbgsym/*.deb
mv "$work"/*.deb "$out"/
# Debug symbols apart, so `apt install ./careers-kiosk*.deb` installs just the two packages.
if compgen -G "$out/*-dbgsym_*.deb" >/dev/null; then
    mkdir -p "$out/dbgsym"
    mv "$out"/*-dbgsym_*.deb "$out/dbgsym/"
fi
changes="$(ls "$work"/*.changes)"
mv "$changes" "$out"/
kiosk_log "packages in $out:"
ls -1 "$out"/*.deb >&2

if [[ $lintian -eq 1 ]]; then
    if ! kiosk_have lintian; then
        kiosk_log "lintian is not installed; packages not checked (apt-get install lintian)"
    else
        lintian --no-tag-display-limit "$out"/*.deb >"$out/lintian.log" 2>&1 || true
        errors="$(grep -c '^E: ' "$out/lintian.log" || true)"
        warnings="$(grep -c '^W: ' "$out/lintian.log" || true)"
        kiosk_log "lintian: $errors error(s), $warnings warning(s) (full report: $out/lintian.log)"
        [[ $errors -eq 0 ]] || kiosk_die "lintian found errors: $(grep '^E: ' "$out/lintian.log" | head -n 5 | tr '\n' ' ')"
    fi
fi
