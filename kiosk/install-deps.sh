#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs, and only those that are missing.
#
# Usage: kiosk/install-deps.sh [--run | --test | --list] [EXTRA_PACKAGE...]
#   --run    what building and running the kiosk needs
#   --test   that plus everything the test suite needs (the default)
#   --list   print the package list for the chosen group and exit
#   EXTRA_PACKAGE...  further Debian packages to ensure (used by deploy/install-kiosk.sh)
#
# Checks each package with dpkg-query first and calls apt-get (update, then install
# --no-install-recommends) only when something is missing, so a re-run takes well under
# a second. Needs root or sudo only when it has something to install.
# Works on Debian 12 (bookworm) and Raspberry Pi OS bookworm.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Building: compiler, CMake + Ninja, and every library the code links (see third_party/README.md).
# catch2 is here because a configure with tests on needs it; it is header-only and small.
BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    libimgui-dev libglfw3-dev python3-glad libstb-dev nlohmann-json3-dev catch2
    libsqlite3-dev librsvg2-dev libfontconfig-dev libfreetype-dev libqrcodegencpp-dev libsystemd-dev
    libespeak-ng-dev libasound2-dev
)
# Running: the UI font, Mesa's GL drivers (software rendering where there is no GPU),
# Xvfb, which the preview mode (--screenshot) starts by itself where there is no display, and
# espeak-ng's voices (en-gb, cy) for read aloud (libespeak-ng1 and libasound2 come with the -dev
# packages above and, in the Debian package, through shlibs).
RUN_PACKAGES=(fonts-noto-core libgl1-mesa-dri xvfb espeak-ng-data)
# Testing: a virtual X server, synthetic input, screenshots and image comparison, GL
# diagnostics, the layout peer for benchmarks and the example graphs it ships (graphviz-doc),
# the SQLite shell for checking stats databases, a JSON Schema checker for the published
# content schemas, a shell linter, clang-format for the "arch: clang-format" test, and a
# headless browser that opens the contact sheet's index.html (the "e2e: test_contact_sheet" test),
# libfaketime for the wall-clock jump in "e2e: test_faults_clock", and clang with its libFuzzer
# and sanitizer runtimes for the fuzz targets (kiosk/fuzz.sh).
TEST_PACKAGES=(
    xauth xdotool imagemagick mesa-utils graphviz graphviz-doc sqlite3 python3-jsonschema shellcheck clang-format
    chromium faketime
    clang libclang-rt-14-dev
)

group="test"
extra=()
list_only=0
for arg in "$@"; do
    case "$arg" in
        --run) group="run" ;;
        --test) group="test" ;;
        --list) list_only=1 ;;
        -h | --help)
            kiosk_usage
            exit 0
            ;;
        -*) kiosk_die "unknown option '$arg' (try --help)" ;;
        *) extra+=("$arg") ;;
    esac
done

wanted=("${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}")
if [[ $group == test ]]; then
    wanted+=("${TEST_PACKAGES[@]}")
fi
wanted+=("${extra[@]}")

if [[ $list_only -eq 1 ]]; then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

if ! kiosk_have dpkg-query || ! kiosk_have apt-get; then
    kiosk_die "dpkg-query/apt-get not found: this script needs Debian 12 or Raspberry Pi OS bookworm"
fi
if [[ -r /etc/os-release ]]; then
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    if [[ -n $codename && $codename != bookworm ]]; then
        kiosk_log "warning: this is '$codename', the kiosk is made for bookworm; carrying on"
    fi
fi

# One dpkg-query call for the whole list; a package dpkg has never heard of prints
# nothing, so anything not reported as "install ok installed" counts as missing.
installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)"
missing=()
for pkg in "${wanted[@]}"; do
    if ! grep -qx -- "$pkg installed" <<<"$installed"; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    kiosk_log "all ${#wanted[@]} packages for '$group' are installed"
    exit 0
fi

if [[ ${EUID:-$(id -u)} -ne 0 ]] && ! kiosk_have sudo; then
    kiosk_die "missing package(s): ${missing[*]}; installing them needs root: run this as root (or install sudo), or have an administrator run: apt-get install --no-install-recommends ${missing[*]}"
fi
kiosk_log "installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Waits for a dpkg lock held by unattended-upgrades (common on a freshly booted Pi)
# instead of failing at once.
apt_opts=(-o DPkg::Lock::Timeout=300 -q)
if ! kiosk_as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update; then
    kiosk_die "apt-get update failed: check the network connection and /etc/apt/sources.list"
fi
if ! kiosk_as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y \
    --no-install-recommends "${missing[@]}"; then
    kiosk_die "apt-get install failed for: ${missing[*]}"
fi
kiosk_log "installed: ${missing[*]}"
