"""The initialisations of scratchnet.nn: their scales and their seeding (how they carry a
signal through 152 layers: tests/digits/test_init_study.py)."""

import math
import re

import numpy as np
import pytest

from scratchnet.nn import SCALES, Linear, init_weights

FORMULAS = {
    "normal": lambda n_in, n_out: 1.0,
    "lecun": lambda n_in, n_out: 1 / math.sqrt(n_in),
    "glorot": lambda n_in, n_out: math.sqrt(2 / (n_in + n_out)),
    "he": lambda n_in, n_out: math.sqrt(2 / n_in),
}


def test_the_four_schemes_are_exported():
    assert set(SCALES) == set(FORMULAS)


@pytest.mark.parametrize("name", FORMULAS)
def test_weights_have_the_formula_std_on_a_large_layer(name):
    W = init_weights(name, 400, 300, np.random.default_rng(0))
    expected = FORMULAS[name](400, 300)
    assert W.shape == (400, 300) and W.dtype == np.float64
    # 120000 draws: the sample std is within about 0.2% of the true one.
    assert W.std() == pytest.approx(expected, rel=0.02)
    assert abs(W.mean()) < 0.02 * expected


def test_the_schemes_differ_where_their_formulas_do():
    stds = {name: init_weights(name, 400, 100, np.random.default_rng(1)).std() for name in SCALES}
    assert stds["he"] / stds["lecun"] == pytest.approx(math.sqrt(2), rel=1e-12)
    assert stds["normal"] / stds["lecun"] == pytest.approx(20, rel=1e-12)
    assert stds["glorot"] / stds["lecun"] == pytest.approx(math.sqrt(800 / 500), rel=1e-12)


@pytest.mark.parametrize("name", FORMULAS)
def test_linear_uses_the_scheme_and_zero_biases(name):
    layer = Linear(400, 300, rng=np.random.default_rng(2), init=name)
    assert layer.W.data.shape == (400, 300) and layer.b.data.shape == (300,)
    assert layer.W.data.std() == pytest.approx(FORMULAS[name](400, 300), rel=0.02)
    np.testing.assert_array_equal(layer.b.data, 0.0)
    np.testing.assert_array_equal(
        layer.W.data, init_weights(name, 400, 300, np.random.default_rng(2))
    )


@pytest.mark.parametrize("name", FORMULAS)
def test_the_same_seed_gives_the_same_weights(name):
    a = init_weights(name, 20, 10, np.random.default_rng(3))
    b = init_weights(name, 20, 10, np.random.default_rng(3))
    c = init_weights(name, 20, 10, np.random.default_rng(4))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("name", FORMULAS)
def test_float32_weights_are_the_float64_draw_cast(name):
    w64 = init_weights(name, 30, 20, np.random.default_rng(5))
    w32 = init_weights(name, 30, 20, np.random.default_rng(5), np.float32)
    assert w32.dtype == np.float32
    np.testing.assert_array_equal(w32, w64.astype(np.float32))
    layer = Linear(30, 20, rng=np.random.default_rng(5), init=name, dtype=np.float32)
    assert layer.W.data.dtype == layer.b.data.dtype == np.float32
    np.testing.assert_array_equal(layer.W.data, w32)


@pytest.mark.parametrize("name", ["Normal", "xavier", "kaiming", ""])
def test_an_unknown_scheme_is_a_value_error_listing_the_valid_ones(name):
    with pytest.raises(ValueError, match=re.escape(repr(name))) as caught:
        init_weights(name, 3, 2, np.random.default_rng(0))
    for valid in FORMULAS:
        assert valid in str(caught.value)
    with pytest.raises(ValueError, match="normal, lecun, glorot, he"):
        Linear(3, 2, rng=np.random.default_rng(0), init=name)


@pytest.mark.parametrize("rng", [None, 0, np.random.RandomState(0)])
def test_rng_must_be_a_generator(rng):
    with pytest.raises(TypeError, match="Generator"):
        init_weights("lecun", 3, 2, rng)


def test_weights_come_only_from_the_passed_generator():
    shared = np.random.default_rng(6)
    first, second = Linear(5, 4, rng=shared), Linear(5, 4, rng=shared)
    assert not np.array_equal(first.W.data, second.W.data)

    saved = np.random.get_state()
    try:
        np.random.seed(0)
        a = Linear(5, 4, rng=np.random.default_rng(7))
        np.random.seed(12345)  # the global generator must not matter...
        b = Linear(5, 4, rng=np.random.default_rng(7))
        np.testing.assert_array_equal(a.W.data, b.W.data)
        np.random.seed(0)
        Linear(5, 4, rng=np.random.default_rng(8))
        assert np.random.random() == np.random.RandomState(0).random()  # ...nor move
    finally:
        np.random.set_state(saved)
