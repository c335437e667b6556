"""The Python owner of a Swift object behind a C handle."""

from __future__ import annotations

from . import _library as lib


class Handle:
    """Owns one C handle and frees it with the C function named by ``_free`` — on
    :meth:`close`, or when collected. A closed object's handle is 0, which every function
    refuses with ``invalid_handle``."""

    _free = ""

    def __init__(self, handle: int) -> None:
        self._handle = handle

    def close(self) -> None:
        """Frees the Swift object now (also done when this object is collected)."""
        handle, self._handle = getattr(self, "_handle", 0), 0
        if handle and lib._library is not None:
            getattr(lib.library(), self._free)(handle)

    def __del__(self) -> None:
        self.close()
