"""Test setup: the package from this checkout, and the Swift library and `dsolve` built from
the Swift sources of this checkout (debug, incremental) unless the environment names them.

* ``DIFFERENTIABLE_SOLVERS_LIBRARY``: the library to test (skips building it);
* ``DSOLVE``: the `dsolve` executable to compare with (skips building it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PYTHON = Path(__file__).resolve().parent.parent
CHECKOUT = PYTHON.parent
sys.path.insert(0, str(PYTHON))


def _swift_build(product: str) -> Path:
    """Builds `product` in debug mode and returns the directory of the build products."""
    if shutil.which("swift") is None:
        raise pytest.UsageError(f"swift is not on PATH: build {product} yourself and name it in the environment")
    command = ["nice", "swift", "build", "--package-path", str(CHECKOUT)]
    subprocess.run(command + ["--product", product], check=True, stdout=subprocess.DEVNULL)
    return Path(subprocess.run(command + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip())


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("DIFFERENTIABLE_SOLVERS_LIBRARY"):
        library = _swift_build("DifferentiableSolversC") / "libDifferentiableSolversC.so"
        os.environ["DIFFERENTIABLE_SOLVERS_LIBRARY"] = str(library)
    if not os.environ.get("DSOLVE"):
        os.environ["DSOLVE"] = str(_swift_build("dsolve") / "dsolve")


@pytest.fixture(scope="session")
def dsolve() -> str:
    """The path of the `dsolve` executable."""
    return os.environ["DSOLVE"]
