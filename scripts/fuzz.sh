#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (built by the fuzz preset) for a fixed time each.
#   scripts/fuzz.sh [TARGET|all] [SECONDS] [libFuzzer options...]
#     scripts/fuzz.sh all 25                  what scripts/run-tests.sh (CI) runs
#     scripts/fuzz.sh fuzz_yaml 3600          an hour on one target, as a developer would
#     scripts/fuzz.sh fuzz_cleaner 600 -jobs=2 -workers=2
# Each target starts from its seeds and regressions and keeps what it learns in
# build/fuzz/tests/fuzz/corpus/TARGET (reused by the next run). A finding (crash, sanitizer report,
# broken property, timeout over 10 s, more than 2 GiB) stops that target, is saved as
# build/fuzz/tests/fuzz/artifacts/TARGET/crash-* (or timeout-*, oom-*) and fails the run.
# Reproduce one with: build/fuzz/tests/fuzz/TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
seconds=${2:-25}
shift $(($# < 2 ? $# : 2))

dir=build/fuzz/tests/fuzz
if [ ! -d "$dir" ]; then
    echo "fuzz.sh: $dir is missing: cmake --preset fuzz && cmake --build --preset fuzz" >&2
    exit 2
fi
if [ "$target" = all ]; then
    targets=()
    for f in "$dir"/*.args; do
        targets+=("$(basename "$f" .args)")
    done
else
    targets=("$target")
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
for t in "${targets[@]}"; do
    if [ ! -x "$dir/$t" ] || [ ! -f "$dir/$t.args" ]; then
        echo "fuzz.sh: no fuzz target $t in $dir" >&2
        exit 2
    fi
    # The .args file (tests/fuzz/CMakeLists.txt): options on line 1, input folders on line 2.
    read -r -a options < <(sed -n 1p "$dir/$t.args")
    IFS=';' read -r -a inputs < <(sed -n 2p "$dir/$t.args")
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
    log="$dir/artifacts/$t/last-run.log"
    echo "=== $t: ${seconds} s"
    rc=0
    nice "$dir/$t" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/$t/" "$@" "$dir/corpus/$t" "${inputs[@]}" \
        >"$log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    line="$t: ${runs:-?} runs, ${speed:-?}/s"
    if [ "$rc" -ne 0 ]; then
        status=1
        line="$line, FINDING (exit $rc): see $log"
        grep -E "ERROR|SUMMARY|fuzz property broken|runtime error|qFatal|Test unit written" "$log" |
            head -20 || true
    fi
    echo "$line"
    summary+=("$line")
done
echo "=== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
