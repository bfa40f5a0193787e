"""Arrays for a browser page: one binary file of little-endian numbers and a JSON index.

The index gives each array's ``dtype``, ``shape`` and byte ``offset`` in the binary file, so
the page views it as a typed array (``Float32Array`` and friends) without parsing text.
Each array starts at a multiple of 8 bytes, as a ``Float64Array`` view requires.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..atomic import save_json, written_atomically

# The dtypes a page can view: numpy's little-endian name -> JavaScript's typed array.
TYPED_ARRAYS = {
    "<f8": "Float64Array",
    "<f4": "Float32Array",
    "|u1": "Uint8Array",
    "<u2": "Uint16Array",  # indices: the order of up to 65,536 points
}
ALIGNMENT = 8


class PackedArrays:
    """Collects named arrays in order, then writes them as ``name.bin`` + its index."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.entries: dict[str, dict] = {}
        self.size = 0

    def add(self, name: str, array: np.ndarray, dtype: str) -> None:
        """Append ``array`` converted to ``dtype`` (a key of ``TYPED_ARRAYS``); an
        integer dtype must hold every value as it is."""
        if dtype not in TYPED_ARRAYS:
            raise ValueError(f"pack: dtype {dtype!r} is not one of {sorted(TYPED_ARRAYS)}")
        if name in self.entries:
            raise ValueError(f"pack: {name!r} added twice")
        converted = np.ascontiguousarray(array, dtype=np.dtype(dtype))
        if converted.dtype.kind in "iu" and not np.array_equal(converted, array):
            raise ValueError(f"pack: {name!r} has values that {dtype} cannot hold")
        data = converted.tobytes()
        padding = -len(data) % ALIGNMENT
        self.entries[name] = {
            "dtype": TYPED_ARRAYS[dtype],
            "shape": list(np.shape(array)),
            "offset": self.size,
        }
        self.chunks.append(data + bytes(padding))
        self.size += len(data) + padding

    def write(self, binary: str | Path) -> dict:
        """Write the binary file (atomically); return the index of its arrays."""
        with written_atomically(binary) as partial:
            Path(partial).write_bytes(b"".join(self.chunks))
        return {"file": Path(binary).name, "bytes": self.size, "arrays": self.entries}


def write_index(index: dict, path: str | Path) -> None:
    """Write a page's JSON index (sorted keys: the same data gives the same bytes)."""
    save_json(index, path)
