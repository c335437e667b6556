#!/usr/bin/env python3
"""PyEPO's shortest-path benchmark trained through the Swift layer from PyTorch, beside PyEPO's
own adaptive IMLE on the same data, model, batches and loss.

A linear model maps p = 5 features to the 40 arc costs of a 5 × 5 grid (arcs east and south,
top-left to bottom-right); the loss is the L1 distance between the mean of the perturbed
shortest paths and the true path (PyEPO's pairing for AIMLE); the metric is the normalised
regret on the test set, Σ (c·w(ĉ) − c·w(c)) / Σ |c·w(c)|. Both columns start from the same
weights and see the same batches; only the solver layer differs:

* ours: ``DifferentiableSolverLayer(solver="shortest-path.directed-grid", estimator="aimle-central:10",
  noise="sum-of-gamma:5", samples=2)``, from α₀ = 1 as PyEPO starts. PyEPO's α rule adds 10⁻³
  while the fraction of non-zero gradient entries is below 1 — always — so its λ stays near
  ‖ĉ‖/‖∇‖; ours moves α towards a target of c non-zero entries per sample, and c = 10 (a
  quarter of the 40 arcs) reaches PyEPO's regret (``--estimator aimle-forward`` and c = 1, the
  paper's setting, shrink λ and learn slower here);
* PyEPO: ``pyepo.func.adaptiveImplicitMLE(shortestPathModel((5, 5)), n_samples=2, sigma=1)``
  with its Gurobi model, on one process (``pip install pyepo gurobipy``; without them the column
  is skipped).

Data: ``--data DIR`` reads ``DIR/shortest-path/{train,test}/{x,c}.npy`` (PyEPO's arrays, as the
Swift ``PredictThenOptimize`` example reads and writes them with ``--save-data``); otherwise
PyEPO's ``genData`` draws them (1000 + 1000 instances, degree 4, noise 0.5, seed 135).

    python3 python/examples/shortest_path.py                 # --epochs 10, writes out/python-shortest-path
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import torch

try:
    from differentiable_solvers import DifferentiableSolverLayer, Solver
except ImportError:   # not installed: the package of this checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from differentiable_solvers import DifferentiableSolverLayer, Solver

GRID = 5


def load_data(arguments: argparse.Namespace) -> dict[str, np.ndarray]:
    """x and c of the training and test sets, from --data or PyEPO's generator."""
    if arguments.data:
        folder = Path(arguments.data) / "shortest-path"
        return {f"{name}_{part}": np.load(folder / part / f"{name}.npy") for part in ("train", "test") for name in "xc"}
    try:
        import pyepo
    except ImportError:
        sys.exit("no data: pass --data DIR (e.g. from `swift run -c release PredictThenOptimize --problems shortest-path "
                 "--methods 2s --seeds 1 --save-data`), or install PyEPO (pip install pyepo) to generate it")
    x, c = pyepo.data.shortestpath.genData(arguments.train + arguments.test, 5, (GRID, GRID), deg=arguments.deg,
                                            noise_width=arguments.noise, seed=arguments.data_seed)
    return {"x_train": x[:arguments.train], "c_train": c[:arguments.train],
            "x_test": x[arguments.train:], "c_test": c[arguments.train:]}


def regret(model: torch.nn.Module, x: np.ndarray, c: np.ndarray, solver: Solver) -> float:
    """Normalised regret of the model's decisions on (x, c)."""
    with torch.no_grad():
        predicted = model(torch.as_tensor(x, dtype=torch.float32)).numpy()
    decisions, optimal = solver.solve(predicted), solver.solve(c)
    best = (c * optimal).sum(axis=1)
    return float(((c * decisions).sum(axis=1) - best).sum() / np.abs(best).sum())


def train(name: str, layer: torch.nn.Module, model: torch.nn.Module, data: dict[str, np.ndarray], paths: np.ndarray,
          solver: Solver, arguments: argparse.Namespace) -> dict:
    """Trains `model` through `layer` and returns regret and time per epoch."""
    optimizer = torch.optim.Adam(model.parameters(), lr=arguments.lr)
    x = torch.as_tensor(data["x_train"], dtype=torch.float32)
    w = torch.as_tensor(paths, dtype=torch.float32)
    order = torch.Generator().manual_seed(arguments.seed)
    loss_function = torch.nn.L1Loss()
    epochs = []
    for epoch in range(arguments.epochs):
        start = time.perf_counter()
        for batch in torch.randperm(len(x), generator=order).split(arguments.batch):
            optimizer.zero_grad()
            loss = loss_function(layer(model(x[batch])), w[batch])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        test_regret = regret(model, data["x_test"], data["c_test"], solver)
        epochs.append({"epoch": epoch + 1, "seconds": seconds, "test_regret": test_regret})
        print(f"  {name:>6}  epoch {epoch + 1:>3}  {seconds:7.3f} s  test regret {100 * test_regret:6.2f} %", flush=True)
    return {"method": name, "epochs": epochs, "test_regret": epochs[-1]["test_regret"],
            "seconds_per_epoch": float(np.mean([e["seconds"] for e in epochs]))}


def pyepo_layer(arguments: argparse.Namespace) -> Optional[torch.nn.Module]:
    """PyEPO's adaptive IMLE over its Gurobi shortest-path model, or None with a message."""
    try:
        import pyepo
        from pyepo.model.grb import shortestPathModel
        optmodel = shortestPathModel(grid=(GRID, GRID))
    except Exception as error:   # ImportError, or Gurobi without a licence
        print(f"PyEPO column skipped: {error} (pip install pyepo gurobipy)")
        return None
    return pyepo.func.adaptiveImplicitMLE(optmodel, n_samples=arguments.samples, sigma=1.0, two_sides=False, processes=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder with shortest-path/{train,test}/{x,c}.npy")
    parser.add_argument("--train", type=int, default=1000)
    parser.add_argument("--test", type=int, default=1000)
    parser.add_argument("--deg", type=int, default=4)
    parser.add_argument("--noise", type=float, default=0.5)
    parser.add_argument("--data-seed", type=int, default=135)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--samples", type=int, default=2)
    parser.add_argument("--estimator", default="aimle-central:10", help="our layer's estimator")
    parser.add_argument("--threads", type=int, default=0, help="our layer's threads (0: all cores)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-pyepo", action="store_true", help="skip PyEPO's column")
    parser.add_argument("--output", default="out/python-shortest-path")
    arguments = parser.parse_args()

    data = load_data(arguments)
    solver = Solver("shortest-path.directed-grid", {"rows": GRID, "columns": GRID})
    paths = solver.solve(data["c_train"])
    print(f"shortest path on a {GRID} × {GRID} grid: {len(data['x_train'])} training and {len(data['x_test'])} test "
          f"instances, {data['x_train'].shape[1]} features, {paths.shape[1]} arcs")

    torch.manual_seed(arguments.seed)
    initial = torch.nn.Linear(data["x_train"].shape[1], paths.shape[1])
    layers: list[tuple[str, Callable[[], Optional[torch.nn.Module]]]] = []

    def ours() -> torch.nn.Module:
        layer = DifferentiableSolverLayer("shortest-path.directed-grid", {"rows": GRID, "columns": GRID},
                                          estimator=arguments.estimator, noise="sum-of-gamma:5",
                                          samples=arguments.samples, seed=arguments.seed, threads=arguments.threads)
        # PyEPO's AIMLE starts at α = 1; ours at the paper's α₀ = 0 unless told.
        layer.restore_state({"step": 0, "adaptive": {"alpha": 1.0, "nonZeroAverage": 1.0, "previousUpdate": 0.0, "updates": 0}})
        return layer

    layers.append(("ours", ours))
    if not arguments.no_pyepo:
        layers.append(("PyEPO", lambda: pyepo_layer(arguments)))

    results = []
    for name, make in layers:
        layer = make()
        if layer is None:
            continue
        model = torch.nn.Linear(initial.in_features, initial.out_features)
        model.load_state_dict(initial.state_dict())
        results.append(train(name, layer, model, data, paths, solver, arguments))

    print(f"\n| method | test regret | s/epoch |\n|---|---|---|")
    for result in results:
        print(f"| {result['method']} | {100 * result['test_regret']:.2f} % | {result['seconds_per_epoch']:.3f} |")
    if len(results) == 2:
        print(f"\nours is {results[1]['seconds_per_epoch'] / results[0]['seconds_per_epoch']:.1f}× faster per epoch")
    output = Path(arguments.output)
    output.mkdir(parents=True, exist_ok=True)
    settings = {key: value for key, value in vars(arguments).items()}
    (output / "metrics.json").write_text(json.dumps({"settings": settings, "results": results}, indent=2) + "\n")
    print(f"wrote {output / 'metrics.json'}")


if __name__ == "__main__":
    main()
