# Shared helpers for the kiosk/ scripts. Source it; it defines functions and
# KIOSK_ROOT (the repository root) and changes nothing else.
#
#   kiosk_log MSG...      progress line on stderr, prefixed with the script name
#   kiosk_die MSG...      error line on stderr, then exit 1
#   kiosk_as_root CMD...  runs CMD as root: directly when root, else through sudo
#   kiosk_jobs            how many parallel jobs to use (nproc, at least 1)
#   kiosk_have CMD        true when CMD is on PATH
#   kiosk_usage           prints the top comment of the running script (for --help)
# shellcheck shell=bash disable=SC2034  # variables here are for the scripts that source this

KIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KIOSK_SCRIPT_NAME="$(basename "${0:-kiosk}")"

kiosk_log() {
    printf '%s: %s\n' "$KIOSK_SCRIPT_NAME" "$*" >&2
}

kiosk_die() {
    printf '%s: error: %s\n' "$KIOSK_SCRIPT_NAME" "$*" >&2
    exit 1
}

kiosk_have() {
    command -v "$1" >/dev/null 2>&1
}

# Runs a command with root rights. A user who is neither root nor has sudo gets
# one clear line saying what to do instead of a confusing failure from apt.
kiosk_as_root() {
    if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
        "$@"
    elif kiosk_have sudo; then
        sudo "$@"
    else
        kiosk_die "this step needs root: run it as root, or install sudo (command was: $*)"
    fi
}

kiosk_jobs() {
    local n
    n="$(nproc 2>/dev/null || echo 1)"
    [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || n=1
    echo "$n"
}

# Prints the comment block at the top of the calling script (after the #! line) as help.
kiosk_usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}
