"""Initialisations: how large the random starting weights are, and why it matters.

Each scheme draws ``W: (n_in, n_out)`` from N(0, scale^2), with the scale it is named for:

    normal   1                      the classic tutorial's first try
    lecun    1 / sqrt(n_in)         keeps a linear layer's output variance at its input's
    glorot   sqrt(2 / (n_in + n_out))   Glorot & Bengio (Xavier), forward and back balanced
    he       sqrt(2 / n_in)         He et al.: ReLU zeroes half the units, so twice lecun's

``std_per_layer`` pushes a vector through many such layers and records how the spread of
the values grows or vanishes: the initialisation study of the classic tutorial.
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


# --8<-- [start:std_per_layer]
def std_per_layer(
    name: str,
    *,
    relu: bool,
    rng: np.random.Generator,
    n_layers: int = 152,
    width: int = 512,
) -> np.ndarray:
    """The standard deviation of the values after each of ``n_layers`` random layers.

    A standard-normal vector of ``width`` values goes through ``n_layers`` linear layers
    ``(width, width)`` initialised by ``name`` (biases zero), each followed by ReLU if
    ``relu``. Returns ``(n_layers,)``: entry k is the spread after layer k + 1. Where the
    values grow past about 1e154 their variance overflows float64 and the entry is
    ``inf``; that is part of the lesson, so no warning is raised.
    Only one layer exists at a time: 152 layers of 512x512 would hold 300 MB.
    """
    x = rng.standard_normal(width)
    stds = np.empty(n_layers)
    with np.errstate(over="ignore", invalid="ignore"):
        for layer in range(n_layers):
            x = x @ init_weights(name, width, width, rng)
            if relu:
                x = np.maximum(x, 0)
            stds[layer] = x.std()
    return stds
    # --8<-- [end:std_per_layer]
