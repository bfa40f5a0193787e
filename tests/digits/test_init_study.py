"""The initialisation study: a signal through 152 random layers, its true spread checked
against exact decimal arithmetic (np.std overflows where the values do not), the four
behaviours for two seeds, and the figure drawing every layer."""

import functools
import math
import warnings
from decimal import Decimal, localcontext

import numpy as np
import pytest

from scratchnet.digits.init_study import (
    MEASURES,
    SCHEMES,
    by_scheme,
    run_study,
    signal_through_layers,
    spread,
)
from scratchnet.digits.summary import init_study_summary
from scratchnet.figures.digits.init_study import draw
from scratchnet.nn import init_weights

SEEDS = [0, 1]


def exact_std(x: np.ndarray) -> float:
    """The population standard deviation of ``x`` in 60-digit decimal arithmetic (each
    float64 converts to Decimal exactly), rounded to float64 only at the end."""
    with localcontext() as context:
        context.prec = 60
        values = [Decimal(float(v)) for v in x]
        mean = sum(values) / len(values)
        variance = sum((v - mean) ** 2 for v in values) / len(values)
        return float(variance.sqrt())


def layer_outputs(name: str, relu: bool, seed: int, n_layers: int, width: int):
    """The vector after each layer, drawn as the study draws it: the reference's input."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(width)
    for _ in range(n_layers):
        x = x @ init_weights(name, width, width, rng)
        if relu:
            x = np.maximum(x, 0)
        yield x


def test_the_spread_of_huge_values_is_the_exact_one_where_np_std_overflows():
    outputs = list(layer_outputs("normal", False, seed=3, n_layers=152, width=512))
    measured = signal_through_layers(
        "normal", relu=False, rng=np.random.default_rng(3), n_layers=152, width=512
    )
    overflowed = 0
    for layer in (0, 60, 111, 112, 130, 151):
        x = outputs[layer]
        assert np.isfinite(x).all()
        reference = exact_std(x)
        assert spread(x) == pytest.approx(reference, rel=1e-13, abs=0), layer
        assert measured["spread"][layer] == spread(x)
        assert measured["largest"][layer] == np.abs(x).max()
        with np.errstate(over="ignore"):
            naive = x.std()
        assert measured["numpy_std"][layer] == naive
        overflowed += naive == np.inf
    assert overflowed >= 2  # the check bites: np.std returned inf on finite values there
    assert measured["spread"][-1] > 1e200 and np.isfinite(measured["spread"]).all()


@pytest.mark.parametrize(
    "x",
    [
        np.array([0.0, 0.0, 0.0]),
        np.array([1.0, 2.0, 3.0, 4.0]),
        np.array([1e300, -1e300, 1.7e308, 5.0]),
        np.array([-3e-310, 1e-320, 0.0]),  # subnormal: scaled up exactly
        np.random.default_rng(0).standard_normal(1000) * 1e200,
    ],
)
def test_spread_matches_exact_arithmetic_from_tiny_to_huge(x):
    assert spread(x) == pytest.approx(exact_std(x), rel=1e-13, abs=0)


def test_values_that_overflow_themselves_have_no_spread():
    assert spread(np.array([1.0, np.inf])) == np.inf
    assert spread(np.array([1.0, np.nan])) == np.inf


@functools.cache
def measured(name: str, relu: bool, seed: int) -> dict[str, np.ndarray]:
    """signal_through_layers, computed once per case (0.3 s each), warnings as errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return signal_through_layers(name, relu=relu, rng=np.random.default_rng(seed))


@pytest.mark.parametrize("seed", SEEDS)
def test_normal_weights_grow_by_sqrt_width_to_the_last_layer(seed):
    s = measured("normal", False, seed)
    assert s["spread"].shape == (152,)
    assert np.isfinite(s["spread"]).all() and np.isfinite(s["largest"]).all()
    growth = s["spread"][1:] / s["spread"][:-1]
    assert np.median(growth) == pytest.approx(math.sqrt(512), rel=0.1)
    # np.std's squares overflow float64 (1.8e308) once the spread passes about
    # sqrt(1.8e308 / 512) = 5.9e152; from there it returns inf, the true spread goes on.
    naive_inf = np.isinf(s["numpy_std"])
    assert 100 < np.argmax(naive_inf) < 130 and naive_inf[np.argmax(naive_inf) :].all()
    assert s["spread"][naive_inf].min() > 1e152


@pytest.mark.parametrize("seed", SEEDS)
def test_lecun_without_relu_keeps_the_signal(seed):
    s = measured("lecun", False, seed)["spread"]
    assert np.isfinite(s).all()
    assert 0.1 <= s[-1] <= 10


@pytest.mark.parametrize("seed", SEEDS)
def test_lecun_with_relu_lets_the_signal_vanish(seed):
    s = measured("lecun", True, seed)["spread"]
    assert 0 <= s[-1] < 1e-15
    # Each ReLU halves the variance: the spread shrinks by about sqrt(2) per layer.
    assert np.median(s[1:] / s[:-1]) == pytest.approx(1 / math.sqrt(2), rel=0.1)


@pytest.mark.parametrize("seed", SEEDS)
def test_he_with_relu_keeps_the_signal(seed):
    s = measured("he", True, seed)["spread"]
    assert np.isfinite(s).all()
    assert 0.1 <= s[-1] <= 10


def test_the_signal_is_seeded_and_sized():
    def run(seed):
        rng = np.random.default_rng(seed)
        return signal_through_layers("glorot", relu=True, rng=rng, n_layers=5, width=64)

    a, b, c = run(3), run(3), run(4)
    assert set(a) == set(MEASURES) and all(values.shape == (5,) for values in a.values())
    np.testing.assert_array_equal(a["spread"], b["spread"])
    assert not np.array_equal(a["spread"], c["spread"])


def test_the_summary_quotes_the_true_spread_and_where_np_std_gave_up():
    study = run_study(layers=180, width=64, seed=0)  # 8x per layer: past 1e154, not 1e308
    summary = init_study_summary(by_scheme(study))
    normal = summary["normal"]
    assert normal["final_std"] > 1e155 and normal["overflow_layer"] is None
    assert normal["final_largest"] >= normal["final_std"]
    assert 150 < normal["numpy_std_overflow_layer"] < 180
    assert summary["lecun"]["numpy_std_overflow_layer"] is None


def figure_texts(study):
    ax = draw(by_scheme(study)).axes[0]
    return ax, " ".join(text.get_text() for text in ax.texts)


def test_the_figure_draws_every_layer_and_marks_only_np_std_where_values_are_finite():
    ax, texts = figure_texts(run_study(layers=180, width=64, seed=0))
    lines = {line.get_label(): line for line in ax.get_lines()}
    for key, (_, _, label) in SCHEMES.items():
        assert list(lines[label].get_xdata()) == list(range(1, 181)), key
    assert "np.std(x) returns inf from layer" in texts
    assert "values overflow" not in texts


def test_the_figure_marks_values_that_really_overflow():
    _, texts = figure_texts(run_study(layers=400, width=64, seed=0))  # 8^341 > 1.8e308
    assert "values overflow float64" in texts
