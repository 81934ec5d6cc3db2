#!/usr/bin/env bash
# Fuzzes the kiosk's untrusted inputs with libFuzzer under ASan + UBSan and prints, per target,
# the executions and the coverage reached (libFuzzer's cov: edges, ft: features).
#
#   kiosk/fuzz.sh [--seconds N] [--jobs J] [--build-dir DIR] [--no-build] [TARGET...]
#
# TARGETs are the names in tests/fuzz/targets.txt (default: all of them), each run for N seconds
# (default 60), J at a time (default 1). The clang tree is configured and built in DIR (default
# build-fuzz/, -DKIOSK_FUZZ=ON with CC=clang CXX=clang++, ccache when installed). Each target's
# corpus grows in DIR/corpus/TARGET/ across runs and is seeded from targets.txt every run.
# A crash, leak, hang (over ${KIOSK_FUZZ_TIMEOUT:-30} s on one input) or out-of-memory stops
# that target, leaves the input in DIR/artifacts/TARGET/ and makes the exit status 1: fix it at
# its root, then keep the input as tests/fixtures/fuzz/TARGET/NAME so every test build replays
# it ("fuzz-replay: TARGET"). Needs clang and libclang-rt-14-dev (kiosk/install-deps.sh --test).
# Long campaigns: run it under `nice -n 10` in the background on a shared machine. The timeout is
# wall-clock time: a content target loading the bundled pack needs about 1.7 s of CPU per input
# under ASan, which took 9-10 s of wall time on this shared machine (load average 16), so raise
# KIOSK_FUZZ_TIMEOUT there rather than keep such an input as a hang.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

seconds=60
jobs=1
build_dir="$KIOSK_ROOT/build-fuzz"
build=1
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
        --jobs) jobs="${2:?--jobs needs a number}"; shift 2 ;;
        --build-dir) build_dir="${2:?--build-dir needs a folder}"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h | --help) kiosk_usage; exit 0 ;;
        -*) kiosk_die "unknown option '$1' (see --help)" ;;
        *) targets+=("$1"); shift ;;
    esac
done
[[ $seconds =~ ^[0-9]+$ && $seconds -ge 1 ]] || kiosk_die "--seconds must be a whole number of seconds"
[[ $jobs =~ ^[0-9]+$ && $jobs -ge 1 ]] || kiosk_die "--jobs must be a number of targets at once"

# --- the targets and their seed globs (tests/fuzz/targets.txt) ---------------------------------
declare -A seed_globs
all_targets=()
while read -r name globs; do
    [[ -z $name || $name == \#* ]] && continue
    all_targets+=("$name")
    seed_globs[$name]="$globs"
done <"$KIOSK_ROOT/tests/fuzz/targets.txt"
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=("${all_targets[@]}")
fi
for t in "${targets[@]}"; do
    [[ -n ${seed_globs[$t]+set} ]] || kiosk_die "no fuzz target '$t' (known: ${all_targets[*]})"
done

# --- build --------------------------------------------------------------------------------
if [[ $build == 1 ]]; then
    kiosk_have clang++ || kiosk_die "clang++ is not installed (apt-get install clang libclang-rt-14-dev)"
    configure=(-S "$KIOSK_ROOT" -B "$build_dir" -G Ninja -DKIOSK_FUZZ=ON -DBUILD_TESTING=OFF
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g"
        "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g")
    # Assertions stay on (no -DNDEBUG): a broken assumption is a finding too.
    if [[ -n ${CI:-} ]]; then configure+=(-DKIOSK_WERROR=ON); else configure+=(-DKIOSK_WERROR=OFF); fi
    if kiosk_have ccache; then configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
    mkdir -p "$build_dir"
    kiosk_log "configuring $build_dir (clang, libFuzzer, ASan, UBSan)"
    CC=clang CXX=clang++ cmake "${configure[@]}" >"$build_dir/configure.log" 2>&1 ||
        { cat "$build_dir/configure.log" >&2; kiosk_die "CMake could not configure $build_dir"; }
    kiosk_log "building ${#targets[@]} fuzz targets"
    build_targets=()
    for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
    cmake --build "$build_dir" -j "$(kiosk_jobs)" --target "${build_targets[@]}" ||
        kiosk_die "the fuzz build failed (see the compiler messages above)"
fi

# --- one target ---------------------------------------------------------------------------
# Runs target $1 for $seconds; writes its log to DIR/logs/TARGET.log and its exit status to
# DIR/logs/TARGET.status.
run_target() {
    local t="$1" bin="$build_dir/tests/fuzz/fuzz_$1"
    local corpus="$build_dir/corpus/$t" seeds="$build_dir/seeds/$t" artifacts="$build_dir/artifacts/$t"
    local log="$build_dir/logs/$t.log" scratch status=0
    [[ -x $bin ]] || kiosk_die "$bin is not built (drop --no-build)"
    rm -f "$log" "$build_dir/logs/$t.status"
    rm -rf "$seeds" "$artifacts" # artifacts are this run's only; kept inputs live in tests/fixtures/fuzz/
    mkdir -p "$corpus" "$seeds" "$artifacts" "$build_dir/logs"
    (
        cd "$KIOSK_ROOT"
        shopt -s globstar nullglob
        # shellcheck disable=SC2086  # the globs are meant to expand here
        for f in ${seed_globs[$t]}; do
            [[ -f $f ]] && cp "$f" "$seeds/$(tr '/' '_' <<<"${f#../}")"
        done
    )
    # Content targets get a dictionary: every key name in content/schema/, so that mutations
    # reach the validation behind the JSON syntax sooner.
    local content_args=() # a dictionary and a length cap
    if [[ $t == content_* ]]; then
        grep -oh '"[a-z_]\+"' "$KIOSK_ROOT"/content/schema/*.json | sort -u >"$build_dir/content.dict"
        content_args=(-dict="$build_dir/content.dict" -max_len=32768) # the largest bundled file is 30 KB
    fi
    # A private scratch folder, in memory when possible (the stats targets fsync).
    scratch="$(mktemp -d "$( [[ -w /dev/shm ]] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/kiosk-fuzz-$t.XXXXXX")"
    # KIOSK_PLUGIN_DIR: the SVG module (careers-kiosk-svg.so) is built at the top of the build tree.
    # -entropic_scale_per_exec_time: inputs that run fast get more mutations. Without it the image
    # corpus, once full of multi-megapixel JPEGs of a few hundred bytes, held the target at about
    # 350 executions a second; with it, on the same corpus and machine, 650, at the same coverage.
    # Slow inputs are still run and mutated, only less often.
    TMPDIR="$scratch" KIOSK_PLUGIN_DIR="$build_dir" "$bin" -max_total_time="$seconds" -timeout="${KIOSK_FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 \
        -entropic_scale_per_exec_time=1 -print_final_stats=1 -artifact_prefix="$artifacts/" "${content_args[@]}" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
    rm -rf "$scratch"
    echo "$status" >"$build_dir/logs/$t.status"
}

# --- run (J at a time) and report ---------------------------------------------------------
kiosk_log "fuzzing ${targets[*]} for ${seconds} s each, $jobs at a time; logs in $build_dir/logs/"
running=0
for t in "${targets[@]}"; do
    if [[ $running -ge $jobs ]]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_target "$t" &
    running=$((running + 1))
done
wait || true

failed=0
total_execs=0
printf '%-18s %12s %9s %7s %8s %7s %8s  %s\n' target executions exec/s cov ft corpus rss_mb result
for t in "${targets[@]}"; do
    log="$build_dir/logs/$t.log"
    status="$(cat "$build_dir/logs/$t.status" 2>/dev/null || echo missing)"
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    execs="$(stat number_of_executed_units)"
    rate="$(stat average_exec_per_sec)"
    rss="$(stat peak_rss_mb)"
    last="$(grep -E '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1 || true)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
    corp="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")"
    result=ok
    if [[ $status != 0 ]]; then
        failed=1
        artifact="$(find "$build_dir/artifacts/$t" -type f 2>/dev/null | head -1)"
        result="FAILED (status $status; input: ${artifact:-none}; see $log)"
    fi
    total_execs=$((total_execs + ${execs:-0}))
    printf '%-18s %12s %9s %7s %8s %7s %8s  %s\n' "$t" "${execs:--}" "${rate:--}" "${cov:--}" "${ft:--}" \
        "${corp:--}" "${rss:--}" "$result"
done
printf 'total executions: %s in %s targets, %s s each\n' "$total_execs" "${#targets[@]}" "$seconds"
if [[ $failed == 1 ]]; then
    kiosk_log "a target failed: fix the cause, then keep its input in tests/fixtures/fuzz/TARGET/"
    exit 1
fi
