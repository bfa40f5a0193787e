"""Which moments of a training run an animation's paper form (a strip of frames) shows."""

from __future__ import annotations

import numpy as np


def strip_moments(accuracy: np.ndarray) -> list[int]:
    """The steps a strip shows, for ``accuracy: (n + 1,)`` per step: the start, the first
    step at 100% accuracy, the end, and the step halfway between each pair of those, in
    order and without repeats; the quarters of the run when it reaches 100% only at its
    start or end, or never."""
    last = len(accuracy) - 1
    full = np.flatnonzero(np.asarray(accuracy) >= 1.0)
    first_full = int(full[0]) if len(full) else None
    middle = first_full if first_full is not None and 0 < first_full < last else last // 2
    marks = [0, middle, last]
    shown = []
    for left, right in zip(marks, marks[1:]):
        shown += [left, (left + right) // 2]
    return sorted(set(shown + [last]))
