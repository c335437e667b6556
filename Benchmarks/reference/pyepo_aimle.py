#!/usr/bin/env python3
"""PyEPO's own adaptive IMLE on PyEPO's shortest-path benchmark: the reference side of
`compare-pyepo-aimle.sh`.

Draws the data with PyEPO's generator (5 × 5 grid, 5 features, degree 4, noise half-width 0.5,
seed 135, 1000 training and 1000 test instances — PyEPO's defaults) and saves it as
``DIR/shortest-path/{train,test}/{x,c}.npy``, the layout ``PredictThenOptimize --data DIR`` reads,
so both sides train on the same arrays. Then trains PyEPO's tutorial pairing: a linear model,
Adam (lr 0.01), batches of 32, ``pyepo.func.adaptiveImplicitMLE`` (2 samples, σ = 1, Sum-of-Gamma
noise with κ = 5, one-sided differences, one process) and the L1 distance between the mean
perturbed solution and the true one; reports the training seconds (solver calls included,
evaluation excluded) and PyEPO's normalised test regret as one JSON line on stdout.

Needs PyEPO with its Gurobi model (``pip install pyepo gurobipy``); exits with status 2 and a
message when they are missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

GRID = (5, 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder to write (or read) shortest-path/{train,test}/{x,c}.npy")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0, help="seed of the model's initial weights and the batch order")
    arguments = parser.parse_args()
    try:
        import torch
        import pyepo
        from pyepo.model.grb import shortestPathModel
        model_of_solver = shortestPathModel(grid=GRID)
    except Exception as error:   # ImportError, or Gurobi without a licence
        print(f"PyEPO reference skipped: {error} (pip install pyepo gurobipy)", file=sys.stderr)
        sys.exit(2)

    folder = Path(arguments.data) / "shortest-path"
    if not (folder / "test" / "c.npy").exists():
        x, c = pyepo.data.shortestpath.genData(2000, 5, GRID, deg=4, noise_width=0.5, seed=135)
        for part, rows in (("train", slice(0, 1000)), ("test", slice(1000, 2000))):
            (folder / part).mkdir(parents=True, exist_ok=True)
            np.save(folder / part / "x.npy", x[rows])
            np.save(folder / part / "c.npy", c[rows])
    x_train, c_train = np.load(folder / "train" / "x.npy"), np.load(folder / "train" / "c.npy")
    x_test, c_test = np.load(folder / "test" / "x.npy"), np.load(folder / "test" / "c.npy")
    # Solving the training set's true paths is data preparation, outside the timed loop.
    train_set = pyepo.data.dataset.optDataset(model_of_solver, x_train, c_train)
    test_set = pyepo.data.dataset.optDataset(model_of_solver, x_test, c_test)
    torch.manual_seed(arguments.seed)
    predictor = torch.nn.Linear(x_train.shape[1], c_train.shape[1])
    optimizer = torch.optim.Adam(predictor.parameters(), lr=1e-2)
    layer = pyepo.func.adaptiveImplicitMLE(model_of_solver, n_samples=2, sigma=1.0, two_sides=False, processes=1)
    loss_function = torch.nn.L1Loss()
    loader = torch.utils.data.DataLoader(train_set, batch_size=32, shuffle=True)
    seconds = 0.0
    for _ in range(arguments.epochs):
        start = time.perf_counter()
        for x, _, w, _ in loader:
            optimizer.zero_grad()
            loss = loss_function(layer(predictor(x)), w)
            loss.backward()
            optimizer.step()
        seconds += time.perf_counter() - start
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=32, shuffle=False)
    regret = pyepo.metric.regret(predictor, model_of_solver, test_loader)
    print(json.dumps({"method": "PyEPO adaptiveImplicitMLE (forward, 2 samples, Sum-of-Gamma κ 5, Gurobi)",
                      "pyepo": getattr(pyepo, "__version__", "unknown"), "epochs": arguments.epochs,
                      "training_seconds": seconds, "test_regret": float(regret)}))


if __name__ == "__main__":
    main()
