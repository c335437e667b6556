"""Turning caller arrays into the C-contiguous float32 matrices the library reads."""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional

import numpy as np


def matrix(values: Any, name: str) -> np.ndarray:
    """``values`` as a C-contiguous float32 matrix: one row per instance (a vector is one row).

    Raises:
        ValueError: when ``values`` has more than two dimensions.
    """
    array = np.ascontiguousarray(values, dtype=np.float32)
    if array.ndim == 1:
        array = array.reshape(1, -1)
    if array.ndim != 2:
        raise ValueError(f"{name} must have one or two dimensions (instances × variables), got shape {array.shape}")
    return array


def flat(values: Any) -> np.ndarray:
    """``values`` as a C-contiguous float32 vector."""
    return np.ascontiguousarray(values, dtype=np.float32).reshape(-1)


def options_text(options: Optional[Mapping[str, Any]]) -> Optional[str]:
    """Solver options as the JSON text the registry reads (``None``: no options)."""
    return None if options is None else json.dumps(dict(options))
