#!/usr/bin/env bash
# The reference NRI spanning-tree code (torch-adaptive-imle's cli/nri-cli.py, Minervini et al.
# 2023) at Examples/LatentGraphs' budget, on one CPU thread: AIMLE (central, adaptive target) and
# the spanning-tree SST baseline (hard, straight-through), one seed each, then the reference's own
# `--mode eval` on the best-validation-ELBO checkpoint, which prints its test ELBO and edge
# precision / recall. The figures are kept in Examples/LatentGraphs/reference/.
#
#   REF=<torch-adaptive-imle work tree> SST=<choidami/sst work tree> \
#     [PYTHON=python3 with torch, networkx, matplotlib, scipy, cvxpy, cvxpylayers] [LOGS=dir] \
#     Benchmarks/reference/run-nri-reference.sh
#
# torch-adaptive-imle ships no data generator: its data is Paulus et al. 2020's graph layout set,
# made by data_scripts/generate_graph_layout_dataset.py of their repository (choidami/sst), here at
# 1000 / 200 / 500 examples, T = 20, 10 vertices (its other settings, seed 42 included, at their
# defaults). Without torch the script says so and exits 0.
set -euo pipefail
python=${PYTHON:-/usr/bin/python3}
: "${REF:?set REF to a torch-adaptive-imle work tree}"
: "${SST:?set SST to a choidami/sst work tree (it holds the data generator)}"
REF=$(cd "$REF" && pwd)
SST=$(cd "$SST" && pwd)
logs=${LOGS:-$REF/logs-latent-graphs}
mkdir -p "$logs"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

if ! "$python" -c "import torch" 2>/dev/null; then
  echo "run-nri-reference: torch is not installed for $python (Debian: apt-get install python3-torch); skipping."
  exit 0
fi
for module in networkx matplotlib scipy cvxpy cvxpylayers.torch; do
  if ! "$python" -c "import $module" 2>/dev/null; then
    echo "run-nri-reference: $python lacks $module, which the reference imports; skipping."
    echo "  (networkx, matplotlib, scipy: Debian python3-*; cvxpy, cvxpylayers: PyPI only, e.g. a venv made with"
    echo "  --system-site-packages and pip install 'cvxpy<1.5' 'cvxpylayers<0.2' with numpy and scipy held at Debian's)"
    exit 0
  fi
done
echo "torch threads: $("$python" -c 'import torch; print(torch.get_num_threads())')"

suffix=_novar_1skip_20t_1r_graph10
# The generator's `from core.kruskals import kruskals_pytorch` names a function inside
# core/kruskals/kruskals.py; expose it on the package so the script runs unmodified.
echo "generating data with $SST/data_scripts/generate_graph_layout_dataset.py"
(cd "$SST" && "$python" -c '
import runpy, sys
import core.kruskals.kruskals as k
sys.modules["core.kruskals"].kruskals_pytorch = k.kruskals_pytorch
sys.argv = ["generate_graph_layout_dataset.py"] + sys.argv[1:]
runpy.run_module("data_scripts.generate_graph_layout_dataset", run_name="__main__")
' --num_timesteps 20 --num_vertices 10 --num_train 1000 --num_valid 200 --num_test 500) | tee "$logs/datagen.log"
mkdir -p "$REF/data"
cp "$SST"/data/{data,edges}_{train,valid,test}$suffix.npy "$REF/data/"

# With the C++ Kruskal's (setup_kruskals.py install) as in the reference's commands; otherwise its
# batched pytorch Kruskal's, which returns the same maximum spanning trees.
cpp=True
if ! "$python" -c "import torch, kruskals_cpp" 2>/dev/null; then
  cpp=False
  echo "kruskals_cpp is not built (cd $REF/nri/core/kruskals && $python setup_kruskals.py install); using --use_cpp_for_sampling False"
fi

# The reference's T = 20 command line with our budget: hidden 32, batch 32, Adam lr 1e-3, rollout
# 10, 10 epochs (10 × ⌈1000 / 32⌉ = 320 steps). Validation every 29 steps lands on the last step
# (319 = 11 × 29), so the best-validation-ELBO checkpoint can be the final model.
common="--suffix $suffix --timesteps 20 --prediction_steps 10 --num_vertices 10 --sst tree
  --relaxation exp_family_entropy --max_range 15 --symmeterize_logits True --lr 0.001 --temp 0.1
  --eps_for_finitediff 1.0 --cuda False --use_cpp_for_sampling $cpp --hard True --st True
  --encoder_hidden 32 --decoder_hidden 32 --batch_size 32 --num_iterations 320 --eval_every 29
  --eval_batch_size 100 --eval_edge_metric_bs 100 --seed 0"
aimle="--method aimle --imle-lambda 0.0 --imle-lambda-update-step 0.001 --imle-noise sog
  --imle-noise-temperature 1.0 --aimle-symmetric --aimle-target adaptive --imle-samples 1"
sst="--method sst"

run() {  # name, method flags
  local name=$1 flags=$2 start end
  rm -rf "$REF/experiments/ours-t20-$name"
  for mode in train eval; do
    echo "== $name ($mode): PYTHONPATH=. $python ./cli/nri-cli.py" $common $flags --mode $mode --experiments_folder ours-t20-$name
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    (cd "$REF" && PYTHONPATH=. "$python" ./cli/nri-cli.py $common $flags --mode $mode \
      --experiments_folder "ours-t20-$name") > "$logs/$name-$mode.log" 2>&1
    end=$(date +%s.%N)
    echo "wall seconds: $(echo "$end - $start" | bc)" | tee -a "$logs/$name-$mode.log"
  done
  grep -E '^Best Epoch' "$logs/$name-train.log" || true
  grep -E '^XXX all_measurements' "$logs/$name-eval.log" || true
}

run aimle-central "$aimle"
run sst-tree "$sst"
echo "Logs (validation curve in *-train.log; test ELBO, precision, recall in *-eval.log's 'all_measurements' line): $logs"
