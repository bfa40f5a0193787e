"""The losses of scratchnet.nn: value and gradient against JAX (tests/nn/jax_reference.py,
run in a worker process by the `in_jax` fixture), huge logits, bad targets."""

import re
import warnings

import numpy as np
import pytest

from scratchnet.nn import MSE, CrossEntropy, SoftmaxMSE

LOSSES = {"MSE": MSE, "SoftmaxMSE": SoftmaxMSE, "CrossEntropy": CrossEntropy}


def rel_err(actual, expected) -> float:
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    assert actual.dtype == expected.dtype == np.float64
    scale = np.max(np.abs(expected))
    assert scale > 0
    return float(np.max(np.abs(actual - expected)) / scale)


# (seed, batch, classes); batch 1 included.
SHAPES = [(0, 1, 2), (1, 5, 3), (2, 16, 10), (3, 40, 7)]


@pytest.mark.parametrize("targets", ["labels", "one-hot"])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("seed, batch, classes", SHAPES)
def test_loss_value_and_gradient_match_jax(name, reduction, targets, seed, batch, classes, in_jax):
    rng = np.random.default_rng(seed)
    outputs = rng.normal(0, 2, size=(batch, classes))
    labels = rng.integers(0, classes, size=batch)
    one_hot = np.eye(classes)[labels]
    loss = LOSSES[name](reduction=reduction)

    value = loss(outputs, labels if targets == "labels" else one_hot)
    grad = loss.backward()

    divisor = batch if reduction == "mean" else 1
    expected_value, expected_grad = in_jax(
        "loss_value_and_grad", name, outputs, one_hot, float(divisor)
    )
    assert isinstance(value, float)
    assert abs(value - expected_value) <= 1e-10 * abs(expected_value)
    assert rel_err(grad, expected_grad) < 1e-10


@pytest.mark.parametrize("name", LOSSES)
def test_mean_is_the_sum_divided_by_the_batch(name):
    rng = np.random.default_rng(8)
    outputs, labels = rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)
    mean, total = LOSSES[name](reduction="mean"), LOSSES[name](reduction="sum")
    assert mean(outputs, labels) == pytest.approx(total(outputs, labels) / 6, rel=1e-14)
    np.testing.assert_allclose(mean.backward(), total.backward() / 6, rtol=1e-14)


@pytest.mark.parametrize("name", LOSSES)
def test_backward_returns_the_gradient_of_the_latest_call(name):
    rng = np.random.default_rng(9)
    loss = LOSSES[name]()
    first, second = rng.normal(size=(3, 4)), rng.normal(size=(5, 4))
    loss(first, [0, 1, 2])
    loss(second, [3, 2, 1, 0, 0])
    assert loss.backward().shape == (5, 4)


HUGE = np.array([[1000.0, -1000.0], [-1000.0, 1000.0], [1000.0, 1000.0]])


@pytest.mark.parametrize("name", ["CrossEntropy", "SoftmaxMSE"])
@pytest.mark.parametrize("labels", [[0, 1, 0], [1, 0, 1]])
def test_losses_are_finite_and_silent_on_huge_logits(name, labels):
    loss = LOSSES[name](reduction="sum")
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        value = loss(HUGE, labels)
        grad = loss.backward()
    assert np.isfinite(value) and np.isfinite(grad).all()


def test_huge_logits_give_the_correct_limits():
    right, wrong = [0, 1, 0], [1, 0, 1]
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        ce = CrossEntropy(reduction="sum")
        # Right: nothing lost but the tie's log 2. Wrong: 2000 per confident mistake.
        assert ce(HUGE, right) == pytest.approx(np.log(2), rel=1e-14)
        np.testing.assert_allclose(ce.backward(), [[0, 0], [0, 0], [-0.5, 0.5]], atol=1e-15)
        assert ce(HUGE, wrong) == pytest.approx(4000 + np.log(2), rel=1e-14)
        np.testing.assert_allclose(ce.backward(), [[1, -1], [-1, 1], [0.5, -0.5]], atol=1e-15)
        sm = SoftmaxMSE(reduction="sum")
        assert sm(HUGE, right) == pytest.approx(0.5, rel=1e-14)
        assert sm(HUGE, wrong) == pytest.approx(4.5, rel=1e-14)
        # Saturated softmax: the squared error on probabilities has no gradient left.
        np.testing.assert_allclose(sm.backward()[:2], 0, atol=1e-300)


SHAPE_ERRORS = [
    (np.zeros((4, 3)), np.zeros((4, 2)), "one-hot rows of the wrong width"),
    (np.zeros((4, 3)), np.zeros((5, 3)), "one-hot rows of the wrong length"),
    (np.zeros((4, 3)), np.zeros(3, dtype=int), "too few labels"),
    (np.zeros((4, 3)), np.zeros(5, dtype=int), "too many labels"),
    (np.zeros((4, 3)), np.zeros((4, 3, 1)), "targets of three axes"),
    (np.zeros(4), np.zeros(4, dtype=int), "outputs of one axis"),
    (np.zeros((4, 3)), np.array(1), "a single number"),
]


@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("outputs, targets, case", SHAPE_ERRORS)
def test_mismatched_shapes_are_named(name, outputs, targets, case):
    pattern = rf"{name}: outputs {re.escape(str(outputs.shape))}, targets " + re.escape(
        str(targets.shape)
    )
    with pytest.raises(ValueError, match=pattern):
        LOSSES[name]()(outputs, targets)


BAD_LABELS = [
    (np.array([0, 1, 10, 2]), r"label 10 is outside \[0, 10\)"),
    (np.array([0, -1, 3, 2]), r"label -1 is outside \[0, 10\)"),
    (np.array([0.0, np.nan, 3.0, 2.0]), "NaN"),
    (np.array([0.0, np.inf, 3.0, 2.0]), "NaN"),
    (np.array([0.0, 1.5, 3.0, 2.0]), "whole class numbers"),
    (np.array(["0", "1", "3", "2"]), "not integers"),
]


@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("labels, message", BAD_LABELS)
def test_bad_labels_are_rejected(name, labels, message):
    with pytest.raises(ValueError, match=rf"{name}: outputs \(4, 10\), targets \(4,\).*{message}"):
        LOSSES[name]()(np.zeros((4, 10)), labels)


@pytest.mark.parametrize("name", LOSSES)
def test_whole_float_labels_are_accepted_as_labels(name):
    rng = np.random.default_rng(3)
    outputs = rng.normal(size=(4, 10))
    loss = LOSSES[name]()
    assert loss(outputs, np.array([0.0, 9.0, 3.0, 2.0])) == loss(outputs, [0, 9, 3, 2])


@pytest.mark.parametrize("name", LOSSES)
def test_one_hot_rows_with_nan_are_rejected(name):
    targets = np.eye(3)[[0, 1]]
    targets[1, 2] = np.nan
    with pytest.raises(ValueError, match=rf"{name}: outputs \(2, 3\), targets \(2, 3\).*NaN"):
        LOSSES[name]()(np.zeros((2, 3)), targets)


@pytest.mark.parametrize("name", LOSSES)
@pytest.mark.parametrize("reduction", ["avg", "none", "Mean", None])
def test_unknown_reduction_is_rejected(name, reduction):
    with pytest.raises(ValueError, match=rf"{name}: reduction {re.escape(repr(reduction))}.*mean"):
        LOSSES[name](reduction=reduction)


@pytest.mark.parametrize("name", LOSSES)
def test_backward_before_the_loss_raises(name):
    with pytest.raises(RuntimeError, match=rf"{name}\(reduction='mean'\)\.backward.*before"):
        LOSSES[name]().backward()
