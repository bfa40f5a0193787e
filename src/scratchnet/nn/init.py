"""Initialisations: how large the random starting weights are, and why it matters.

Each scheme draws ``W: (n_in, n_out)`` from N(0, scale^2), with the scale it is named for:

    normal   1                      the classic tutorial's first try
    lecun    1 / sqrt(n_in)         keeps a linear layer's output variance at its input's
    glorot   sqrt(2 / (n_in + n_out))   Glorot & Bengio (Xavier), forward and back balanced
    he       sqrt(2 / n_in)         He et al.: ReLU zeroes half the units, so twice lecun's

How they carry a signal through many layers is the digits chapter's initialisation
study (``scratchnet.digits.init_study``).
"""

from __future__ import annotations

import math

import numpy as np

# --8<-- [start:scales]
SCALES = {
    "normal": lambda n_in, n_out: 1.0,
    "lecun": lambda n_in, n_out: 1 / math.sqrt(n_in),
    "glorot": lambda n_in, n_out: math.sqrt(2 / (n_in + n_out)),
    "he": lambda n_in, n_out: math.sqrt(2 / n_in),
}
# --8<-- [end:scales]


# --8<-- [start:init_weights]
def init_weights(
    name: str,
    n_in: int,
    n_out: int,
    rng: np.random.Generator,
    dtype: np.dtype | type = np.float64,
) -> np.ndarray:
    """Weights ``(n_in, n_out)`` of initialisation ``name``, drawn from ``rng``.

    Drawn in float64 and then converted, so a seed gives the same weights (to float32's
    precision) whatever ``dtype``.
    """
    if name not in SCALES:
        raise ValueError(f"unknown initialisation {name!r}; expected one of {', '.join(SCALES)}")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, not {type(rng).__name__}")
    scale = SCALES[name](n_in, n_out)
    return (rng.standard_normal((n_in, n_out)) * scale).astype(dtype, copy=False)
    # --8<-- [end:init_weights]
