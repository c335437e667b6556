"""A PEP 517 build backend that builds the Swift library and packs it with the Python code.

``pip install ./python`` calls :func:`build_wheel`, which runs
``swift build -c release --product DifferentiableSolversC`` in the Swift package that
contains this directory (or the one ``$DIFFERENTIABLE_SOLVERS_PACKAGE`` names) and writes a
wheel holding ``differentiable_solvers/`` and ``differentiable_solvers/_lib/libDifferentiableSolversC.so``.
Standard library only, so that pip needs nothing from a package index to build.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Optional

NAME = "differentiable_solvers"
DISTRIBUTION = "differentiable_solvers"
VERSION = "0.1.0"
PRODUCT = "DifferentiableSolversC"
LIBRARY = f"lib{PRODUCT}.so"
SOURCE = Path(__file__).resolve().parent.parent


def _package_root() -> Path:
    root = Path(os.environ.get("DIFFERENTIABLE_SOLVERS_PACKAGE", SOURCE.parent)).resolve()
    if not (root / "Package.swift").is_file():
        raise RuntimeError(f"no Package.swift in {root}: set DIFFERENTIABLE_SOLVERS_PACKAGE to the Swift package's directory")
    return root


def _build_library() -> Path:
    """Builds the library in release mode and returns its path."""
    root = _package_root()
    command = ["swift", "build", "-c", "release", "--product", PRODUCT, "--package-path", str(root)]
    print("building the Swift library:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    binaries = subprocess.run(command[:4] + ["--show-bin-path", "--package-path", str(root)], check=True,
                              capture_output=True, text=True).stdout.strip()
    library = Path(binaries) / LIBRARY
    if not library.is_file():
        raise RuntimeError(f"swift build did not produce {library}")
    return library


def _metadata() -> str:
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    return (
        "Metadata-Version: 2.1\n"
        f"Name: differentiable-solvers\nVersion: {VERSION}\n"
        "Summary: Combinatorial solvers as trainable layers, over the Swift package DifferentiableSolvers\n"
        "Requires-Python: >=3.9\nRequires-Dist: numpy\n"
        "Provides-Extra: torch\nRequires-Dist: torch; extra == \"torch\"\n"
        "Provides-Extra: test\nRequires-Dist: pytest; extra == \"test\"\n"
        "Description-Content-Type: text/markdown\n\n" + readme
    )


def _tag() -> str:
    return "py3-none-" + sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> list:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> list:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[dict] = None) -> str:
    info = Path(metadata_directory) / f"{DISTRIBUTION}-{VERSION}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata(), encoding="utf-8")
    return info.name


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    library = _build_library()
    files = {
        f"{NAME}/{path.name}": path.read_bytes()
        for path in sorted((SOURCE / NAME).iterdir())
        if path.suffix == ".py" or path.name == "py.typed"
    }
    files[f"{NAME}/_lib/{LIBRARY}"] = library.read_bytes()
    info = f"{DISTRIBUTION}-{VERSION}.dist-info"
    files[f"{info}/METADATA"] = _metadata().encode()
    files[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: {NAME}-backend\nRoot-Is-Purelib: false\nTag: {_tag()}\n").encode()
    files[f"{info}/top_level.txt"] = f"{NAME}\n".encode()
    record = [_record_line(path, data) for path, data in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = f"{DISTRIBUTION}-{VERSION}-{_tag()}.whl"
    with zipfile.ZipFile(Path(wheel_directory) / wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            entry = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            entry.external_attr = (0o755 if path.endswith(".so") else 0o644) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return wheel


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    raise RuntimeError("no source distribution: the package builds from the Swift package around it (pip install ./python)")
