"""The training history on disk: one ``.npz`` of arrays, and a small JSON of metrics.

The figures read only these files (and the dataset CSVs), so redrawing never retrains.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..atomic import save_npz
from .training import History


def save_history(history: History, path: str | Path) -> None:
    """Write every array of ``history`` to the ``.npz`` at ``path`` (atomically)."""
    save_npz(path, history._asdict())


def load_history(path: str | Path) -> History:
    """Read a history written by ``save_history``."""
    with np.load(path) as arrays:
        missing = set(History._fields) - set(arrays.files)
        if missing:
            raise ValueError(f"{path}: not a training history, missing {sorted(missing)}")
        return History(**{name: arrays[name] for name in History._fields})
