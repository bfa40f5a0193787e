"""Target rows of the losses on probabilities must be distributions; soft ones are right.

Cross-entropy's gradient (p - t) / n holds only when each target row sums to 1: with an
unnormalised row the true gradient is p * sum(t) - t. So CrossEntropy and SoftmaxMSE
reject rows that are not distributions, naming the loss and the row; MSE, a loss on raw
outputs, takes any finite rows.
"""

import re

import numpy as np
import pytest

from scratchnet.nn import (
    MSE,
    SGD,
    CrossEntropy,
    Linear,
    Sequential,
    SoftmaxMSE,
    fit,
)

ON_PROBABILITIES = {"CrossEntropy": CrossEntropy, "SoftmaxMSE": SoftmaxMSE}


def jax_gradient(in_jax, name, outputs, rows):
    """d loss / d outputs of the mean loss `name`, from JAX (tests/nn/jax_reference.py)."""
    return in_jax("loss_value_and_grad", name, outputs, rows, float(len(outputs)))[1]


def not_distributions():
    """(rows, index of the first bad row, case): each a (3, 4) target array."""
    good = np.full((3, 4), 0.25)
    unnormalised = good.copy()
    unnormalised[1] *= 2  # sums to 2
    negative = good.copy()
    negative[2] = [1.5, -0.5, 0.0, 0.0]  # sums to 1, one entry below 0
    zero = good.copy()
    zero[0] = 0  # sums to 0
    return [(unnormalised, 1, "sums to 2"), (negative, 2, "negative"), (zero, 0, "zeros")]


@pytest.mark.parametrize("name", ON_PROBABILITIES)
@pytest.mark.parametrize("rows, bad, case", not_distributions())
def test_rows_that_are_not_distributions_are_rejected_naming_the_row(name, rows, bad, case):
    outputs = np.random.default_rng(0).normal(size=(3, 4))
    pattern = rf"{name}: outputs \(3, 4\), targets \(3, 4\); target row {bad} is .*distribution"
    with pytest.raises(ValueError, match=pattern):
        ON_PROBABILITIES[name]()(outputs, rows)


@pytest.mark.parametrize("name", ON_PROBABILITIES)
def test_fit_rejects_such_rows_before_training(name):
    rng = np.random.default_rng(1)
    model = Sequential([Linear(4, 3, rng=rng)])
    before = model.layers[0].W.data.copy()
    rows = np.eye(3)[rng.integers(0, 3, 10)]
    rows[7] *= 3
    with pytest.raises(ValueError, match=rf"{name}: .*target row 7 is \[.*\]"):
        fit(model, ON_PROBABILITIES[name](), SGD(model.parameters(), 0.1), rng.normal(size=(10, 4)),
            rows, epochs=1)  # fmt: skip
    np.testing.assert_array_equal(model.layers[0].W.data, before)


def test_mse_takes_any_finite_rows():
    """Squared error on raw outputs is a regression loss: its targets need not be
    probabilities, and its gradient 2 (y - t) / n holds for any t."""
    rows = np.array([[2.0, -3.0], [0.5, 7.0]])
    loss = MSE()
    assert loss(np.zeros((2, 2)), rows) == pytest.approx((4 + 9 + 0.25 + 49) / 2)
    np.testing.assert_allclose(loss.backward(), -rows)


@pytest.mark.parametrize("name", ON_PROBABILITIES)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_soft_distributions_are_accepted_with_the_right_gradient(name, dtype, in_jax):
    """Rows that are distributions but not one-hot (label smoothing, say) pass, to a
    float32 row's rounding, and their gradient is JAX's."""
    rng = np.random.default_rng(2)
    outputs = rng.normal(0, 2, size=(6, 5))
    rows = rng.dirichlet(np.ones(5), size=6)
    loss = ON_PROBABILITIES[name]()
    value = loss(outputs.astype(dtype), rows.astype(dtype))
    assert np.isfinite(value)
    loss(outputs, rows)
    expected = jax_gradient(in_jax, name, outputs, rows)
    np.testing.assert_allclose(loss.backward(), expected, rtol=1e-10, atol=1e-14)


def test_the_old_cross_entropy_gradient_is_wrong_on_unnormalised_rows(in_jax):
    """Why the check exists: for rows summing to s, d L / d z = (p s - t) / n, not
    (p - t) / n. Rejecting the rows is what keeps backward from returning the latter."""
    rng = np.random.default_rng(3)
    outputs, rows = rng.normal(size=(4, 3)), rng.uniform(0.1, 1, size=(4, 3))
    true = jax_gradient(in_jax, "CrossEntropy", outputs, rows)
    p = np.exp(outputs) / np.exp(outputs).sum(axis=1, keepdims=True)
    assert np.abs((p - rows) / 4 - true).max() > 0.05
    with pytest.raises(ValueError, match=re.escape("target row 0 is")):
        CrossEntropy()(outputs, rows)
