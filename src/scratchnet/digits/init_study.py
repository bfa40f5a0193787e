"""The initialisation study of the classic tutorial: a vector through 152 random layers.

Four schemes, each a key of the saved arrays: weights N(0, 1) (the values explode),
1/sqrt(n) (they keep their size), 1/sqrt(n) with ReLU after each layer (they vanish),
and He's sqrt(2/n) with ReLU (they keep their size again).

The classic tutorial measured the spread with ``np.std(x)`` and saw ``inf`` after about
a hundred layers of N(0, 1) weights. The values had not overflowed: ``np.std`` squares
them, and a square overflows float64 (largest 1.8e308) once a value passes about 1.3e154.
``spread`` measures the same standard deviation without squaring anything that large.
"""

from __future__ import annotations

import numpy as np

from ..nn import init_weights

# key: (initialisation, ReLU after each layer, label for figures and text)
SCHEMES = {
    "normal": ("normal", False, "N(0, 1)"),
    "lecun": ("lecun", False, "1/sqrt(n)"),
    "lecun_relu": ("lecun", True, "1/sqrt(n), ReLU"),
    "he_relu": ("he", True, "sqrt(2/n) (He), ReLU"),
}

# What is recorded after each layer (the saved arrays are named "<scheme>.<measure>"):
# the true standard deviation, the one np.std returns, and the largest absolute value.
MEASURES = ("spread", "numpy_std", "largest")


# --8<-- [start:spread]
def spread(x: np.ndarray) -> float:
    """The standard deviation of ``x: (n,)``, finite whenever every value is (``inf`` if
    a value itself overflowed).

    ``x.std()`` squares the deviations, which overflows for values above about 1.3e154.
    Dividing by a power of two near the largest value first keeps every square at most 1,
    and is exact (only the exponent changes), so the result is ``x.std()``'s to rounding.
    """
    if not np.isfinite(x).all():
        return np.inf
    largest = np.abs(x).max()
    if largest == 0:
        return 0.0
    _, exponent = np.frexp(largest)  # largest = m * 2**exponent, 0.5 <= m < 1
    return float(np.ldexp(np.ldexp(x, -exponent).std(), exponent))
    # --8<-- [end:spread]


# --8<-- [start:signal_through_layers]
def signal_through_layers(
    name: str,
    *,
    relu: bool,
    rng: np.random.Generator,
    n_layers: int = 152,
    width: int = 512,
) -> dict[str, np.ndarray]:
    """What becomes of a signal through ``n_layers`` random layers.

    A standard-normal vector of ``width`` values goes through ``n_layers`` linear layers
    ``(width, width)`` initialised by ``name`` (biases zero), each followed by ReLU if
    ``relu``. Returns each of ``MEASURES`` as ``(n_layers,)``, entry k after layer k + 1:
    ``spread`` (the true standard deviation), ``numpy_std`` (what ``x.std()`` returns:
    ``inf`` once the squares overflow) and ``largest`` (the largest absolute value).
    Only one layer exists at a time: 152 layers of 512x512 would hold 300 MB.
    """
    x = rng.standard_normal(width)
    measured = {measure: np.empty(n_layers) for measure in MEASURES}
    # Overflow is part of the lesson (np.std's squares; with enough layers the values
    # themselves): recorded as inf, not warned about.
    with np.errstate(over="ignore", invalid="ignore"):
        for layer in range(n_layers):
            x = x @ init_weights(name, width, width, rng)
            if relu:
                x = np.maximum(x, 0)
            measured["spread"][layer] = spread(x)
            measured["numpy_std"][layer] = x.std()
            measured["largest"][layer] = np.abs(x).max()
    return measured
    # --8<-- [end:signal_through_layers]


def run_study(*, layers: int, width: int, seed: int) -> dict[str, np.ndarray]:
    """Every scheme's measures after each layer: "<scheme>.<measure>" -> (layers,) (see
    ``signal_through_layers``). One seeded generator per scheme, so each curve is
    reproducible on its own."""
    arrays = {}
    for position, (key, (init, relu, _)) in enumerate(SCHEMES.items()):
        rng = np.random.default_rng([seed, position])
        measured = signal_through_layers(init, relu=relu, rng=rng, n_layers=layers, width=width)
        arrays.update({f"{key}.{measure}": values for measure, values in measured.items()})
    return arrays


def by_scheme(arrays) -> dict[str, dict[str, np.ndarray]]:
    """``run_study``'s flat arrays (or the .npz it was saved to) as scheme -> measure ->
    (layers,)."""
    return {key: {m: np.asarray(arrays[f"{key}.{m}"]) for m in MEASURES} for key in SCHEMES}
