"""One seed, many independent draws: a generator per purpose, named in words.

Every draw of part three (each dataset's points, each run's initial weights and batch
order, the reader's split) comes from ``plane.seed`` and the name of its purpose, so
adding or changing one draw never changes another.
"""

from __future__ import annotations

import zlib

import numpy as np


def generator(seed: int, *purpose: str) -> np.random.Generator:
    """A generator seeded by ``seed`` and the words of ``purpose`` ("moons", "train").

    Each word enters the seed as its CRC-32, a fixed number (Python's ``hash`` of a
    string changes from one process to the next).
    """
    return np.random.default_rng([seed, *(zlib.crc32(word.encode()) for word in purpose)])
