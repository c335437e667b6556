#!/usr/bin/env bash
# Times the ResNet-18 stem training step (forward, backward, Adam; batch 70, 96² and 240²)
# in TensorBenchmarks and in the PyTorch reference cnn_step.py back to back, and prints
# our median, PyTorch's median and their ratio for each size (below 1: we are faster).
#
#   Benchmarks/reference/compare-cnn-step.sh            # PYTHON=… picks the interpreter
#
# PyTorch runs with 2 intra-op threads. Without PyTorch the script says so and exits 0.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
benchmarks=$(dirname "$here")
python=${PYTHON:-/usr/bin/python3}

if ! "$python" -c "import torch" 2>/dev/null; then
  echo "compare-cnn-step: PyTorch is not installed for $python (Debian: apt-get install python3-torch); skipping."
  exit 0
fi

echo "== ours: TensorBenchmarks, training step =="
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The filter is matched against the whole benchmark name.
(cd "$benchmarks" && swift package --allow-writing-to-package-directory benchmark \
   --target TensorBenchmarks --filter ".*training step.*" --no-progress) >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -a -v "^\[" "$log" >&2
ours=$(awk '
         /training step/ && match($0, /[0-9]+ × [0-9]+ *$/) { split(substr($0, RSTART, RLENGTH), s, " "); side = s[1] }
         /Time \(wall clock\)/ && side != "" {
           match($0, /Time \(wall clock\) \([^)]*\)/); unit = substr($0, RSTART + 19, RLENGTH - 20)
           rest = substr($0, RSTART + RLENGTH)
           gsub(/[^0-9.]+/, " ", rest); n = split(rest, v, " ")
           scale = (unit == "s") ? 1000 : (unit == "ms") ? 1 : (unit == "μs" || unit == "us") ? 0.001 : 0.000001
           if (n >= 3) printf "%s %.1f\n", side, v[3] * scale
           side = ""
         }' "$log")

echo "== PyTorch $("$python" -c 'import torch; print(torch.__version__)'), 2 threads =="
theirs=$("$python" "$here/cnn_step.py" --threads 2)
echo "$theirs" >&2

echo
printf "%-8s %12s %14s %8s\n" "side" "ours (ms)" "PyTorch (ms)" "ratio"
while read -r side ours_ms; do
  torch_ms=$(awk -v s="$side" '$1 == s { print $2 }' <<<"$theirs")
  [ -n "$torch_ms" ] || continue
  printf "%-8s %12s %14s %8s\n" "${side}²" "$ours_ms" "$torch_ms" "$(awk -v a="$ours_ms" -v b="$torch_ms" 'BEGIN { printf "%.2f", a / b }')"
done <<<"$ours"
