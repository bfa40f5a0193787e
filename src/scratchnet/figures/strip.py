"""Which moments of a training run an animation's paper form (a strip of frames) shows."""

from __future__ import annotations

import numpy as np


def strip_moments(accuracy: np.ndarray) -> list[int]:
    """The steps a strip shows, for ``accuracy: (n + 1,)`` per step: the start, the first
    step at 100% accuracy (if any), the end, and the step halfway between each pair of
    those, in order and without repeats (3 to 5 steps)."""
    last = len(accuracy) - 1
    full = np.flatnonzero(np.asarray(accuracy) >= 1.0)
    marks = sorted({0, last, *([int(full[0])] if len(full) else [])})
    if len(marks) == 2:  # never at 100%: the quarters, so the strip still has five frames
        marks = [0, last // 2, last]
    shown = []
    for left, right in zip(marks, marks[1:]):
        shown += [left, (left + right) // 2]
    return sorted(set(shown + [last]))
