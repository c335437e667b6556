"""Solutions through Python are `dsolve solve`'s; the registry is `dsolve`'s."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from differentiable_solvers import DifferentiableSolversError, Solver, describe_solver, list_solvers

#: A small instance of every solver that needs no file: options and θ length.
INSTANCES = {
    "argmax": ({"sense": "minimize"}, 5),
    "top-k": ({"k": 2}, 6),
    "knapsack.dp": ({"weights": [2, 3, 4, 1, 5], "capacity": 7}, 5),
    "block-top-k": ({"block-size": 3, "k": 1}, 6),
    "ranking": ({"sense": "minimize"}, 5),
    "assignment.hungarian": ({"rows": 2, "columns": 3}, 6),
    "spanning-tree.kruskal": ({"vertices": 4, "sense": "maximize"}, 6),
    "shortest-path.graph": ({"vertices": 4, "arcs": [0, 1, 0, 2, 1, 3, 2, 3, 1, 2], "source": 0, "target": 3}, 5),
    "shortest-path.directed-grid": ({"rows": 2, "columns": 3}, 7),
    "shortest-path.grid": ({"height": 3, "width": 4}, 12),
    "graph-cut.bk": ({"rows": 2, "columns": 2, "fixed-weights": [0.5, 1, 1.5, 2]}, 4),
}
#: Solvers whose θ must be non-negative (costs).
NON_NEGATIVE = {"shortest-path.graph", "shortest-path.directed-grid", "shortest-path.grid"}


def run_dsolve(dsolve: str, *arguments: str, request: object = None) -> subprocess.CompletedProcess:
    data = None if request is None else json.dumps(request)
    return subprocess.run([dsolve, *arguments], input=data, capture_output=True, text=True)


def dsolve_solve(dsolve: str, name: str, options: object, theta: np.ndarray, directory: Path) -> subprocess.CompletedProcess:
    """`dsolve solve` on θ given as a float32 .npy file (exact, and NaN allowed)."""
    path = directory / "theta.npy"
    np.save(path, np.asarray(theta, dtype=np.float32))
    return run_dsolve(dsolve, "solve", "-", "--theta", str(path), request={"solver": name, "options": options})


def test_list_and_describe_are_dsolves(dsolve: str) -> None:
    listed = run_dsolve(dsolve, "list").stdout.splitlines()
    descriptions = list_solvers()
    assert [line.split()[0] for line in listed] == [description["name"] for description in descriptions]
    for description in descriptions:
        printed = run_dsolve(dsolve, "describe", description["name"], "--json").stdout
        assert json.loads(printed) == description == describe_solver(description["name"])


def test_every_solver_without_files_has_an_instance_here() -> None:
    assert set(INSTANCES) | {"ilp.glpk"} == {description["name"] for description in list_solvers()}


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_solutions_equal_dsolve_solve(dsolve: str, name: str, tmp_path: Path) -> None:
    options, n = INSTANCES[name]
    theta = np.random.default_rng(7).standard_normal((30, n)).astype(np.float32)
    if name in NON_NEGATIVE:
        theta = np.abs(theta)
    result = dsolve_solve(dsolve, name, options, theta, tmp_path)
    assert result.returncode == 0, result.stderr
    expected = np.array(json.loads(result.stdout)["solutions"], dtype=np.float32)
    solver = Solver(name, options)
    assert solver.variable_count in (n, None)
    for threads in (1, 2, 0):
        np.testing.assert_array_equal(solver.solve(theta, threads=threads), expected)


@pytest.mark.parametrize(
    "name, options, theta",
    [
        ("no-such-solver", None, [[1.0]]),
        ("top-k", {"k": "two"}, [[1.0, 2.0]]),
        ("top-k", {"k": 2, "size": 3}, [[1.0, 2.0]]),
        ("top-k", {"k": 2}, [[1.0, float("nan"), 3.0]]),
        ("shortest-path.grid", {"height": 2, "width": 2}, [[1.0, 2.0, 3.0]]),
        ("shortest-path.grid", {"height": 2, "width": 2}, [[1.0, -2.0, 3.0, 1.0]]),
    ],
)
def test_bad_input_raises_with_the_swift_message(dsolve: str, name: str, options: object, theta: list,
                                                tmp_path: Path) -> None:
    with pytest.raises(DifferentiableSolversError) as raised:
        Solver(name, options).solve(np.array(theta))
    assert raised.value.message
    result = dsolve_solve(dsolve, name, options, np.array(theta), tmp_path)
    assert result.returncode != 0
    # dsolve prints the same Swift message, after where the input came from.
    assert raised.value.message in result.stderr


def test_arrays_of_any_layout_and_type_are_read_as_float32_rows() -> None:
    solver = Solver("top-k", {"k": 1})
    theta = np.arange(12, dtype=np.float64).reshape(3, 4)[:, ::-1]   # not contiguous, float64
    np.testing.assert_array_equal(solver.solve(theta), np.eye(4, dtype=np.float32)[[0, 0, 0]])
    np.testing.assert_array_equal(solver.solve([0.0, 5.0, 1.0, 2.0]), [[0, 1, 0, 0]])
    with pytest.raises(ValueError, match="one or two dimensions"):
        solver.solve(np.zeros((2, 2, 2)))
