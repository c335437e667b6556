"""Combinatorial solvers as trainable layers, from Python.

A network predicts θ; a registered solver (shortest paths, top-k, spanning trees, knapsack,
assignment, integer programs through GLPK, graph cuts …) returns z = MAP(θ + ε); a gradient
estimator (adaptive IMLE, IMLE, blackbox, perturbed optimiser …) turns ∂L/∂z into ∂L/∂θ. The
Swift package DifferentiableSolvers does the work, through its C ABI.

* :func:`list_solvers`, :func:`describe_solver`, :class:`Solver` — the registry, numpy in and out;
* :class:`Layer` — the layer over numpy arrays;
* :class:`DifferentiableSolverLayer`, :class:`SolverFunction` — the layer for PyTorch (present
  when torch imports).
"""

from __future__ import annotations

from .errors import DifferentiableSolversError
from .layer import BackwardStatistics, Layer, Tape
from .solver import Solver, describe_solver, list_solvers

__all__ = ["BackwardStatistics", "DifferentiableSolversError", "Layer", "Tape", "Solver", "describe_solver", "list_solvers"]

try:
    import torch as _torch  # noqa: F401
except ImportError:  # torch is optional
    pass
else:
    from .torch_layer import DifferentiableSolverLayer, SolverFunction

    __all__ += ["DifferentiableSolverLayer", "SolverFunction"]

__version__ = "0.1.0"
