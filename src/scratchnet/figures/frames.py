"""Which snapshots an animation shows, and how its frames are shared out among the jobs
that render them. Light on purpose (no matplotlib): the workflow computes these while it
is parsed and hands each rendering job its own frames."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class AnimationFrames(NamedTuple):
    """An animation's frames: ``shown`` (the snapshots, in order), ``parts`` (``shown``
    cut into consecutive runs, one per rendering job) and ``palette`` (the snapshots the
    one colour palette of every part is fitted to)."""

    shown: list[int]
    parts: list[list[int]]
    palette: list[int]

    def before(self, part: int) -> int | None:
        """The snapshot shown just before part ``part`` (None for the first part): each
        part after the first starts with the change from it, so the parts join."""
        return self.parts[part - 1][-1] if part else None


def frame_iterations(n_iterations: int, every: int) -> list[int]:
    """Iterations shown as frames: 0, every, 2*every, ... and always the last one."""
    shown = list(range(0, n_iterations + 1, every))
    if shown[-1] != n_iterations:
        shown.append(n_iterations)
    return shown


def animation_frames(n_iterations: int, every: int, parts: int) -> AnimationFrames:
    """The frames of an animation of snapshots 0..``n_iterations``, one every ``every``,
    rendered in at most ``parts`` parts (never more parts than frames)."""
    shown = frame_iterations(n_iterations, every)
    split = np.array_split(shown, min(parts, len(shown)))
    palette = [shown[0], shown[len(shown) // 2], shown[-1]]  # first, middle and last
    return AnimationFrames(shown, [[int(i) for i in part] for part in split], palette)
