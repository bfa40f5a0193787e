"""init-study.png: the spread of the values after each of 152 random layers, per scheme."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...digits.init_study import SCHEMES
from ..common import MARK_COLOR, new_figure, styled

OVERFLOW_MARK = 1e180  # where layers whose variance overflowed are marked, on a log axis


@styled
def draw(stds: dict[str, np.ndarray]) -> Figure:
    """``stds``: scheme key (see ``SCHEMES``) -> (layers,) standard deviations, inf where
    the variance overflowed float64; those layers are marked along the top edge."""
    fig = new_figure(8, 4.6)
    ax = fig.subplots()
    for key, values in stds.items():
        layers = np.arange(1, len(values) + 1)
        finite = np.isfinite(values)
        (line,) = ax.plot(layers[finite], values[finite], label=SCHEMES[key][2])
        if not finite.all():
            first = int(layers[~finite][0])
            ax.plot(
                layers[~finite],
                np.full((~finite).sum(), OVERFLOW_MARK),
                "x",
                ms=3,
                color=line.get_color(),
            )
            ax.annotate(
                f"variance overflows float64\nfrom layer {first}",
                xy=(first, OVERFLOW_MARK),
                xytext=(first - 55, OVERFLOW_MARK * 1e-60),
                color=line.get_color(),
                arrowprops=dict(arrowstyle="->", color=line.get_color()),
            )
    ax.axhline(1, color=MARK_COLOR, ls=":", lw=1)
    ax.set_yscale("log")
    ax.set(
        xlabel="layer",
        ylabel="standard deviation of the values",
        xlim=(0, len(values) + 1),
        ylim=(1e-30, OVERFLOW_MARK * 1e20),
    )
    ax.set_title(f"A standard-normal vector through {len(values)} random layers")
    ax.legend(loc="center left")
    return fig


def from_files(inputs, params) -> Figure:
    with np.load(inputs.study) as arrays:
        return draw({key: arrays[key] for key in SCHEMES})
