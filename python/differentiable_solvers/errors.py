"""The exception every failed call into the Swift library raises."""

from __future__ import annotations

#: The status codes of ``differentiable_solvers.h``, by value.
STATUS_NAMES = {
    1: "invalid_argument",
    2: "unknown_solver",
    3: "invalid_options",
    4: "shape_mismatch",
    5: "non_finite_input",
    6: "invalid_configuration",
    7: "solver_failed",
    8: "invalid_handle",
    9: "buffer_too_small",
    10: "missing_sample_losses",
    11: "foreign_tape",
}


class DifferentiableSolversError(RuntimeError):
    """A call into the Swift library failed.

    The message is the Swift error's, word for word; ``status`` names its class (one of
    :data:`STATUS_NAMES`' values, e.g. ``"unknown_solver"``) and ``code`` is the C status.

    >>> try:
    ...     Solver("no-such-solver")
    ... except DifferentiableSolversError as error:
    ...     print(error.status)
    unknown_solver
    """

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.status = STATUS_NAMES.get(code, f"status {code}")
        self.message = message
