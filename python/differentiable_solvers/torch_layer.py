"""The layer for PyTorch: a ``torch.autograd.Function`` and an ``nn.Module`` (needs torch)."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple

import numpy as np
import torch

from .distributed import synchronized_backward
from .layer import Layer, Tape


class SolverFunction(torch.autograd.Function):
    """z = MAP(θ + τ·ε) forward, the layer's gradient estimator backward.

    ``SolverFunction.apply(theta, layer, mean, distributed)``: θ is instances × variables; the
    result is instances × samples × variables, or instances × variables with ``mean``.
    Computation runs on the CPU in float32; the result has θ's device and dtype. With
    ``distributed`` (and an initialised ``torch.distributed``), adaptive IMLE's α steps on the
    signal of all workers (:func:`~differentiable_solvers.distributed.synchronized_backward`).
    """

    @staticmethod
    def forward(ctx: Any, theta: torch.Tensor, layer: Layer, mean: bool,  # type: ignore[override]
                distributed: bool = False) -> torch.Tensor:
        values = theta.detach().to("cpu", torch.float32).numpy()
        z, tape = layer.forward(values, mean=mean)
        ctx.layer, ctx.tape, ctx.distributed = layer, tape, distributed
        ctx.theta_device, ctx.theta_dtype = theta.device, theta.dtype
        return torch.from_numpy(z).to(theta.device, theta.dtype)

    @staticmethod
    def backward(ctx: Any, dldz: torch.Tensor) -> Tuple[Optional[torch.Tensor], None, None, None]:  # type: ignore[override]
        layer: Layer = ctx.layer
        tape: Tape = ctx.tape
        upstream = dldz.detach().to("cpu", torch.float32).contiguous().numpy()
        if ctx.distributed and torch.distributed.is_available() and torch.distributed.is_initialized():
            gradient = synchronized_backward(layer, tape, upstream)
        else:
            gradient = layer.backward(tape, upstream)
        return torch.from_numpy(np.ascontiguousarray(gradient)).to(ctx.theta_device, ctx.theta_dtype), None, None, None


class DifferentiableSolverLayer(torch.nn.Module):
    """A combinatorial solver as a PyTorch module, trained through with a gradient estimator.

    >>> layer = DifferentiableSolverLayer(solver="shortest-path.grid", options={"height": 12, "width": 12},
    ...                                   estimator="aimle-central", noise="gumbel", samples=10, seed=0,
    ...                                   perturbation_floor=0.0)
    >>> paths = layer(costs)              # costs: batch × 144 → batch × 144 (mean of 10 sampled paths)
    >>> loss = ((paths - true_paths) ** 2).sum()
    >>> loss.backward()                   # ∂loss/∂costs by adaptive IMLE

    Args:
        solver: the registered name of the solver (``differentiable_solvers.list_solvers()``).
        options: the solver's options.
        mean: return the mean of the samples (instances × variables) rather than every sample
            (instances × samples × variables).
        distributed: under ``torch.distributed`` data-parallel training, keep adaptive IMLE's α
            identical on every worker by merging its sparsity signal over the default process
            group at every backward pass (see :mod:`differentiable_solvers.distributed`).
        settings: the keyword arguments of :class:`~differentiable_solvers.Layer` — ``estimator``
            (default ``"aimle-central"``; ``imle:20``, ``blackbox:20`` …, not ``score-function``,
            which needs per-sample losses: use the numpy ``Layer``), ``noise`` (``"gumbel"``),
            ``samples`` (1), ``seed`` (0; the step advances with every forward pass),
            ``threads`` (0: one per core; results do not depend on it),
            ``forward_temperature``, ``target_temperature``, ``perturbation_floor``.

    Raises:
        DifferentiableSolversError: as :class:`~differentiable_solvers.Layer`.
    """

    def __init__(self, solver: str, options: Optional[Mapping[str, Any]] = None, *, mean: bool = True,
                 distributed: bool = False, **settings: Any) -> None:
        super().__init__()
        self.layer = Layer(solver, options, **settings)
        self.mean = mean
        self.distributed = distributed

    def forward(self, theta: torch.Tensor) -> torch.Tensor:
        """Solves every row of θ (instances × variables; a vector is one instance)."""
        if theta.dim() == 1:
            return SolverFunction.apply(theta.unsqueeze(0), self.layer, self.mean, self.distributed).squeeze(0)
        return SolverFunction.apply(theta, self.layer, self.mean, self.distributed)

    def state(self) -> dict[str, Any]:
        """The layer's step and adaptive IMLE state, for checkpoints."""
        return self.layer.state()

    def restore_state(self, state: Mapping[str, Any]) -> None:
        """Continues from :meth:`state`'s result."""
        self.layer.restore_state(state)

    def extra_repr(self) -> str:
        return f"solver={self.layer.solver!r}, estimator={self.layer.estimator!r}, samples={self.layer.samples}, mean={self.mean}"
