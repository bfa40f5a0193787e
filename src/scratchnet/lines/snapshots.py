"""The training history on disk: one ``.npz`` of arrays, and a small JSON of metrics.

The figures read only these files (and the dataset CSVs), so redrawing never retrains.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..atomic import save_npz
from .training import IterationHistory


def save_history(history: IterationHistory, path: str | Path) -> None:
    """Write every array of ``history`` to the ``.npz`` at ``path`` (atomically)."""
    save_npz(path, history._asdict())


def load_history(path: str | Path) -> IterationHistory:
    """Read a history written by ``save_history``."""
    with np.load(path) as arrays:
        missing = set(IterationHistory._fields) - set(arrays.files)
        if missing:
            raise ValueError(f"{path}: not a training history, missing {sorted(missing)}")
        return IterationHistory(**{name: arrays[name] for name in IterationHistory._fields})
