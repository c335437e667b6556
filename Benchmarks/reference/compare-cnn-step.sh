#!/usr/bin/env bash
# Times the ResNet-18 stem training step (forward, backward, Adam; batch 70, 96² and 240²)
# in TensorBenchmarks and in the PyTorch reference cnn_step.py back to back, and prints
# our median, PyTorch's median and their ratio for each size (below 1: we are faster),
# then each step's arithmetic rate against OpenBLAS sgemm's (1024³, measured in the same
# TensorBenchmarks run): how close the step is to the machine's limit.
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
   --target TensorBenchmarks --filter ".*(training step|sgemm).*" --no-progress) >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -a -v "^\[" "$log" >&2
ours=$(awk '
         /OpenBLAS sgemm/ { side = "sgemm" }
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

# Floating-point operations of one step, convolutions only (batch norm, ReLU, pooling and
# Adam add well under 1 %): forward 2·C_in·C_out·k²·H_out·W_out per image; the backward pass
# adds the weight gradient for the 7 × 7 input convolution (the images need no gradient) and
# the weight and input gradients for the four 3 × 3 convolutions of the two residual blocks.
sgemm_ms=$(awk '$1 == "sgemm" { print $2 }' <<<"$ours")
if [ -n "$sgemm_ms" ]; then
  echo
  peak=$(awk -v t="$sgemm_ms" 'BEGIN { printf "%.1f", 2 * 1024^3 / (t / 1000) / 1e9 }')
  echo "OpenBLAS sgemm 1024³: $sgemm_ms ms = $peak GFLOP/s"
  printf "%-8s %10s %16s %16s %14s\n" "side" "GFLOP" "ours GFLOP/s" "PyTorch GFLOP/s" "ours / sgemm"
  while read -r side ours_ms; do
    [ "$side" != "sgemm" ] || continue
    torch_ms=$(awk -v s="$side" '$1 == s { print $2 }' <<<"$theirs")
    awk -v s="$side" -v a="$ours_ms" -v b="${torch_ms:-0}" -v peak="$peak" 'BEGIN {
      h1 = int((s + 6 - 7) / 2) + 1; h2 = int((h1 + 2 - 3) / 2) + 1
      flops = 70 * (2 * 2 * 3 * 64 * 49 * h1 * h1 + 4 * 3 * 2 * 64 * 64 * 9 * h2 * h2)
      ours = flops / (a / 1000) / 1e9; torch = b > 0 ? flops / (b / 1000) / 1e9 : 0
      printf "%-8s %10.1f %16.1f %16.1f %13.0f %%\n", s "²", flops / 1e9, ours, torch, 100 * ours / peak }'
  done <<<"$ours"
fi
