"""Where the checks live: at the boundary, once per call or once per fit; inside, each
forward and backward is its equations. And fit's running loss, MLPClassifier's record."""

import ast
import inspect
import textwrap

import numpy as np
import pytest

from scratchnet import nn
from scratchnet.nn import (
    MSE,
    SGD,
    CrossEntropy,
    FitDiverged,
    Linear,
    ReLU,
    Sequential,
    Sigmoid,
    Softmax,
    SoftmaxMSE,
    Tanh,
    fit,
)
from scratchnet.nn import train as train_module

# The most lines each body may have: the equations the site shows for it, plus one for
# the value forward keeps for backward (docs/digits/layers.md and losses.md).
BODY_LINES = {
    (Linear, "forward"): 1 + 1,  # y = x W + b
    (Linear, "backward"): 3,  # dW, db, dx
    (ReLU, "forward"): 1 + 1,
    (ReLU, "backward"): 1,
    (Sigmoid, "forward"): 1 + 1,
    (Sigmoid, "backward"): 1,
    (Tanh, "forward"): 1 + 1,
    (Tanh, "backward"): 1,
    (Softmax, "forward"): 1 + 1,
    (Softmax, "backward"): 1,
    (MSE, "forward"): 1 + 1,
    (MSE, "backward"): 1,
    (SoftmaxMSE, "forward"): 1 + 1,
    (SoftmaxMSE, "backward"): 2,  # dL/dp, then dL/dz
    (CrossEntropy, "forward"): 2 + 1,  # L, and log p by log-sum-exp
    (CrossEntropy, "backward"): 1,
}


def body_lines(cls, method: str) -> int:
    """Source lines of the statements of ``cls.method``, its docstring left out."""
    function = cls.__dict__[method]
    source = textwrap.dedent(inspect.getsource(inspect.unwrap(function)))
    (tree,) = ast.parse(source).body
    statements = tree.body
    if isinstance(statements[0], ast.Expr) and isinstance(statements[0].value, ast.Constant):
        statements = statements[1:]  # the docstring
    return sum(s.end_lineno - s.lineno + 1 for s in statements)


@pytest.mark.parametrize("cls, method", BODY_LINES, ids=lambda v: getattr(v, "__name__", v))
def test_each_forward_and_backward_is_its_equations(cls, method):
    assert body_lines(cls, method) <= BODY_LINES[(cls, method)]


def test_every_layer_and_loss_is_listed():
    classes = {cls for cls, _ in BODY_LINES}
    for name in nn.__all__:
        value = getattr(nn, name)
        if isinstance(value, type) and issubclass(value, (nn.Module, nn.losses.Loss)):
            if value not in (nn.Module, Sequential):
                assert value in classes, name


@pytest.mark.parametrize(
    "cls", [cls for cls, method in BODY_LINES if method == "backward"], ids=lambda c: c.__name__
)
def test_each_backward_shows_its_boundary_check_where_the_reader_reads_it(cls):
    decorator = "@checked_backward" if issubclass(cls, nn.Module) else "@checked_loss_backward"
    source = inspect.getsource(cls)
    assert f"    {decorator}\n    def backward(" in source  # written right above it
    assert inspect.unwrap(cls.backward) is not cls.backward  # and it is what runs


def test_the_base_classes_wrap_nothing_behind_the_reader_s_back():
    for base in (nn.Module, nn.losses.Loss):
        assert "__init_subclass__" not in vars(base), base


def test_a_failed_forward_leaves_nothing_for_backward():
    layer = Linear(4, 3, rng=np.random.default_rng(0))
    layer(np.ones((2, 4)))
    with pytest.raises(ValueError):
        layer(np.ones((2, 5)))
    with pytest.raises(RuntimeError, match="before forward"):
        layer.backward(np.ones((2, 3)))


def test_a_failed_loss_leaves_nothing_for_backward():
    loss = CrossEntropy()
    loss(np.zeros((2, 3)), [0, 1])
    with pytest.raises(ValueError):
        loss(np.zeros((2, 3)), [0, 3])
    with pytest.raises(RuntimeError, match="before"):
        loss.backward()


def test_a_linear_layer_computes_in_its_dtype():
    layer = Linear(3, 2, rng=np.random.default_rng(0), dtype=np.float32)
    out = layer(np.ones((4, 3)))  # float64 in
    assert out.dtype == np.float32
    assert layer.backward(np.ones((4, 2), dtype=np.float32)).dtype == np.float32


def small_problem(n=50, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4))
    return x, (x[:, 0] > 0).astype(int) + (x[:, 1] > 0.5).astype(int)


def small_model(seed=1):
    rng = np.random.default_rng(seed)
    return Sequential([Linear(4, 8, rng=rng), ReLU(), Linear(8, 3, rng=rng)])


def train(loss, *, running_loss, batch_size=16, epochs=4, validation=None):
    x, y = small_problem()
    model = small_model()
    history = fit(
        model, loss, SGD(model.parameters(), 0.1), x, y, epochs=epochs, batch_size=batch_size,
        rng=np.random.default_rng(2), validation=validation, running_loss=running_loss,
    )  # fmt: skip
    return model, history


def test_fit_checks_the_targets_and_makes_one_hot_rows_once_per_set(monkeypatch):
    calls = []
    real = train_module.one_hot_rows

    def counting(loss, outputs, targets):
        calls.append(len(outputs))
        return real(loss, outputs, targets)

    monkeypatch.setattr(train_module, "one_hot_rows", counting)
    train(CrossEntropy(), running_loss=False, validation=small_problem(20, seed=3))
    assert calls == [50, 20]  # the training set's, the validation set's: not per batch


def test_fit_names_the_loss_and_both_shapes_for_bad_labels():
    x, y = small_problem()
    model = small_model()
    with pytest.raises(ValueError, match=r"CrossEntropy: outputs \(50, 3\), targets \(49,\)"):
        fit(model, CrossEntropy(), SGD(model.parameters(), 0.1), x, y[:49], epochs=1)
    with pytest.raises(ValueError, match=r"CrossEntropy: outputs \(50, 3\).*label 3 is outside"):
        fit(model, CrossEntropy(), SGD(model.parameters(), 0.1), x, y + 1, epochs=1)


class RecordingLoss(CrossEntropy):
    """Cross-entropy that remembers the (value, batch size) of every call."""

    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.calls = []

    def of_rows(self, outputs, rows):
        value = super().of_rows(outputs, rows)
        self.calls.append((value, len(outputs)))
        return value


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_the_running_loss_is_the_size_weighted_mean_of_the_batch_losses(reduction):
    loss = RecordingLoss(reduction)
    _, history = train(loss, running_loss=True)  # 50 examples: batches of 16, 16, 16, 2
    assert history.accuracy is None and history.val_loss is None
    assert history.loss.shape == (5,)
    start, *batch_calls = loss.calls  # the start is evaluated on the whole set
    assert start[1] == 50 and history.loss[0] == start[0]
    assert len(batch_calls) == 4 * 4
    for epoch in range(1, 5):
        epoch_calls = batch_calls[4 * (epoch - 1) : 4 * epoch]
        assert [size for _, size in epoch_calls] == [16, 16, 16, 2]
        values = np.array([value for value, _ in epoch_calls])
        expected = values @ [16, 16, 16, 2] / 50 if reduction == "mean" else values.sum()
        assert history.loss[epoch] == pytest.approx(expected, rel=1e-14)
        assert history.loss[epoch] != pytest.approx(values.mean(), rel=1e-6)  # weighted


def test_full_batch_running_loss_is_the_loss_before_each_step():
    """With one batch per epoch, epoch k's running loss is the model's loss before its
    step: the evaluated loss of epoch k - 1."""
    _, running = train(CrossEntropy(), running_loss=True, batch_size=None)
    _, evaluated = train(CrossEntropy(), running_loss=False, batch_size=None)
    np.testing.assert_allclose(running.loss[1:], evaluated.loss[:-1], rtol=1e-14)
    assert running.loss[0] == evaluated.loss[0]


def test_the_running_loss_changes_the_record_only():
    validation = small_problem(20, seed=3)
    a, running = train(CrossEntropy(), running_loss=True, validation=validation)
    b, evaluated = train(CrossEntropy(), running_loss=False, validation=validation)
    for p, q in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(p.data, q.data)
    np.testing.assert_array_equal(running.val_loss, evaluated.val_loss)
    np.testing.assert_array_equal(running.val_accuracy, evaluated.val_accuracy)
    assert running.accuracy is None and evaluated.accuracy.shape == (5,)
    assert not np.array_equal(running.loss[1:], evaluated.loss[1:])


def test_progress_lines_of_a_running_loss():
    lines = []
    x, y = small_problem()
    model = small_model()
    history = fit(
        model, CrossEntropy(), SGD(model.parameters(), 0.1), x, y, epochs=3, batch_size=8,
        rng=np.random.default_rng(4), running_loss=True, progress=lines.append,
    )  # fmt: skip
    assert len(lines) == 4
    assert "accuracy" in lines[0] and "accuracy" not in lines[1]
    assert f"loss {history.loss[3]:.4f}" in lines[3]


def test_a_diverging_running_loss_keeps_the_epochs_before():
    x, y = small_problem()
    model = small_model()
    with np.errstate(all="ignore"), pytest.raises(FitDiverged) as caught:
        fit(
            model, MSE(), SGD(model.parameters(), lr=1e100), x, np.eye(3)[y], epochs=50,
            batch_size=10, rng=np.random.default_rng(8), running_loss=True,
        )  # fmt: skip
    history = caught.value.history
    assert history.accuracy is None
    assert len(history.loss) == caught.value.epoch  # epochs 0 .. epoch - 1
    assert np.isfinite(history.loss).all()
