"""Loading ``libDifferentiableSolversC`` and declaring its C functions for ctypes."""

from __future__ import annotations

import ctypes
import json
import os
from pathlib import Path
from typing import Any, Callable, Optional

from .errors import DifferentiableSolversError

LIBRARY_NAME = "libDifferentiableSolversC.so"
#: Environment variable naming the library file to load instead of the bundled one.
LIBRARY_VARIABLE = "DIFFERENTIABLE_SOLVERS_LIBRARY"

_float_p = ctypes.POINTER(ctypes.c_float)
_u64 = ctypes.c_uint64
_i64 = ctypes.c_int64
_i32 = ctypes.c_int32
_str = ctypes.c_char_p
_out_str = ctypes.POINTER(ctypes.c_void_p)
_out_u64 = ctypes.POINTER(ctypes.c_uint64)

#: name → argument types; every function returns a status (int32).
_SIGNATURES = {
    "ds_solvers_list": [_out_str],
    "ds_solver_describe": [_str, _out_str],
    "ds_solver_make": [_str, _str, _out_u64],
    "ds_solver_variable_count": [_u64, ctypes.POINTER(_i64)],
    "ds_solver_solve": [_u64, _float_p, _i64, _i64, _i64, _float_p, _i64],
    "ds_solver_free": [_u64],
    "ds_layer_make": [_str, _str, _str, _str, _i64, _u64, _i64, _out_u64],
    "ds_layer_set_temperatures": [_u64, ctypes.c_float, ctypes.c_float],
    "ds_layer_set_perturbation_floor": [_u64, _float_p],
    "ds_layer_forward": [_u64, _float_p, _i64, _i64, _i32, _float_p, _i64, _out_u64],
    "ds_layer_backward": [_u64, _u64, _float_p, _i64, _float_p, _i64, _float_p, _i64],
    "ds_layer_backward_with_statistics": [_u64, _u64, _float_p, _i64, _float_p, _i64, _float_p, _i64,
                                          ctypes.POINTER(ctypes.c_double)],
    "ds_layer_advance_adaptive": [_u64, ctypes.c_double],
    "ds_layer_state": [_u64, _out_str],
    "ds_layer_restore_state": [_u64, _str],
    "ds_layer_free": [_u64],
    "ds_tape_free": [_u64],
}

_library: Optional[ctypes.CDLL] = None


def library_candidates() -> list[Path]:
    """Where the library is looked for, in order: ``$DIFFERENTIABLE_SOLVERS_LIBRARY``, the copy
    installed with the package, then a Swift build of the checkout this package lies in
    (``.build/release``, then ``.build/debug``)."""
    candidates = []
    if os.environ.get(LIBRARY_VARIABLE):
        candidates.append(Path(os.environ[LIBRARY_VARIABLE]))
    here = Path(__file__).resolve().parent
    candidates.append(here / "_lib" / LIBRARY_NAME)
    checkout = here.parent.parent
    candidates += [checkout / ".build" / mode / LIBRARY_NAME for mode in ("release", "debug")]
    return candidates


def library() -> ctypes.CDLL:
    """The loaded library with its functions declared (loaded once)."""
    global _library
    if _library is None:
        candidates = library_candidates()
        path = next((candidate for candidate in candidates if candidate.is_file()), None)
        if path is None:
            searched = ", ".join(str(candidate) for candidate in candidates)
            raise ImportError(
                f"{LIBRARY_NAME} not found (searched {searched}); install the package with "
                "`pip install ./python`, build it with `swift build -c release --product DifferentiableSolversC`, "
                f"or set {LIBRARY_VARIABLE}"
            )
        loaded = ctypes.CDLL(str(path))
        for name, arguments in _SIGNATURES.items():
            try:
                function = getattr(loaded, name)
            except AttributeError:
                raise ImportError(f"{path} has no function {name}: it is older than this package; rebuild it "
                                  "(swift build -c release --product DifferentiableSolversC) or reinstall") from None
            function.argtypes = arguments
            function.restype = _i32
        loaded.ds_last_error.argtypes = []
        loaded.ds_last_error.restype = ctypes.c_char_p
        loaded.ds_string_free.argtypes = [ctypes.c_void_p]
        loaded.ds_string_free.restype = None
        loaded.ds_abi_version.restype = _i32
        if loaded.ds_abi_version() != 1:
            raise ImportError(f"{path} has ABI version {loaded.ds_abi_version()}; this package speaks version 1")
        _library = loaded
    return _library


def check(status: int) -> None:
    """Raises :class:`DifferentiableSolversError` with the Swift message for a failed call."""
    if status != 0:
        message = library().ds_last_error().decode("utf-8", errors="replace")
        raise DifferentiableSolversError(status, message)


def call(name: str, *arguments: Any) -> None:
    """Calls ``name`` and raises on failure."""
    check(getattr(library(), name)(*arguments))


def json_result(function: Callable[[Any], int]) -> Any:
    """Calls a function that returns a JSON string through its last argument, frees the
    string, and returns the parsed value."""
    pointer = ctypes.c_void_p()
    check(function(ctypes.byref(pointer)))
    try:
        return json.loads(ctypes.string_at(pointer.value).decode("utf-8"))
    finally:
        library().ds_string_free(pointer)


def text(value: Optional[str]) -> Optional[bytes]:
    """A Python string as the UTF-8 bytes ctypes passes as ``const char *``."""
    return None if value is None else value.encode("utf-8")


def float_pointer(array: Any) -> Any:
    """A ``float *`` to the data of a C-contiguous float32 numpy array."""
    return array.ctypes.data_as(_float_p)
