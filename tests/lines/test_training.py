"""Training reproduces the tutorial: 100% training accuracy first at iteration 68."""

import numpy as np
import pytest

from scratchnet.lines.datasets import noisy_copy, one_dim_pixel_set, training_set
from scratchnet.lines.evaluation import evaluate
from scratchnet.lines.network import backward, forward, one_hot
from scratchnet.lines.training import (
    LinesRunDiverged,
    first_full_accuracy,
    first_full_accuracy_sentence,
    train,
)

DEFAULTS = dict(hidden=6, lr=0.01, iterations=200, seed=7)


@pytest.fixture(scope="module")
def history():
    train_set = training_set()
    return train(train_set.x0(), train_set.labels, **DEFAULTS)


def test_first_full_training_accuracy_at_iteration_68(history):
    assert first_full_accuracy(history) == 68
    assert history.accuracy[67] < 1.0


def test_the_sentence_says_when_100_percent_came_or_that_it_did_not_within_the_run(history):
    assert first_full_accuracy_sentence(history) == "first 100% training accuracy at iteration 68"
    train_set = training_set()
    said = []
    short = train(
        train_set.x0(), train_set.labels, **{**DEFAULTS, "iterations": 20}, progress=said.append
    )
    best = short.accuracy.max()
    assert first_full_accuracy(short) is None and best < 1.0
    sentence = first_full_accuracy_sentence(short)
    assert (
        sentence == f"training accuracy did not reach 100% within 20 iterations (best {best:.1%})"
    )
    assert "None" not in sentence and said[-1] == f"warning: {sentence}"


def test_history_records_every_iteration_with_shapes(history):
    n = DEFAULTS["iterations"]
    assert history.iterations == n
    assert history.W1.shape == (n + 1, 6, 9) and history.b1.shape == (n + 1, 6, 1)
    assert history.W2.shape == (n + 1, 2, 6) and history.b2.shape == (n + 1, 2, 1)
    assert history.A1.shape == (n + 1, 6, 24) and history.A2.shape == (n + 1, 2, 24)
    assert np.all(np.diff(history.loss) < 0)  # a small lr: the loss falls every step


def test_validation_accuracy_is_perfect_on_both_sets(history):
    final = history.params_at(history.iterations)
    assert evaluate(final, one_dim_pixel_set(0.4)).accuracy == 1.0
    assert evaluate(final, noisy_copy(training_set(), 0.2, DEFAULTS["seed"])).accuracy == 1.0


def test_divergence_names_the_iteration_and_suggests_a_smaller_rate():
    train_set = training_set()
    with pytest.raises(LinesRunDiverged, match=r"iteration \d+.*smaller learning rate"):
        train(train_set.x0(), train_set.labels, **{**DEFAULTS, "lr": 100.0})


def test_saved_gradients_are_the_backward_pass_and_the_update_used(history):
    """Each saved gradient is backward() at that iteration's parameters, and the next
    iteration's parameters are this one's minus lr times it."""
    train_set = training_set()
    x0, Y = train_set.x0(), one_hot(train_set.labels, 2)
    assert history.dW1.shape == (DEFAULTS["iterations"], 6, 9)
    for k in (0, 1, 67, 68, DEFAULTS["iterations"] - 1):
        params = history.params_at(k)
        expected = backward(params, x0, Y, forward(params, x0))
        for saved, computed in zip(history.grads_at(k), expected):
            np.testing.assert_array_equal(saved, computed)
        for before, after, grad in zip(params, history.params_at(k + 1), history.grads_at(k)):
            np.testing.assert_array_equal(after, before - DEFAULTS["lr"] * grad)


def test_training_from_given_parameters_continues_the_run_exactly(history):
    """Started from iteration 40's parameters, training retraces iterations 40..200."""
    train_set = training_set()
    branch = train(
        train_set.x0(),
        train_set.labels,
        lr=DEFAULTS["lr"],
        iterations=DEFAULTS["iterations"] - 40,
        start=history.params_at(40),
    )
    for name in ("W1", "b2", "loss", "accuracy", "dW1"):
        np.testing.assert_array_equal(getattr(branch, name), getattr(history, name)[40:])


def test_training_needs_a_new_network_or_a_start_not_both(history):
    train_set = training_set()
    with pytest.raises(TypeError, match="either hidden and seed"):
        train(train_set.x0(), train_set.labels, lr=0.01, iterations=1, hidden=6)
    with pytest.raises(TypeError, match="either hidden and seed"):
        train(train_set.x0(), train_set.labels, **DEFAULTS, start=history.params_at(0))
