#!/usr/bin/env bash
# PredictThenOptimize's AIMLE (forward differences, Sum-of-Gamma noise) against PyEPO's own
# adaptiveImplicitMLE on PyEPO's shortest-path arrays, back to back: training seconds of a
# 10-epoch run, test regret, and the time ratio (ours / PyEPO; the goal is ≤ 1/50).
#
#   Benchmarks/reference/compare-pyepo-aimle.sh [ROUNDS]   # PYTHON=… with pyepo and gurobipy
#
# pyepo_aimle.py draws the data with PyEPO's generator into a temporary folder and trains
# PyEPO's side; PredictThenOptimize (release build) then reads the same arrays with --data.
# Without PyEPO the script says so and exits 0.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
python=${PYTHON:-/usr/bin/python3}
rounds=${1:-3}

if ! "$python" -c "import pyepo, gurobipy" 2>/dev/null; then
  echo "compare-pyepo-aimle: PyEPO with gurobipy is not installed for $python (pip install pyepo gurobipy); skipping."
  exit 0
fi
(cd "$root" && swift build -c release --product PredictThenOptimize >/dev/null)
binary="$root/.build/release/PredictThenOptimize"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf "%-6s %14s %12s %16s %12s %8s\n" "round" "ours (s)" "ours regret" "PyEPO (s)" "PyEPO regret" "ratio"
for round in $(seq 1 "$rounds"); do
  theirs=$("$python" "$here/pyepo_aimle.py" --data "$work/data" 2>/dev/null | tail -1)
  "$binary" --problems shortest-path --methods aimle-fwd --seeds 1 --data "$work/data" --output "$work/ours" >/dev/null 2>&1
  "$python" - "$work/ours/summary-shortest-path.json" "$round" "$theirs" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))[0]
theirs = json.loads(sys.argv[3])
print(f"{sys.argv[2]:<6} {ours['secondsMean']:14.3f} {100 * ours['regretMean']:11.2f} % {theirs['training_seconds']:16.3f} "
      f"{100 * theirs['test_regret']:11.2f} % 1/{theirs['training_seconds'] / ours['secondsMean']:.0f}")
PY
done
