"""The initialisation study of the classic tutorial: a vector through 152 random layers.

Four schemes, each a key of the saved arrays: weights N(0, 1) (the values explode),
1/sqrt(n) (they keep their size), 1/sqrt(n) with ReLU after each layer (they vanish),
and He's sqrt(2/n) with ReLU (they keep their size again).
"""

from __future__ import annotations

import numpy as np

from .. import nn

# key: (initialisation, ReLU after each layer, label for figures and text)
SCHEMES = {
    "normal": ("normal", False, "N(0, 1)"),
    "lecun": ("lecun", False, "1/sqrt(n)"),
    "lecun_relu": ("lecun", True, "1/sqrt(n), ReLU"),
    "he_relu": ("he", True, "sqrt(2/n) (He), ReLU"),
}


def run_study(*, layers: int, width: int, seed: int) -> dict[str, np.ndarray]:
    """The standard deviation after each layer for every scheme: key -> (layers,), ``inf``
    where the values' variance overflowed float64. One seeded generator per scheme, so
    each curve is reproducible on its own."""
    stds = {}
    for position, (key, (init, relu, _)) in enumerate(SCHEMES.items()):
        rng = np.random.default_rng([seed, position])
        stds[key] = nn.std_per_layer(init, relu=relu, rng=rng, n_layers=layers, width=width)
    return stds
