"""The layers of scratchnet.nn: forward and backward against JAX (tests/nn/jax_reference.py,
run in a worker process by the `in_jax` fixture), a whole model against central finite
differences, dtypes, huge inputs, and the errors for bad shapes."""

import re
import warnings

import numpy as np
import pytest

from scratchnet.nn import (
    SGD,
    CrossEntropy,
    Linear,
    ReLU,
    Sequential,
    Sigmoid,
    Softmax,
    Tanh,
)

# (seed, batch, n_in, n_out); batch 1 included.
SHAPES = [(0, 1, 3, 2), (1, 4, 5, 3), (2, 16, 9, 7), (3, 33, 20, 11)]


def rel_err(actual, expected) -> float:
    """max |actual - expected| / max |expected|, after checking shapes and dtypes."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    assert actual.dtype == expected.dtype == np.float64
    scale = np.max(np.abs(expected))
    assert scale > 0, "a reference of all zeros checks nothing"
    return float(np.max(np.abs(actual - expected)) / scale)


def away_from_zero(rng, shape, low=0.1, high=3.0):
    """Random values of random sign whose magnitudes lie in [low, high]: ReLU's kink
    at 0 is never approached."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(low, high, size=shape)


def linear_with_bias(n_in, n_out, rng):
    layer = Linear(n_in, n_out, rng=rng)
    layer.b.data = rng.normal(0, 0.5, size=n_out)  # a zero bias would hide a wrong db
    return layer


ACTIVATIONS = {"ReLU": ReLU, "Sigmoid": Sigmoid, "Tanh": Tanh, "Softmax": Softmax}


@pytest.mark.parametrize("seed, batch, n_in, n_out", SHAPES)
def test_linear_matches_jax_vjp(seed, batch, n_in, n_out, in_jax):
    rng = np.random.default_rng(seed)
    layer = linear_with_bias(n_in, n_out, rng)
    x = rng.normal(size=(batch, n_in))
    grad_out = rng.normal(size=(batch, n_out))

    out, dx, dW, db = in_jax("linear_vjp", x, layer.W.data, layer.b.data, grad_out)

    assert rel_err(layer(x), out) < 1e-10
    grad_in = layer.backward(grad_out)
    assert rel_err(grad_in, dx) < 1e-10
    assert rel_err(layer.W.grad, dW) < 1e-10
    assert rel_err(layer.b.grad, db) < 1e-10


@pytest.mark.parametrize("name", ACTIVATIONS)
@pytest.mark.parametrize("seed, batch, n_in, n_out", SHAPES)
def test_activation_matches_jax_vjp(name, seed, batch, n_in, n_out, in_jax):
    rng = np.random.default_rng(seed)
    x = away_from_zero(rng, (batch, n_in))
    grad_out = rng.normal(size=(batch, n_in))
    module = ACTIVATIONS[name]()

    out, dx = in_jax("activation_vjp", name, x, grad_out)

    assert rel_err(module(x), out) < 1e-10
    assert rel_err(module.backward(grad_out), dx) < 1e-10
    assert module.parameters() == []


@pytest.mark.parametrize("seed, batch, n_in, n_out", SHAPES)
def test_sequential_matches_jax_vjp(seed, batch, n_in, n_out, in_jax):
    rng = np.random.default_rng(seed)
    hidden = [n_in + 3, n_in + 1]
    model = Sequential(
        [
            linear_with_bias(n_in, hidden[0], rng),
            ReLU(),
            linear_with_bias(hidden[0], hidden[1], rng),
            Sigmoid(),
            linear_with_bias(hidden[1], n_out, rng),
            Softmax(),
        ]
    )
    x = rng.normal(size=(batch, n_in))
    grad_out = rng.normal(size=(batch, n_out))
    params = [p.data for p in model.parameters()]
    assert len(params) == 6

    pre_relu = x @ params[0] + params[1]
    # The vjp never steps across the kink; only an input of exactly 0 is ambiguous.
    assert np.abs(pre_relu).min() > 1e-6, "choose a seed whose ReLU inputs avoid 0"

    out, dx, *dparams = in_jax("sequential_vjp", x, params, grad_out)

    assert rel_err(model(x), out) < 1e-10
    assert rel_err(model.backward(grad_out), dx) < 1e-10
    for parameter, expected in zip(model.parameters(), dparams):
        assert rel_err(parameter.grad, expected) < 1e-10


def test_sequential_without_input_grad_returns_none_and_same_parameter_grads():
    rng = np.random.default_rng(4)
    model = Sequential([linear_with_bias(4, 5, rng), Sigmoid(), linear_with_bias(5, 3, rng)])
    x, grad_out = rng.normal(size=(6, 4)), rng.normal(size=(6, 3))
    model(x)
    assert model.backward(grad_out) is not None
    with_input = [p.grad.copy() for p in model.parameters()]
    model(x)
    assert model.backward(grad_out, input_grad=False) is None
    for parameter, expected in zip(model.parameters(), with_input):
        np.testing.assert_array_equal(parameter.grad, expected)


@pytest.mark.parametrize("squashing", [Sigmoid, Tanh])
def test_three_layer_model_gradient_matches_central_differences(squashing):
    rng = np.random.default_rng(11)
    model = Sequential(
        [
            linear_with_bias(5, 7, rng),
            squashing(),
            linear_with_bias(7, 6, rng),
            ReLU(),
            linear_with_bias(6, 4, rng),
        ]
    )
    x = rng.normal(size=(8, 5))
    labels = rng.integers(0, 4, size=8)
    loss = CrossEntropy()

    hidden = model.layers[1](model.layers[0](x))
    pre_relu = model.layers[2](hidden)
    assert np.abs(pre_relu).min() > 1e-3, "a ReLU input near 0 would spoil the differences"

    loss(model(x), labels)
    model.backward(loss.backward())
    analytic = [p.grad.copy() for p in model.parameters()]

    eps = 1e-5
    for parameter, grad in zip(model.parameters(), analytic):
        numeric = np.zeros_like(parameter.data)
        for index in np.ndindex(parameter.data.shape):
            original = parameter.data[index]
            values = []
            for shift in (+eps, -eps):
                parameter.data[index] = original + shift
                values.append(loss(model(x), labels))
            parameter.data[index] = original
            numeric[index] = (values[0] - values[1]) / (2 * eps)
        assert grad.shape == parameter.data.shape
        # Entry by entry, relative to the entry (or to 1e-3 for the few near-zero ones).
        err = np.abs(grad - numeric) / np.maximum(np.abs(numeric), 1e-3)
        assert err.max() < 1e-6, (parameter, err.max())
    assert any(np.abs(g).max() > 1e-2 for g in analytic)  # the check is not vacuous


def test_float32_model_stays_float32_through_forward_backward_and_sgd():
    rng = np.random.default_rng(5)
    model = Sequential(
        [
            Linear(4, 6, rng=rng, dtype=np.float32),
            ReLU(),
            Linear(6, 5, rng=rng, init="he", dtype=np.float32),
            Sigmoid(),
            Linear(5, 3, rng=rng, dtype=np.float32),
            Softmax(),
        ]
    )
    assert all(p.data.dtype == np.float32 for p in model.parameters())
    assert all(p.grad.dtype == np.float32 for p in model.parameters())
    x = rng.normal(size=(7, 4)).astype(np.float32)
    out = model(x)
    assert out.dtype == np.float32
    grad_in = model.backward(np.ones_like(out))
    assert grad_in.dtype == np.float32
    assert all(p.grad.dtype == np.float32 for p in model.parameters())
    before = [p.data.copy() for p in model.parameters()]
    SGD(model.parameters(), lr=0.1).step()
    assert all(p.data.dtype == np.float32 for p in model.parameters())
    assert any((p.data != old).any() for p, old in zip(model.parameters(), before))


def test_float64_is_the_default():
    layer = Linear(3, 2, rng=np.random.default_rng(0))
    assert layer.W.data.dtype == layer.b.data.dtype == np.float64
    assert layer(np.ones((2, 3))).dtype == np.float64


def test_sgd_updates_parameters_in_place_by_lr_times_grad():
    rng = np.random.default_rng(6)
    layer = linear_with_bias(3, 2, rng)
    W, b = layer.W.data, layer.b.data
    W0, b0 = W.copy(), b.copy()
    layer(rng.normal(size=(4, 3)))
    layer.backward(rng.normal(size=(4, 2)))
    SGD(layer.parameters(), lr=0.25).step()
    assert layer.W.data is W and layer.b.data is b
    np.testing.assert_allclose(W, W0 - 0.25 * layer.W.grad, rtol=1e-15)
    np.testing.assert_allclose(b, b0 - 0.25 * layer.b.grad, rtol=1e-15)


@pytest.mark.parametrize("lr", [0, -0.1, float("nan")])
def test_sgd_rejects_a_learning_rate_that_is_not_positive(lr):
    with pytest.raises(ValueError, match="learning rate"):
        SGD([], lr=lr)


HUGE = np.array([[1000.0, -1000.0], [-1000.0, 1000.0], [1000.0, 1000.0], [-1000.0, -1000.0]])


@pytest.mark.parametrize("module_class", [ReLU, Sigmoid, Tanh, Softmax])
def test_activations_are_finite_and_silent_on_huge_inputs(module_class):
    module = module_class()
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        out = module(HUGE)
        grad = module.backward(np.ones_like(HUGE))
    assert np.isfinite(out).all() and np.isfinite(grad).all()


def test_huge_inputs_give_the_correct_limits():
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        relu = ReLU()(HUGE)
        sigmoid = Sigmoid()(HUGE)
        tanh = Tanh()(HUGE)
        softmax = Softmax()(HUGE)
    np.testing.assert_array_equal(relu, [[1000, 0], [0, 1000], [1000, 1000], [0, 0]])
    assert sigmoid[0, 0] == 1.0 and sigmoid[1, 1] == 1.0
    assert 0 <= sigmoid[0, 1] < 1e-300 and 0 <= sigmoid[1, 0] < 1e-300
    np.testing.assert_array_equal(softmax, [[1, 0], [0, 1], [0.5, 0.5], [0.5, 0.5]])
    np.testing.assert_array_equal(tanh, np.sign(HUGE))


def test_sigmoid_is_continuous_across_its_two_branches():
    x = np.array([[-1e-12, 0.0, 1e-12, -30.0, 30.0]])
    y = Sigmoid()(x)
    np.testing.assert_allclose(y[0, :3], 0.5, rtol=1e-11)
    np.testing.assert_allclose(y[0, 3] + y[0, 4], 1.0, rtol=1e-15)


MODULES = {
    "Linear": lambda: Linear(4, 3, rng=np.random.default_rng(0)),
    "ReLU": ReLU,
    "Sigmoid": Sigmoid,
    "Tanh": Tanh,
    "Softmax": Softmax,
}


@pytest.mark.parametrize("shape", [(2, 5), (5,)])
def test_linear_forward_rejects_wrong_shapes_naming_both(shape):
    layer = MODULES["Linear"]()
    expected = r"\(batch, 4\)" if len(shape) == 2 else r"\(batch, features\)"
    pattern = rf"Linear\(4, 3\).*{re.escape(str(shape))}.*{expected}"
    with pytest.raises(ValueError, match=pattern):
        layer(np.ones(shape))


@pytest.mark.parametrize("name", ["ReLU", "Sigmoid", "Tanh", "Softmax"])
@pytest.mark.parametrize("shape", [(5,), (2, 3, 4)])
def test_activation_forward_rejects_inputs_that_are_not_rows(name, shape):
    pattern = rf"{name}\(\).*{re.escape(str(shape))}.*\(batch, features\)"
    with pytest.raises(ValueError, match=pattern):
        MODULES[name]()(np.ones(shape))


@pytest.mark.parametrize("name", MODULES)
@pytest.mark.parametrize("wrong", [(2, 5), (3, 3), (3, 4), (6,)])
def test_backward_rejects_a_grad_of_the_wrong_shape_naming_both(name, wrong):
    module = MODULES[name]()
    out = module(np.random.default_rng(1).normal(size=(2, 4)))
    if wrong == out.shape:
        wrong = (2, 2)
    label = re.escape(repr(module))
    pattern = rf"{label}\.backward.*{re.escape(str(wrong))}.*{re.escape(str(out.shape))}"
    with pytest.raises(ValueError, match=pattern):
        module.backward(np.ones(wrong))


def test_sequential_errors_name_the_failing_layer():
    rng = np.random.default_rng(0)
    model = Sequential([Linear(4, 3, rng=rng), ReLU(), Linear(3, 2, rng=rng)])
    with pytest.raises(ValueError, match=r"Linear\(4, 3\).*\(2, 5\)"):
        model(np.ones((2, 5)))
    model(np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"Linear\(3, 2\)\.backward.*\(2, 3\).*\(2, 2\)"):
        model.backward(np.ones((2, 3)))


@pytest.mark.parametrize("name", [*MODULES, "Sequential"])
def test_backward_before_forward_raises(name):
    if name == "Sequential":
        module = Sequential([MODULES["Linear"](), ReLU()])
    else:
        module = MODULES[name]()
    with pytest.raises(RuntimeError, match="before forward"):
        module.backward(np.ones((2, 3)))
