"""The numpy model: gradients against finite differences, softmax stability, the loss."""

import numpy as np
import pytest

from scratchnet.lines.network import (
    Params,
    backward,
    cross_entropy,
    forward,
    gradient_step,
    init_params,
    one_hot,
    softmax,
)


def loss_of(params: Params, x0: np.ndarray, Y: np.ndarray) -> float:
    return cross_entropy(forward(params, x0).A2, Y)


@pytest.fixture
def problem():
    """A small random problem with pre-activations kept away from ReLU's kink."""
    rng = np.random.default_rng(0)
    x0 = rng.uniform(0, 1, size=(9, 5))
    Y = one_hot(rng.integers(0, 2, size=5), 2)
    params = init_params(9, 6, 2, seed=3)
    params = params._replace(b1=rng.normal(0, 0.5, size=(6, 1)), b2=rng.normal(0, 0.5, size=(2, 1)))
    return params, x0, Y


@pytest.mark.parametrize("name", Params._fields)
def test_gradient_matches_central_differences(problem, name):
    params, x0, Y = problem
    analytic = getattr(backward(params, x0, Y, forward(params, x0)), name)
    value = getattr(params, name)
    numeric = np.zeros_like(value)
    eps = 1e-6
    for index in np.ndindex(value.shape):
        shifted = {}
        for sign in (+1, -1):
            bumped = value.copy()
            bumped[index] += sign * eps
            shifted[sign] = loss_of(params._replace(**{name: bumped}), x0, Y)
        numeric[index] = (shifted[+1] - shifted[-1]) / (2 * eps)
    assert analytic.shape == value.shape
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_softmax_is_stable_for_huge_logits():
    z = np.array([[1e4, -1e4, 0.0], [1e4 - 1, 1e4, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        s = softmax(z)
    assert np.all(np.isfinite(s))
    np.testing.assert_allclose(s.sum(axis=0), 1.0)
    np.testing.assert_allclose(s[:, 0], [1 / (1 + np.exp(-1)), 1 / (1 + np.exp(1))])
    np.testing.assert_allclose(s[:, 1], [0.0, 1.0])
    np.testing.assert_allclose(s[:, 2], [0.5, 0.5])


@pytest.mark.parametrize(
    "probabilities, expected", [([0.1, 0.9], 2.30), ([0.5, 0.5], 0.69), ([0.9, 0.1], 0.11)]
)
def test_cross_entropy_against_class_0(probabilities, expected):
    A2 = np.array(probabilities)[:, np.newaxis]
    assert cross_entropy(A2, one_hot([0], 2)) == pytest.approx(expected, abs=0.005)


def test_cross_entropy_sums_over_examples_and_ignores_zero_probability_of_other_class():
    A2 = np.array([[0.5, 0.0], [0.5, 1.0]])
    assert cross_entropy(A2, one_hot([0, 1], 2)) == pytest.approx(np.log(2))


def test_init_is_seeded_scaled_and_draws_W1_first():
    a, b = init_params(9, 6, 2, seed=7), init_params(9, 6, 2, seed=7)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    rng = np.random.default_rng(7)
    np.testing.assert_array_equal(a.W1, rng.standard_normal((6, 9)) / 3)
    np.testing.assert_array_equal(a.W2, rng.standard_normal((2, 6)) / np.sqrt(6))
    assert not a.b1.any() and not a.b2.any()
    assert (a.b1.shape, a.b2.shape) == ((6, 1), (2, 1))


def test_gradient_step_returns_new_arrays_and_leaves_the_old_ones():
    params = init_params(9, 6, 2, seed=1)
    before = [p.copy() for p in params]
    grads = Params(*(np.ones_like(p) for p in params))
    stepped = gradient_step(params, grads, lr=0.5)
    for old, kept, new in zip(before, params, stepped):
        np.testing.assert_array_equal(old, kept)
        np.testing.assert_allclose(new, old - 0.5)


def test_one_hot_puts_examples_in_columns():
    np.testing.assert_array_equal(one_hot([0, 1, 1], 2), [[1, 0, 0], [0, 1, 1]])
