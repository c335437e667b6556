"""The layer through Python is the Swift layer, bit for bit; threads do not change results;
bad input raises with the Swift message."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from differentiable_solvers import DifferentiableSolversError, Layer

#: Written by the Swift test `PythonReferenceTests` from the Swift layer (one thread).
REFERENCE = json.loads((Path(__file__).parent / "fixtures" / "layer_reference.json").read_text())


def floats(bits: list, shape: tuple) -> np.ndarray:
    return np.array(bits, dtype=np.uint32).view(np.float32).reshape(shape)


def bits(values: np.ndarray) -> list:
    return np.ascontiguousarray(values, dtype=np.float32).view(np.uint32).reshape(-1).tolist()


def make(case: dict, threads: int) -> Layer:
    settings = case["settings"]
    layer = Layer(settings["solver"], settings["options"], estimator=settings["estimator"], noise=settings["noise"],
                  samples=settings["samples"], seed=settings["seed"], threads=threads,
                  perturbation_floor=settings.get("floor"))
    if case.get("initial"):
        layer.restore_state(case["initial"])
    return layer


@pytest.mark.parametrize("case", REFERENCE["cases"],
                         ids=lambda case: f"{case['settings']['solver']}-{case['settings']['estimator']}")
@pytest.mark.parametrize("threads", [1, 2])
def test_forward_backward_and_state_equal_the_swift_layer_bit_for_bit(case: dict, threads: int) -> None:
    layer = make(case, threads)
    for step in case["steps"]:
        theta = floats(step["theta"], (step["rows"], step["columns"]))
        z, tape = layer.forward(theta, mean=case["settings"]["mean"])
        assert bits(z) == step["z"]
        gradient = layer.backward(tape, floats(step["dldz"], z.shape))
        assert gradient.shape == theta.shape
        assert bits(gradient) == step["gradient"]
    assert layer.state() == case["state"]
    assert any(any(step["gradient"]) for step in case["steps"]), "all-zero gradients cannot tell"


def test_threads_do_not_change_results() -> None:
    theta = np.abs(np.random.default_rng(3).standard_normal((64, 25))).astype(np.float32)
    results = []
    for threads in (1, 2, 0):
        layer = Layer("shortest-path.grid", {"height": 5, "width": 5}, estimator="aimle-central",
                      noise="sum-of-gamma:5", samples=3, seed=9, threads=threads, perturbation_floor=0.0)
        run = []
        for _ in range(3):
            z, tape = layer.forward(theta)
            run += [z, layer.backward(tape, z - 0.3)]
        results.append((run, layer.state()))
    for run, state in results[1:]:
        assert state == results[0][1]
        for actual, expected in zip(run, results[0][0]):
            np.testing.assert_array_equal(actual, expected)


def test_a_restored_state_continues_exactly() -> None:
    theta = np.random.default_rng(1).standard_normal((4, 6)).astype(np.float32)

    def step(layer: Layer) -> np.ndarray:
        z, tape = layer.forward(theta)
        return np.concatenate([z.reshape(-1), layer.backward(tape, z - 0.5).reshape(-1)])

    saved, restored = (Layer("top-k", {"k": 2}, samples=2, seed=4) for _ in range(2))
    for _ in range(5):
        step(saved)
    state = saved.state()
    assert state["step"] == 5 and state["adaptive"]["updates"] == 5
    restored.restore_state(state)
    np.testing.assert_array_equal(step(restored), step(saved))
    assert restored.state() == saved.state()


@pytest.mark.parametrize(
    "settings, phrase",
    [
        ({"estimator": "aimle-sideways"}, "unknown estimator 'aimle-sideways'"),
        ({"estimator": "imle:-1"}, "'-1' is not a finite positive number"),
        ({"noise": "cauchy"}, "unknown noise 'cauchy'"),
        ({"samples": 0}, "the number of samples must be between 1"),
        ({"forward_temperature": float("nan")}, "temperatures must be finite"),
        ({"solver": "top-k", "options": {"k": "two"}}, "option 'k' of solver 'top-k' must be an integer"),
    ],
)
def test_bad_settings_raise_with_the_swift_message(settings: dict, phrase: str) -> None:
    arguments = {"solver": "top-k", "options": {"k": 2}, **settings}
    with pytest.raises(DifferentiableSolversError, match=phrase) as raised:
        Layer(**arguments)
    assert raised.value.status in ("invalid_configuration", "invalid_options")


def test_bad_passes_raise_with_the_swift_message() -> None:
    layer = Layer("top-k", {"k": 2}, samples=3, seed=0)
    theta = np.array([[0.3, 2.0, -1.0, 0.9]], dtype=np.float32)
    with pytest.raises(DifferentiableSolversError, match=r"^nonFiniteInput: θ contains nan at row 0, column 2$"):
        layer.forward(np.array([[0.3, 2.0, np.nan, 0.9]]))
    z, tape = layer.forward(theta)
    with pytest.raises(DifferentiableSolversError, match="∂L/∂z has 11 values; the forward output was 3 × 4") as raised:
        layer.backward(tape, np.zeros(11))
    assert raised.value.status == "shape_mismatch"
    with pytest.raises(DifferentiableSolversError, match="contains inf"):
        layer.backward(tape, np.full(z.shape, np.inf))
    other = Layer("top-k", {"k": 2}, samples=3, seed=0)
    with pytest.raises(DifferentiableSolversError, match="the tape was recorded by another layer"):
        other.backward(tape, z)
    tape.close()
    with pytest.raises(DifferentiableSolversError, match="the tape handle is 0") as raised:
        layer.backward(tape, z)
    assert raised.value.status == "invalid_handle"
    scores = Layer("top-k", {"k": 2}, estimator="score-function", samples=3, seed=0)
    z, tape = scores.forward(theta)
    with pytest.raises(DifferentiableSolversError) as raised:
        scores.backward(tape, z)
    assert raised.value.status == "missing_sample_losses"
    assert scores.backward(tape, z, sample_losses=np.ones((1, 3))).shape == (1, 4)
    with pytest.raises(DifferentiableSolversError, match="not one that ds_layer_state writes"):
        layer.restore_state({"step": 1})
    layer.close()
    with pytest.raises(DifferentiableSolversError, match="the layer handle is 0"):
        layer.forward(theta)
    layer.close()   # closing twice is harmless
