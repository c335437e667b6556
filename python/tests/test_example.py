"""The PyTorch example runs end to end on a small data set of its file layout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shortest_path.py"


def test_the_shortest_path_example_trains_and_writes_its_metrics(tmp_path: Path) -> None:
    generator = np.random.default_rng(0)
    weights = generator.standard_normal((5, 40))
    for part, count in (("train", 256), ("test", 32)):
        folder = tmp_path / "data" / "shortest-path" / part
        folder.mkdir(parents=True)
        x = generator.standard_normal((count, 5))
        np.save(folder / "x.npy", x)
        np.save(folder / "c.npy", (1 + 0.3 * x @ weights).astype(np.float32))   # linear in x: learnable
    output = tmp_path / "out"
    result = subprocess.run([sys.executable, str(EXAMPLE), "--data", str(tmp_path / "data"), "--epochs", "5",
                             "--no-pyepo", "--output", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    metrics = json.loads((output / "metrics.json").read_text())
    epochs = metrics["results"][0]["epochs"]
    assert [epoch["epoch"] for epoch in epochs] == [1, 2, 3, 4, 5]
    assert 0 <= epochs[-1]["test_regret"] < 0.5 * epochs[0]["test_regret"], "the linear costs are learnt"
    assert "| ours |" in result.stdout
