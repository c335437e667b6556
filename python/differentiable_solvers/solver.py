"""The registered solvers: list, describe, and solve batches of instances."""

from __future__ import annotations

import ctypes
from typing import Any, Mapping, Optional

import numpy as np

from . import _library as lib
from ._arrays import matrix, options_text
from ._handle import Handle


def list_solvers() -> list[dict[str, Any]]:
    """The descriptions of every registered solver (as ``dsolve describe NAME --json`` prints
    each): ``name``, ``summary``, ``family`` and ``options`` (name, type, default, meaning)."""
    return lib.json_result(lambda out: lib.library().ds_solvers_list(out))


def describe_solver(name: str) -> dict[str, Any]:
    """The description of the solver registered as ``name``.

    Raises:
        DifferentiableSolversError: ``unknown_solver``, listing the registered names.
    """
    return lib.json_result(lambda out: lib.library().ds_solver_describe(lib.text(name), out))


class Solver(Handle):
    """A registered solver with its options: the MAP oracle of a combinatorial problem.

    >>> solver = Solver("top-k", {"k": 2})
    >>> solver.solve([[0.3, 2.0, -1.0, 0.9]])
    array([[0., 1., 0., 1.]], dtype=float32)

    Args:
        name: the registered name, e.g. ``"shortest-path.grid"`` (see :func:`list_solvers`).
        options: the solver's options, as ``dsolve`` reads them (e.g. ``{"height": 12, "width": 12}``).

    Raises:
        DifferentiableSolversError: an unknown name (``unknown_solver``) or options the solver
            does not accept (``invalid_options``), with the Swift message.
    """

    _free = "ds_solver_free"

    def __init__(self, name: str, options: Optional[Mapping[str, Any]] = None) -> None:
        handle = ctypes.c_uint64()
        lib.call("ds_solver_make", lib.text(name), lib.text(options_text(options)), ctypes.byref(handle))
        super().__init__(handle.value)
        self.name = name

    @property
    def variable_count(self) -> Optional[int]:
        """The θ length per instance the solver takes, or ``None`` when it takes any length."""
        count = ctypes.c_int64()
        lib.call("ds_solver_variable_count", self._handle, ctypes.byref(count))
        return None if count.value < 0 else count.value

    def solve(self, theta: Any, threads: int = 0) -> np.ndarray:
        """Solves every row of ``theta`` (instances × variables; a vector is one instance).

        The answer equals ``dsolve solve``'s and does not depend on ``threads`` (0: one per core).

        Returns:
            The solutions, a float32 array of θ's shape (2-D).

        Raises:
            DifferentiableSolversError: a θ of the wrong length, with NaN or infinite entries,
                or an instance the solver cannot solve.
        """
        values = matrix(theta, "theta")
        solutions = np.empty_like(values)
        lib.call("ds_solver_solve", self._handle, lib.float_pointer(values), values.shape[0], values.shape[1],
                 threads, lib.float_pointer(solutions), solutions.size)
        return solutions

    def __repr__(self) -> str:
        return f"Solver({self.name!r})"
