# Helpers for the fault tests (tests/e2e/test_faults_*.sh): a visit whose statistics can be
# counted, the statistics checked with sqlite3, and a private mount namespace for faults that
# need mounts (a full disk, a read-only folder) without touching this machine's own mounts.
# Source after lib.sh and lib_hits.sh.
#
#   faults_private_mounts "$@"   first line of a test that mounts: runs the script again inside
#                                `unshare --mount --propagation private` (root only)
#   faults_open_role ROLE        home -> the role's page -> home: one role_opened row
#   faults_start_visit DB        Xvfb (1280x800) and the kiosk on the bundled content recording
#                                into DB, woken, `roles` read, the first two opened and closed
#   faults_role_opens DB...      role_opened rows in the given databases (missing ones count 0)
#   faults_check_intact DB       PRAGMA integrity_check is ok
#   faults_log_count REGEX       lines of the kiosk's log matching REGEX
#   faults_wait_exit SECONDS     waits for the kiosk to exit on its own (1 if it did not)
# shellcheck shell=bash

# Runs the calling script again in a mount namespace of its own, so that a tmpfs or a loop image
# mounted by the test exists only for the test's processes and vanishes with them.
faults_private_mounts() {
    if [[ ${KIOSK_FAULTS_PRIVATE_MOUNTS:-} != 1 ]]; then
        if [[ $(id -u) -ne 0 ]] || ! command -v unshare >/dev/null 2>&1; then
            echo "[$(basename "$0" .sh)] SKIP: needs root and unshare (util-linux) for a private mount namespace" >&2
            exit 77
        fi
        export KIOSK_FAULTS_PRIVATE_MOUNTS=1
        exec unshare --mount --propagation private -- bash "$0" "$@"
    fi
}

# The visitor's roles, in the order the tests open them.
faults_roles() {
    awk '$1 ~ /^role-card:/ { sub(/^role-card:/, "", $1); print $1 }' "$KIOSK_HITS_FILE"
}

# Sets `roles` to the visitor's roles and fails the test when there are fewer than $1.
faults_read_roles() {
    mapfile -t roles < <(faults_roles)
    ((${#roles[@]} >= $1)) || e2e_fail "fewer than $1 role cards on the home screen"
}

faults_open_role() {
    e2e_tap_hit "role-card:$1"
    e2e_wait_screen "role:$1" 10
    e2e_tap_hit nav:home
    e2e_wait_screen home 10
}

# The common opening of a fault test: a visit with two role_opened rows committed before the fault.
faults_start_visit() {
    e2e_start_xvfb 1280x800
    e2e_start_kiosk --content "$E2E_CONTENT" --stats "$1"
    e2e_wake
    faults_read_roles 2
    faults_open_role "${roles[0]}"
    faults_open_role "${roles[1]}"
}

faults_role_opens() {
    local total=0 db n
    for db in "$@"; do
        [[ -s $db ]] || continue
        n=$(sqlite3 -readonly -batch "$db" "SELECT count(*) FROM events WHERE kind = 'role_opened'" 2>/dev/null) ||
            e2e_fail "cannot count the events in $db"
        total=$((total + n))
    done
    echo "$total"
}

faults_check_intact() {
    local result
    result=$(sqlite3 -readonly -batch "$1" "PRAGMA integrity_check" 2>&1) || true
    [[ $result == ok ]] || e2e_fail "integrity_check of $1 says: $result"
}

faults_log_count() {
    grep -c -E -- "$1" "$E2E_KIOSK_LOG" || true
}

faults_wait_exit() {
    local deadline=$((SECONDS + $1))
    while e2e_kiosk_alive; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}
