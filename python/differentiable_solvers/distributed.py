"""Data-parallel training with ``torch.distributed``: adaptive IMLE's α kept identical on
every worker.

Each worker holds its own layer and sees its own shard of the batch. Adaptive IMLE adapts α
to the sparsity of its gradients — a running mean — so workers that adapted on their own
shards would drift apart. :func:`synchronized_backward` merges the signal instead: every
worker computes its gradient with the α all workers share, restores the state it had before,
and advances it with the sparsity signal summed over all workers (Σ mean · informative over
Σ informative, one ``all_reduce`` of two numbers), so that every worker takes the same step.
Gradients of θ are the worker's own; DistributedDataParallel averages the model's gradients
as usual.

    layer = DifferentiableSolverLayer("shortest-path.grid", {...}, estimator="aimle-central",
                                      distributed=True)   # after torch.distributed.init_process_group
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch
import torch.distributed as dist

from .layer import Layer, Tape


def synchronized_backward(layer: Layer, tape: Tape, dldz: Any, group: Optional[Any] = None) -> np.ndarray:
    """:meth:`Layer.backward` with adaptive IMLE's α step taken on the signal of every worker
    of ``group`` (the default process group when ``None``). Every worker must call it once per
    step, in the same order; for other estimators it is :meth:`Layer.backward` plus nothing.

    Returns:
        ∂L/∂θ of this worker's instances.
    """
    before = layer.state()
    gradient, statistics = layer.backward_with_statistics(tape, dldz)
    if statistics.alpha is None:
        return gradient
    informative = statistics.informative_samples or 0
    totals = torch.tensor([statistics.mean_non_zeros * informative, float(informative)], dtype=torch.float64)
    dist.all_reduce(totals, op=dist.ReduceOp.SUM, group=group)
    layer.restore_state(before)
    if totals[1].item() > 0:
        layer.advance_adaptive(totals[0].item() / totals[1].item())
    return gradient
