#!/usr/bin/env bash
# Instruction counts of the layer-overhead workload (CoreBenchmarks' first benchmark) under
# callgrind: one AIMLE central forward + backward pass against the three batched solver calls
# it makes, and their ratio. Repeatable on a busy machine, unlike the wall clock.
#
#   Benchmarks/Profiling/layer-overhead.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
command -v valgrind >/dev/null || { echo "layer-overhead: valgrind is not installed (Debian: apt-get install valgrind)"; exit 1; }
swift build -c release --product LayerOverheadProfile >&2
binary=$(swift build -c release --show-bin-path)/LayerOverheadProfile
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/$1" --toggle-collect='*profiledWork*' "$binary" "$1" 2>&1 \
    | awk '/Collected :/ { print $NF }'
}
layer=$(count layer)
solves=$(count solves)
printf "%-40s %15s\n" "AIMLE central forward + backward" "$layer"
printf "%-40s %15s\n" "three batched top-5 solves" "$solves"
awk -v a="$layer" -v b="$solves" 'BEGIN { printf "%-40s %15.3f\n", "ratio (instructions)", a / b }'
