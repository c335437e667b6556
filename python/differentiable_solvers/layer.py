"""A solver as a layer of a model, over numpy arrays: perturb-and-MAP forward, an estimator
of ∂L/∂θ backward."""

from __future__ import annotations

import ctypes
import json
import math
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple

import numpy as np

from . import _library as lib
from ._arrays import flat, matrix, options_text
from ._handle import Handle


@dataclass(frozen=True)
class BackwardStatistics:
    """What one backward pass did (``DifferentiableSolverLayer.backwardWithStatistics``)."""

    #: The mean step λ over the rows with a gradient signal.
    mean_lambda: float
    #: The mean number of non-zero gradient entries per informative sample (AIMLE's signal).
    mean_non_zeros: float
    #: The samples whose ∂L/∂z is not zero (``None`` for estimators without finite differences).
    informative_samples: Optional[int]
    #: Rows none of whose samples had a gradient signal.
    silent_rows: int
    #: The α of adaptive IMLE used by the pass (``None`` for other estimators).
    alpha: Optional[float]

    @staticmethod
    def from_values(values: list) -> "BackwardStatistics":
        """Reads the 5 doubles of ``ds_layer_backward_with_statistics``."""
        mean_lambda, mean_non_zeros, informative, silent, alpha = values
        return BackwardStatistics(mean_lambda, mean_non_zeros, None if informative < 0 else int(informative),
                                  int(silent), None if math.isnan(alpha) else alpha)


class Tape(Handle):
    """What a forward pass recorded for its backward pass (θ, the noise, the samples).

    Owned by Python: the Swift tape is freed when this object is collected. It stays valid
    for any number of backward passes of the layer that made it.
    """

    _free = "ds_tape_free"

    def __init__(self, handle: int, theta_shape: Tuple[int, int], output_shape: Tuple[int, ...]) -> None:
        super().__init__(handle)
        #: The shape of θ of the forward pass (instances × variables).
        self.theta_shape = theta_shape
        #: The shape of the forward output, which ∂L/∂z must have.
        self.output_shape = output_shape


class Layer(Handle):
    """A registered solver as a layer: ``forward`` samples z = MAP(θ + τ·ε) for each instance,
    ``backward`` turns ∂L/∂z into ∂L/∂θ with the chosen gradient estimator.

    The Swift ``DifferentiableSolverLayer`` does the work; results are bit-identical to it for
    a seed, whatever the number of threads.

    >>> layer = Layer("top-k", {"k": 2}, estimator="aimle-central", noise="gumbel", samples=4, seed=0)
    >>> z, tape = layer.forward(np.array([[0.3, 2.0, -1.0, 0.9]]))    # z: 1 × 4 samples × 4
    >>> dtheta = layer.backward(tape, z - 0.5)                         # 1 × 4

    Args:
        solver: the registered name of the solver (see :func:`list_solvers`).
        options: the solver's options, e.g. ``{"height": 12, "width": 12}``.
        estimator: ``aimle``, ``aimle-central[:C]``, ``aimle-forward[:C]``, ``aimle-backward[:C]``,
            ``imle[:λ]``, ``imle-central[:λ]``, ``blackbox:λ``, ``direct-loss[:ε]``,
            ``perturbed-optimizer``, ``score-function``, ``straight-through``, ``gumbel-softmax:T:BLOCK``.
        noise: ``none``, ``gumbel``, ``normal`` or ``sum-of-gamma:K[:T]``.
        samples: noise samples per instance.
        seed: the seed of all randomness.
        threads: worker threads, 0 for one per core; results do not depend on it.
        forward_temperature: the scale τ of the forward perturbation.
        target_temperature: the scale of the perturbation in the backward pass.
        perturbation_floor: when set, perturbed θ is raised entry-wise to at least this value
            (0 for shortest paths, whose costs must be non-negative).

    Raises:
        DifferentiableSolversError: an unknown solver, estimator or noise, options the solver
            does not accept, or invalid settings, with the Swift message.
    """

    _free = "ds_layer_free"

    def __init__(
        self,
        solver: str,
        options: Optional[Mapping[str, Any]] = None,
        estimator: str = "aimle-central",
        noise: str = "gumbel",
        samples: int = 1,
        seed: int = 0,
        threads: int = 0,
        forward_temperature: float = 1.0,
        target_temperature: float = 1.0,
        perturbation_floor: Optional[float] = None,
    ) -> None:
        handle = ctypes.c_uint64()
        lib.call("ds_layer_make", lib.text(solver), lib.text(options_text(options)), lib.text(estimator),
                 lib.text(noise), samples, seed, threads, ctypes.byref(handle))
        super().__init__(handle.value)
        self.solver, self.estimator, self.noise, self.samples = solver, estimator, noise, samples
        if forward_temperature != 1.0 or target_temperature != 1.0:
            lib.call("ds_layer_set_temperatures", self._handle, forward_temperature, target_temperature)
        if perturbation_floor is not None:
            floor = ctypes.c_float(perturbation_floor)
            lib.call("ds_layer_set_perturbation_floor", self._handle, ctypes.byref(floor))

    def forward(self, theta: Any, mean: bool = False) -> Tuple[np.ndarray, Tape]:
        """Samples structures for every instance (row) of ``theta``.

        Args:
            theta: instances × variables (a vector is one instance).
            mean: return the per-instance mean of the samples instead of the samples.

        Returns:
            ``(z, tape)``: z is float32, instances × samples × variables (or instances ×
            variables with ``mean``); the tape is what :meth:`backward` needs.

        Raises:
            DifferentiableSolversError: θ of the wrong length, with NaN or infinite entries, or
                an instance the solver cannot solve.
        """
        values = matrix(theta, "theta")
        rows, columns = values.shape
        shape = (rows, columns) if mean else (rows, self.samples, columns)
        z = np.empty(shape, dtype=np.float32)
        tape = ctypes.c_uint64()
        lib.call("ds_layer_forward", self._handle, lib.float_pointer(values), rows, columns, int(mean),
                 lib.float_pointer(z), z.size, ctypes.byref(tape))
        return z, Tape(tape.value, (rows, columns), shape)

    def backward(self, tape: Tape, dldz: Any, sample_losses: Any = None) -> np.ndarray:
        """Estimates ∂L/∂θ from ∂L/∂z; advances adaptive IMLE's α.

        Args:
            tape: the tape of a forward pass of this layer.
            dldz: ∂L/∂z, with as many entries as the forward output (any shape).
            sample_losses: the loss of every sample (instances × samples), for the
                score-function estimator only.

        Returns:
            ∂L/∂θ, float32, instances × variables: with per-sample output the sum over the
            samples of each sample's estimate, with mean output the estimate for the mean.

        Raises:
            DifferentiableSolversError: a tape of another layer, a ∂L/∂z of the wrong size or
                with NaN entries, missing sample losses.
        """
        return self.backward_with_statistics(tape, dldz, sample_losses)[0]

    def backward_with_statistics(self, tape: Tape, dldz: Any,
                                 sample_losses: Any = None) -> Tuple[np.ndarray, BackwardStatistics]:
        """:meth:`backward`, and what the pass did (the step λ, the sparsity signal, α)."""
        upstream = flat(dldz)
        gradient = np.empty(tape.theta_shape, dtype=np.float32)
        losses = None if sample_losses is None else flat(sample_losses)
        values = (ctypes.c_double * 5)()
        lib.call("ds_layer_backward_with_statistics", self._handle, tape._handle, lib.float_pointer(upstream),
                 upstream.size, None if losses is None else lib.float_pointer(losses),
                 0 if losses is None else losses.size, lib.float_pointer(gradient), gradient.size, values)
        return gradient, BackwardStatistics.from_values(list(values))

    def advance_adaptive(self, mean_non_zeros: float) -> None:
        """One step of adaptive IMLE's α rule with a sparsity signal from elsewhere (the mean
        number of non-zero gradient entries per informative sample), e.g. merged over the
        workers of data-parallel training (see :mod:`differentiable_solvers.distributed`).

        Raises:
            DifferentiableSolversError: ``invalid_configuration`` unless the estimator is
                adaptive IMLE.
        """
        lib.call("ds_layer_advance_adaptive", self._handle, mean_non_zeros)

    def state(self) -> dict[str, Any]:
        """The state a checkpoint stores: ``{"step": N, "adaptive": {"alpha", "nonZeroAverage",
        "previousUpdate", "updates"}}`` (adaptive IMLE's α and running statistics)."""
        return lib.json_result(lambda out: lib.library().ds_layer_state(self._handle, out))

    def restore_state(self, state: Mapping[str, Any]) -> None:
        """Continues from a state that :meth:`state` returned (of this layer or another)."""
        lib.call("ds_layer_restore_state", self._handle, lib.text(json.dumps(dict(state))))

    def __repr__(self) -> str:
        return f"Layer({self.solver!r}, estimator={self.estimator!r}, noise={self.noise!r}, samples={self.samples})"
