"""init-study.png: the spread of the values after each of 152 random layers, per scheme."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MultipleLocator

from ...digits.init_study import SCHEMES, by_scheme
from ..common import MARK_COLOR, new_figure, styled

# float64's largest value, 1.8e308, as a power of ten. The axis shows log10 of the values
# on a linear scale: matplotlib's log scale overflows on its own arithmetic this close to
# the largest float.
LOG10_FLOAT64_MAX = float(np.log10(np.finfo(np.float64).max))
# At this scale He's curve lies on 1/sqrt(n)'s: that one is drawn as a wide pale band,
# He's as a thin dashed line along it, so both show.
LINESTYLES = {"lecun": dict(lw=6, alpha=0.5, solid_capstyle="butt"), "he_relu": dict(ls="--")}


@styled
def draw(study: dict[str, dict[str, np.ndarray]]) -> Figure:
    """``study``: scheme key (see ``SCHEMES``) -> measure -> (layers,) (see
    ``init_study.by_scheme``). Each scheme's true standard deviation is drawn to the last
    layer; where ``np.std`` returned inf, and where the values themselves overflowed
    float64 (only with more layers than the classic 152), is marked on its curve."""
    fig = new_figure(8, 4.6)
    ax = fig.subplots()
    ax.axhline(LOG10_FLOAT64_MAX, color=MARK_COLOR, ls="--", lw=1)
    ax.annotate(
        "largest float64, 1.8e308",
        xy=(0, LOG10_FLOAT64_MAX),
        xycoords=("axes fraction", "data"),
        xytext=(4, -4),
        textcoords="offset points",
        va="top",
        color=MARK_COLOR,
    )
    ax.axhline(0, color=MARK_COLOR, ls=":", lw=1)  # a spread of 1
    lowest = 0.0
    for key, measured in study.items():
        spread = measured["spread"]
        layers = np.arange(1, len(spread) + 1)
        finite = np.isfinite(spread) & (spread > 0)
        log_spread = np.log10(spread, where=finite, out=np.full(len(spread), np.nan))
        (line,) = ax.plot(
            layers[finite], log_spread[finite], label=SCHEMES[key][2], **LINESTYLES.get(key, {})
        )
        lowest = min(lowest, np.nanmin(log_spread))
        color = line.get_color()
        numpy_inf = np.flatnonzero(np.isinf(measured["numpy_std"]) & finite)
        if numpy_inf.size:  # np.std's squares overflowed, the values did not
            first = numpy_inf[0]
            ax.plot(layers[first], log_spread[first], "o", ms=6, mfc="none", color=color)
            ax.annotate(
                f"np.std(x) returns inf from layer {layers[first]}:\n"
                "its squares overflow, the values do not",
                xy=(layers[first], log_spread[first]),
                xytext=(-20, 20),
                textcoords="offset points",
                ha="right",
                color=color,
                arrowprops=dict(arrowstyle="->", color=color),
            )
        overflowed = np.isinf(spread)
        if overflowed.any():  # the values themselves overflowed
            first = int(layers[overflowed][0])
            marks = np.full(overflowed.sum(), LOG10_FLOAT64_MAX)
            ax.plot(layers[overflowed], marks, "x", ms=4, color=color)
            ax.annotate(
                f"values overflow float64\nfrom layer {first}",
                xy=(first, LOG10_FLOAT64_MAX),
                xytext=(-20, -40),
                textcoords="offset points",
                ha="right",
                color=color,
                arrowprops=dict(arrowstyle="->", color=color),
            )
    ax.yaxis.set_major_locator(MultipleLocator(50))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda power, _: f"1e{power:.0f}"))
    ax.set(
        xlabel="layer",
        ylabel="standard deviation of the values (log scale)",
        xlim=(0, len(spread) + 1),
        ylim=(min(-30, lowest - 5), LOG10_FLOAT64_MAX + 12),
    )
    ax.set_title(f"A standard-normal vector through {len(spread)} random layers")
    ax.legend(loc="center left")
    return fig


def from_files(inputs, params) -> Figure:
    with np.load(inputs.study) as arrays:
        return draw(by_scheme(arrays))
