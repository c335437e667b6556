"""The PyTorch layer: gradients that match finite differences of the smoothed objective, the
numpy layer's results bit for bit, errors with the Swift message."""

from __future__ import annotations

import numpy as np
import pytest

try:
    import torch
except ImportError:
    pytest.skip("torch does not import in this Python (Debian's python3-torch provides it for /usr/bin/python3)",
                allow_module_level=True)

from differentiable_solvers import DifferentiableSolverLayer, DifferentiableSolversError, Layer


def smoothed_loss(theta: np.ndarray, target: np.ndarray) -> float:
    """‖E[argmax(θ + G)] − b‖² with Gumbel noise G, exactly: E[argmax(θ + G)] = softmax(θ)."""
    weights = np.exp(theta - theta.max())
    return float(((weights / weights.sum() - target) ** 2).sum())


def test_gradients_match_finite_differences_of_the_smoothed_objective() -> None:
    theta0 = np.array([0.5, -0.3, 1.2, 0.1])
    target = np.array([0.1, 0.6, 0.2, 0.1])
    step = 1e-5
    expected = np.array([
        (smoothed_loss(theta0 + step * e, target) - smoothed_loss(theta0 - step * e, target)) / (2 * step)
        for e in np.eye(4)
    ])
    # The perturbed optimiser's forward mean is a Monte-Carlo estimate of softmax(θ); its backward
    # pass is Stein's estimate of the Jacobian of that smooth function.
    layer = DifferentiableSolverLayer(solver="argmax", estimator="perturbed-optimizer", noise="gumbel",
                                      samples=40000, seed=0, mean=True)
    theta = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    y = layer(theta)
    loss = ((y - torch.tensor(target)) ** 2).sum()
    loss.backward()
    assert y.dtype == torch.float64 and theta.grad is not None
    np.testing.assert_allclose(y.detach().numpy(), np.exp(theta0) / np.exp(theta0).sum(), atol=0.01)
    assert np.abs(expected).max() > 0.1
    np.testing.assert_allclose(theta.grad.numpy(), expected, atol=0.02)


def test_the_module_is_the_numpy_layer_bit_for_bit() -> None:
    settings = dict(solver="shortest-path.grid", options={"height": 4, "width": 4}, estimator="aimle-central",
                    noise="gumbel", samples=3, seed=5, perturbation_floor=0.0)
    module = DifferentiableSolverLayer(**settings, mean=False)
    layer = Layer(**settings)
    # Start both at α = 1, so that the first steps already have gradients (α₀ = 0 has none).
    start = {"step": 0, "adaptive": {"alpha": 1.0, "nonZeroAverage": 1.0, "previousUpdate": 0.0, "updates": 0}}
    module.restore_state(start)
    layer.restore_state(start)
    costs = np.abs(np.random.default_rng(0).standard_normal((5, 16))).astype(np.float32)
    target = np.random.default_rng(1).integers(0, 2, (5, 3, 16)).astype(np.float32)
    for _ in range(3):
        theta = torch.tensor(costs, requires_grad=True)
        paths = module(theta)
        ((paths - torch.tensor(target)) ** 2).sum().backward()
        z, tape = layer.forward(costs)
        gradient = layer.backward(tape, 2 * (z - target))
        np.testing.assert_array_equal(paths.detach().numpy(), z)
        np.testing.assert_array_equal(theta.grad.numpy(), gradient)
    assert module.state() == layer.state()
    assert any(theta.grad.numpy().reshape(-1) != 0)


def test_shapes_vectors_and_training_reduce_the_loss() -> None:
    module = DifferentiableSolverLayer("top-k", {"k": 2}, estimator="imle:1", noise="gumbel", samples=4, seed=0)
    assert module(torch.zeros(6)).shape == (6,)
    assert DifferentiableSolverLayer("top-k", {"k": 2}, samples=4, mean=False)(torch.zeros(3, 6)).shape == (3, 4, 6)
    theta = torch.zeros(1, 6, requires_grad=True)
    target = torch.tensor([[1.0, 0, 0, 0, 0, 1]])
    optimizer = torch.optim.SGD([theta], lr=0.5)
    for _ in range(30):
        optimizer.zero_grad()
        loss = ((module(theta) - target) ** 2).sum()
        loss.backward()
        optimizer.step()
    assert ((module(theta) - target) ** 2).sum().item() < 0.5


def test_bad_input_raises_with_the_swift_message() -> None:
    module = DifferentiableSolverLayer("top-k", {"k": 2})
    with pytest.raises(DifferentiableSolversError, match="θ contains nan at row 0, column 1"):
        module(torch.tensor([[1.0, float("nan"), 0.0]]))
    with pytest.raises(DifferentiableSolversError, match="no solver named 'top-j'"):
        DifferentiableSolverLayer("top-j")
