"""Training with scratchnet.nn: mini-batches, fit's history, divergence, float32, and the
tutorial's 9-6-2 network reproduced layer by layer."""

import math
import re

import numpy as np
import pytest

from scratchnet.lines.datasets import training_set
from scratchnet.lines.network import init_params
from scratchnet.lines.training import first_full_accuracy, train
from scratchnet.nn import (
    MSE,
    SGD,
    CrossEntropy,
    FitDiverged,
    Linear,
    Module,
    ReLU,
    Sequential,
    Sigmoid,
    batches,
    evaluate,
    fit,
)


def assert_each_index_once(epoch: list[np.ndarray], n: int) -> None:
    """The batches of one epoch hold 0..n-1, every index exactly once."""
    seen = np.concatenate(epoch) if epoch else np.array([], dtype=int)
    assert len(seen) == n, f"{len(seen)} indices in the epoch; expected {n}"
    np.testing.assert_array_equal(np.sort(seen), np.arange(n))


def buggy_batches(n, batch_size, rng):
    """The classic tutorial's slip: ``order[b:batch_size]`` is the first batch, then empty
    slices, so each epoch trains on one batch only."""
    order = rng.permutation(n)
    for b in range(0, n, batch_size):
        yield order[b:batch_size]


N = 100


@pytest.mark.parametrize("size", [1, 7, 32, N, N + 1, 1000])
def test_batches_yield_every_index_once_and_a_short_last_batch(size):
    epoch = list(batches(N, size, np.random.default_rng(0)))
    assert_each_index_once(epoch, N)
    full, rest = divmod(N, size)
    expected = [size] * full + ([rest] if rest else [])
    assert [len(b) for b in epoch] == expected


@pytest.mark.parametrize("size", [1, 7, 32])
def test_the_check_catches_the_one_batch_bug(size):
    with pytest.raises(AssertionError):
        assert_each_index_once(list(buggy_batches(N, size, np.random.default_rng(0))), N)
    assert_each_index_once(list(batches(N, size, np.random.default_rng(0))), N)


def test_the_order_depends_only_on_the_seed():
    def order(seed, size=7):
        return np.concatenate(list(batches(N, size, np.random.default_rng(seed))))

    np.testing.assert_array_equal(order(1), order(1))
    assert not np.array_equal(order(1), order(2))
    np.testing.assert_array_equal(order(1, size=7), order(1, size=32))  # not the size
    assert not np.array_equal(order(1), np.arange(N))  # shuffled


def test_batch_size_none_is_the_whole_set_in_order():
    (only,) = batches(N, None, None)
    np.testing.assert_array_equal(only, np.arange(N))


@pytest.mark.parametrize("size", [0, -3])
def test_batch_size_must_be_positive(size):
    with pytest.raises(ValueError, match=f"batch_size {size}"):
        list(batches(N, size, np.random.default_rng(0)))


class RowRecorder(Module):
    """A model whose input's first column is each example's index: it records the indices
    of every batch that is trained on (a forward followed by a backward), and feeds the
    other columns to ``inner``."""

    def __init__(self, inner: Module):
        self.inner = inner
        self.trained: list[np.ndarray] = []
        self.dtypes: set = set()
        self._last = None

    def forward(self, x):
        self._last = np.rint(x[:, 0]).astype(int)
        out = self.inner(x[:, 1:])
        self.dtypes.update({x.dtype, out.dtype})
        return out

    def backward(self, grad_out, *, input_grad=True):
        self.trained.append(self._last)
        return self.inner.backward(grad_out, input_grad=input_grad)

    def parameters(self):
        return self.inner.parameters()


def small_problem(n=50, seed=0):
    """``n`` examples of 4 features and 3 classes, the index prepended as column 0."""
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(n, 4))
    labels = (features[:, 0] > 0).astype(int) + (features[:, 1] > 0.5).astype(int)
    return np.column_stack([np.arange(n), features]), labels


def small_model(rng, dtype=np.float64):
    return Sequential(
        [Linear(4, 8, rng=rng, dtype=dtype), ReLU(), Linear(8, 3, rng=rng, dtype=dtype)]
    )


@pytest.mark.parametrize("size", [1, 7, 32, 50, 64])
def test_fit_trains_on_every_example_once_per_epoch(size):
    x, y = small_problem()
    model = RowRecorder(small_model(np.random.default_rng(1)))
    per_epoch = {}

    def callback(epoch, module):
        per_epoch[epoch] = module.trained
        module.trained = []

    fit(
        model,
        CrossEntropy(),
        SGD(model.parameters(), lr=0.05),
        x,
        y,
        epochs=3,
        batch_size=size,
        rng=np.random.default_rng(2),
        callback=callback,
    )
    assert sorted(per_epoch) == [0, 1, 2, 3]
    assert per_epoch[0] == []
    for epoch in (1, 2, 3):
        assert_each_index_once(per_epoch[epoch], 50)
        assert [len(b) for b in per_epoch[epoch]][:-1] == [size] * (len(per_epoch[epoch]) - 1)
    if size < 50:  # a new order each epoch
        orders = [np.concatenate(per_epoch[epoch]) for epoch in (1, 2)]
        assert not np.array_equal(*orders)


def test_full_batch_fit_takes_one_step_on_everything_per_epoch():
    x, y = small_problem()
    model = RowRecorder(small_model(np.random.default_rng(1)))
    fit(model, CrossEntropy(), SGD(model.parameters(), lr=0.05), x, y, epochs=2)
    assert len(model.trained) == 2
    for trained in model.trained:
        np.testing.assert_array_equal(trained, np.arange(50))


def test_mini_batch_fit_needs_an_rng():
    x, y = small_problem()
    model = small_model(np.random.default_rng(0))
    with pytest.raises(ValueError, match="rng"):
        fit(
            model,
            CrossEntropy(),
            SGD(model.parameters(), lr=0.1),
            x[:, 1:],
            y,
            epochs=1,
            batch_size=8,
        )


def test_mini_batch_fit_is_reproducible_from_its_seeds():
    x, y = small_problem()
    runs = []
    for _ in range(2):
        model = small_model(np.random.default_rng(3))
        history = fit(
            model,
            CrossEntropy(),
            SGD(model.parameters(), lr=0.1),
            x[:, 1:],
            y,
            epochs=4,
            batch_size=8,
            rng=np.random.default_rng(4),
        )
        runs.append((history, [p.data.copy() for p in model.parameters()]))
    np.testing.assert_array_equal(runs[0][0].loss, runs[1][0].loss)
    for a, b in zip(runs[0][1], runs[1][1]):
        np.testing.assert_array_equal(a, b)


def test_float32_model_trains_in_float32_on_float64_data():
    x, y = small_problem()
    assert x.dtype == np.float64
    model = RowRecorder(small_model(np.random.default_rng(5), dtype=np.float32))
    before = [p.data.copy() for p in model.parameters()]
    history = fit(
        model,
        MSE(),
        SGD(model.parameters(), lr=0.05),
        x,
        np.eye(3)[y],
        epochs=3,
        batch_size=16,
        rng=np.random.default_rng(6),
        validation=(x, y * 0),
    )
    assert model.dtypes == {np.dtype(np.float32)}
    for p, old in zip(model.parameters(), before):
        assert p.data.dtype == p.grad.dtype == np.float32
        assert not np.array_equal(p.data, old)
    assert np.isfinite(history.loss).all() and history.loss[-1] < history.loss[0]


def test_a_float64_model_trains_in_float64():
    x, y = small_problem()
    model = RowRecorder(small_model(np.random.default_rng(5)))
    fit(model, CrossEntropy(), SGD(model.parameters(), lr=0.05), x.astype(np.float32), y, epochs=1)
    assert model.dtypes == {np.dtype(np.float64)}
    assert all(p.data.dtype == p.grad.dtype == np.float64 for p in model.parameters())


@pytest.mark.parametrize("batch_size", [None, 10])
def test_a_huge_learning_rate_raises_fit_diverged(batch_size):
    x, y = small_problem()
    model = small_model(np.random.default_rng(7))
    message = r"diverged in epoch \d+: the loss is (nan|inf) \(learning rate 1e\+100\)"
    with np.errstate(all="ignore"), pytest.raises(FitDiverged, match=message) as caught:
        fit(
            model,
            MSE(),
            SGD(model.parameters(), lr=1e100),
            x[:, 1:],
            np.eye(3)[y],
            epochs=50,
            batch_size=batch_size,
            rng=np.random.default_rng(8),
        )
    error = caught.value
    assert isinstance(error, ArithmeticError)
    assert isinstance(error.epoch, int) and 1 <= error.epoch <= 50
    assert error.lr == 1e100
    assert not math.isfinite(error.loss)
    assert f"epoch {error.epoch}: the loss is {error.loss} " in str(error)


def test_history_without_validation():
    x, y = small_problem()
    model = small_model(np.random.default_rng(9))
    loss = CrossEntropy()
    start = evaluate(model, loss, x[:, 1:], y)
    history = fit(model, loss, SGD(model.parameters(), lr=0.2), x[:, 1:], y, epochs=5)
    assert len(history.loss) == len(history.accuracy) == 6
    assert history.val_loss is None and history.val_accuracy is None
    assert (history.loss[0], history.accuracy[0]) == start
    assert (history.loss[-1], history.accuracy[-1]) == evaluate(model, loss, x[:, 1:], y)
    assert history.loss[-1] < history.loss[0]


def test_history_with_validation_callback_and_progress():
    x, y = small_problem()
    val_x, val_y = small_problem(n=20, seed=1)
    model = small_model(np.random.default_rng(9))
    loss = CrossEntropy(reduction="sum")
    val_start = evaluate(model, loss, val_x[:, 1:], val_y)
    epochs_seen, lines = [], []
    history = fit(
        model,
        loss,
        SGD(model.parameters(), lr=0.01),
        x[:, 1:],
        y,
        epochs=5,
        batch_size=16,
        rng=np.random.default_rng(10),
        validation=(val_x[:, 1:], val_y),
        callback=lambda epoch, module: epochs_seen.append((epoch, module)),
        progress=lines.append,
    )
    for field in history:
        assert isinstance(field, np.ndarray) and field.shape == (6,)
    assert (history.val_loss[0], history.val_accuracy[0]) == val_start
    assert (history.val_loss[-1], history.val_accuracy[-1]) == evaluate(
        model, loss, val_x[:, 1:], val_y
    )
    assert [epoch for epoch, _ in epochs_seen] == [0, 1, 2, 3, 4, 5]
    assert all(module is model for _, module in epochs_seen)
    assert len(lines) == 6
    for epoch, line in enumerate(lines):
        assert "\n" not in line
        assert re.search(rf"\bepoch +{epoch}/5\b", line)
        assert f"{history.loss[epoch]:.4f}" in line


def test_the_nine_six_two_network_is_reproduced():
    data = training_set()
    x, labels = data.x0().T, data.labels
    p = init_params(9, 6, 2, seed=7)
    rng = np.random.default_rng(0)
    model = Sequential([Linear(9, 6, rng=rng), ReLU(), Linear(6, 2, rng=rng)])
    first, second = model.layers[0], model.layers[2]
    first.W.data, first.b.data = p.W1.T.copy(), p.b1[:, 0].copy()
    second.W.data, second.b.data = p.W2.T.copy(), p.b2[:, 0].copy()

    history = fit(
        model,
        CrossEntropy(reduction="sum"),
        SGD(model.parameters(), lr=0.01),
        x,
        labels,
        epochs=200,
    )
    reference = train(data.x0(), labels, hidden=6, lr=0.01, iterations=200, seed=7)

    assert len(history.loss) == len(reference.loss) == 201
    np.testing.assert_allclose(history.loss, reference.loss, rtol=1e-10, atol=0)
    np.testing.assert_array_equal(history.accuracy, reference.accuracy)
    reached = int(np.flatnonzero(history.accuracy == 1.0)[0])
    assert reached == first_full_accuracy(reference) == 68
    final = reference.params_at(200)
    np.testing.assert_allclose(first.W.data, final.W1.T, rtol=1e-9)
    np.testing.assert_allclose(second.b.data, final.b2[:, 0], rtol=1e-9, atol=1e-12)


def test_sigmoid_model_learns_a_separable_problem_with_mini_batches():
    x, y = small_problem(n=200, seed=11)
    y = (x[:, 1] + x[:, 2] > 0).astype(int)
    rng = np.random.default_rng(12)
    model = Sequential([Linear(4, 6, rng=rng), Sigmoid(), Linear(6, 2, rng=rng)])
    history = fit(
        model,
        CrossEntropy(),
        SGD(model.parameters(), lr=0.5),
        x[:, 1:],
        y,
        epochs=20,
        batch_size=10,
        rng=np.random.default_rng(13),
    )
    assert history.accuracy[-1] > 0.95 > history.accuracy[0]
