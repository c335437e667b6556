"""Two processes on loopback (gloo): under data-parallel training every worker keeps the same
adaptive IMLE state (α and its running sparsity ḡ) when the layer merges its statistics, and
not otherwise."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest

try:
    import torch
    import torch.distributed as dist
    import torch.multiprocessing as multiprocessing
except ImportError:
    pytest.skip("torch does not import in this Python (Debian's python3-torch provides it for /usr/bin/python3)",
                allow_module_level=True)
if not (dist.is_available() and dist.is_gloo_available()):
    pytest.skip("this torch has no gloo backend", allow_module_level=True)

from differentiable_solvers import DifferentiableSolverLayer, Solver

STEPS = 6
#: A target c near the shards' sparsity, so that α rises and falls during the run.
ESTIMATOR = "aimle-central:1.2"


def worker(rank: int, world: int, port: int, distributed: bool, folder: str) -> None:
    """Trains a linear cost model on this rank's shard and records α after every step."""
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = torch.nn.parallel.DistributedDataParallel(torch.nn.Linear(5, 16))
    layer = DifferentiableSolverLayer("shortest-path.grid", {"height": 4, "width": 4}, estimator=ESTIMATOR,
                                      noise="gumbel", samples=2, seed=rank, perturbation_floor=0.0,
                                      distributed=distributed)
    layer.restore_state({"step": 0, "adaptive": {"alpha": 0.5, "nonZeroAverage": 1.0, "previousUpdate": 0.0, "updates": 0}})
    generator = np.random.default_rng(rank)          # each rank its own shard
    weights = np.random.default_rng(99).standard_normal((5, 16))
    x = generator.standard_normal((16, 5)).astype(np.float32)
    paths = torch.as_tensor(Solver("shortest-path.grid", {"height": 4, "width": 4}).solve(np.abs(x @ weights) + 0.1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    states = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = torch.nn.functional.l1_loss(layer(torch.relu(model(torch.as_tensor(x)))), paths)
        loss.backward()
        optimizer.step()
        states.append(layer.state()["adaptive"])
    weights_after = [parameter.detach().numpy().reshape(-1).tolist() for parameter in model.parameters()]
    Path(folder, f"rank-{rank}.json").write_text(json.dumps({"states": states, "weights": weights_after}))
    dist.destroy_process_group()


def train_two_workers(distributed: bool, folder: Path) -> list[dict]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    multiprocessing.spawn(worker, args=(2, port, distributed, str(folder)), nprocs=2, join=True)
    return [json.loads((folder / f"rank-{rank}.json").read_text()) for rank in range(2)]


def alphas(run: dict) -> list:
    return [state["alpha"] for state in run["states"]]


def test_merged_statistics_keep_alpha_identical_on_both_workers(tmp_path: Path) -> None:
    merged = train_two_workers(True, tmp_path)
    assert merged[0]["states"] == merged[1]["states"]
    assert len(set(alphas(merged[0]))) > 2, "α moved during training"
    assert merged[0]["weights"] == merged[1]["weights"], "DistributedDataParallel kept the models equal"


def test_without_merging_the_workers_statistics_drift_apart(tmp_path: Path) -> None:
    separate = train_two_workers(False, tmp_path)
    # Each worker's running sparsity ḡ follows its own shard; α, which steps on ḡ, follows.
    assert [state["nonZeroAverage"] for state in separate[0]["states"]] != \
        [state["nonZeroAverage"] for state in separate[1]["states"]]
