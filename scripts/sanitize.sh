#!/usr/bin/env bash
# Runs tests under ThreadSanitizer and AddressSanitizer and counts the sanitizer reports.
#
#   scripts/sanitize.sh                 # CI subset (concurrency and C/C++ code), TSan then ASan
#   scripts/sanitize.sh address         # one sanitizer
#   ALL=1 scripts/sanitize.sh           # the whole test suite (slow: tens of minutes on 2 cores)
#
# The CI subset: the core (layer, estimators, AIMLE state, batching over threads), batch
# consistency of the native solvers, GLPK (C library, per-thread problems), graph cut (C++
# max-flow) and the reliability matrices and determinism tests. Each sanitizer builds into its
# own scratch directory (.build/sanitize-<name>) so the ordinary debug build is left alone.
# Exit status: non-zero if a build or test fails or any sanitizer report appears.
set -euo pipefail
cd "$(dirname "$0")/.."

subset='DifferentiableSolversTests|BatchConsistencyTests|GLPKSolverTests|GraphCutSolverTests|ReliabilityTests'
filter=()
[[ -n "${ALL:-}" ]] || filter=(--filter "$subset")
sanitizers=("$@")
[[ ${#sanitizers[@]} -gt 0 ]] || sanitizers=(thread address)

# Report, do not abort, so that one run counts every report; ASan also checks for leaks (minus
# the toolchain's own, listed in scripts/lsan-suppressions.txt), and TSan skips the races that
# are artefacts of synchronisation it cannot see (scripts/tsan-suppressions.txt).
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan-suppressions.txt}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=0 detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt print_suppressions=0}"

status=0
for sanitizer in "${sanitizers[@]}"; do
    scratch=".build/sanitize-$sanitizer"
    log="$scratch.log"
    mkdir -p .build
    start=$(date +%s)
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1 || { tail -20 "$log"; exit 1; }
    built=$(date +%s)
    set +e
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "${filter[@]}" >>"$log" 2>&1
    tests=$?
    set -e
    finished=$(date +%s)
    reports=$(grep -c -E '^WARNING: ThreadSanitizer|^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log" || true)
    summary=$(grep -E '^(✔|✘) Test run with' "$log" | tail -1 || true)
    echo "$sanitizer: build $((built - start)) s, tests $((finished - built)) s, $reports sanitizer reports; $summary (log: $log)"
    [[ $tests -eq 0 && $reports -eq 0 ]] || status=1
done
exit $status
