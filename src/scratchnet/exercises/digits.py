"""Part two's exercises: what the layer library's methods compute, as plain functions.

Examples are rows, as in ``scratchnet.nn``. A layer keeps what its backward pass needs
from its forward pass (``Linear`` its input x, ``Sigmoid`` its output y) and its
``backward`` is one of these functions of that state and ``grad_out``:

    linear_backward(x, W, grad_out)   Linear.backward: (grad_x, grad_W, grad_b)
    sigmoid_backward(y, grad_out)     Sigmoid.backward: grad_in
    mse_backward(y, t)                MSE(reduction="mean").backward: dL/dy
    sgd_step(params, grads, lr)       SGD.step: every parameter, in place
    batches(n, batch_size, rng)       one epoch's batches, as ``fit`` uses them

So each is checked on its own, on arrays, without a layer around it. ``check(function)``
judges the reader's version of any of them, found by its name. To train with them, the
layers below (``YourLinear``, ``YourSigmoid``, ``YourMSE``, ``YourSGD``) are the library's,
with their backward pass (or step) computed by the reader's function once it passed its
check, and by the tutorial's until then.
"""

from __future__ import annotations

import numpy as np

from ..nn.losses import MSE, checked_loss_backward
from ..nn.modules import Linear, Sigmoid, checked_backward, sigmoid
from ..nn.optim import SGD
from ..nn.train import batches
from .checking import (
    Case,
    CheckResult,
    Exercise,
    Mistake,
    WrongOutput,
    activation_backward,
    arrays,
    check_against,
    numerical_gradient,
    one_array,
    yours_or_tutorials,
)


def normal(seed: int, *shape: int, scale: float = 1.0):
    """Fresh arrays drawn from N(0, scale²), one per shape, from ``default_rng(seed)``."""
    rng = np.random.default_rng(seed)
    return tuple(rng.normal(0, scale, s) for s in shape)


# --- Linear.backward -------------------------------------------------------------------


def linear_backward(x: np.ndarray, W: np.ndarray, grad_out: np.ndarray):
    """The gradients of y = x W + b, given grad_out = dL/dy.

    x: (batch, n_in)   W: (n_in, n_out)   grad_out: (batch, n_out)
    Returns (grad_x, grad_W, grad_b): (batch, n_in), (n_in, n_out), (n_out,).
    """
    return grad_out @ W.T, x.T @ grad_out, grad_out.sum(axis=0)


def linear_expected(arguments) -> dict[str, np.ndarray]:
    """By finite differences of L = sum(grad_out * (x W + b)), whose gradient with respect
    to y is grad_out (b's value does not matter: the layer is linear in it)."""
    x, W, grad_out = arguments
    b = np.zeros(W.shape[1])

    def loss():
        return float(np.sum(grad_out * (x @ W + b)))

    return {
        "grad_x": numerical_gradient(loss, x),
        "grad_W": numerical_gradient(loss, W),
        "grad_b": numerical_gradient(loss, b),
    }


def linear_cases() -> tuple[Case, ...]:
    def shapes(seed, batch, n_in, n_out):
        return lambda: normal(seed, (batch, n_in), (n_in, n_out), (batch, n_out))

    return (
        Case("a batch of 5, 4 inputs, 3 outputs", shapes(40, 5, 4, 3)),
        Case("one example (a batch of 1)", shapes(41, 1, 4, 3)),
        Case("a batch of 8, 64 pixels, 10 outputs", shapes(42, 8, 64, 10)),
    )


def linear_backward_transposed(x, W, grad_out):
    return grad_out @ W.T, grad_out.T @ x, grad_out.sum(axis=0)


def linear_backward_bias_not_summed(x, W, grad_out):
    return grad_out @ W.T, x.T @ grad_out, grad_out


def linear_backward_bias_wrong_axis(x, W, grad_out):
    return grad_out @ W.T, x.T @ grad_out, grad_out.sum(axis=1)


def linear_backward_mean(x, W, grad_out):
    return grad_out @ W.T, x.T @ grad_out / len(x), grad_out.mean(axis=0)


LINEAR_BACKWARD = Exercise(
    name="linear_backward",
    reference=linear_backward,
    cases=linear_cases(),
    outputs=lambda function, arguments: arrays(
        function(*arguments), ("grad_x", "grad_W", "grad_b"), "(grad_x, grad_W, grad_b)"
    ),
    expected=linear_expected,
    sizes=lambda arguments: {"examples": len(arguments[0])},
    mistakes=(
        Mistake(
            linear_backward_transposed,
            "grad_W is transposed: it has the shape of W, (n_in, n_out), which is "
            "xᵀ grad_out, not grad_outᵀ x.",
        ),
        Mistake(
            linear_backward_bias_not_summed,
            "grad_b is not summed over the examples: b is added to every row, so its "
            "gradient is the sum of grad_out's rows, grad_out.sum(axis=0).",
        ),
        Mistake(
            linear_backward_bias_wrong_axis,
            "grad_b is summed over the outputs (axis=1) instead of over the examples "
            "(axis=0): it must have b's shape, (n_out,).",
        ),
        Mistake(
            linear_backward_mean,
            "it averages over the batch: the loss already did, and grad_out carries its "
            "1/n, so grad_W and grad_b are n times too small. Sum over the examples.",
        ),
    ),
)


# --- Sigmoid.backward ------------------------------------------------------------------


def sigmoid_backward(y: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
    """The gradient with respect to the sigmoid's input x, given its output
    y = sigmoid(x) and grad_out = dL/dy, both (batch, features): grad_out y (1 - y)."""
    return grad_out * y * (1 - y)


def sigmoid_backward_without_grad_out(y, grad_out):
    return y * (1 - y)


def sigmoid_backward_slope_at_y(y, grad_out):
    return grad_out * sigmoid(y) * (1 - sigmoid(y))


def sigmoid_backward_without_one_minus_y(y, grad_out):
    return grad_out * y


def sigmoid_backward_sign_flipped(y, grad_out):
    return grad_out * y * (y - 1)


SIGMOID_BACKWARD = activation_backward(
    sigmoid_backward,
    sigmoid,
    seed=50,
    mistakes=(
        Mistake(
            sigmoid_backward_without_grad_out,
            "the chain rule is missing: y (1 - y) is the sigmoid's own slope; the gradient "
            "of the loss is grad_out times it.",
        ),
        Mistake(
            sigmoid_backward_slope_at_y,
            "it takes the slope at y, the output, as if it were the input: "
            "sigmoid'(x) = sigmoid(x) (1 - sigmoid(x)) = y (1 - y), written in y directly.",
        ),
        Mistake(
            sigmoid_backward_without_one_minus_y,
            "the factor (1 - y) is missing: sigmoid'(x) = y (1 - y).",
        ),
        Mistake(
            sigmoid_backward_sign_flipped,
            "the sign is flipped: y (y - 1) is minus the slope; the sigmoid rises "
            "everywhere, so its slope y (1 - y) is positive.",
        ),
    ),
)


# --- MSE.backward ----------------------------------------------------------------------


def mse_backward(y: np.ndarray, t: np.ndarray) -> np.ndarray:
    """dL/dy of L = (1/n) sum_i sum_k (y_ik - t_ik)², the mean over the batch of n rows.

    y, t: (batch, classes). Returns (batch, classes): 2 (y - t) / n.
    """
    return 2 * (y - t) / len(y)


def mse_cases() -> tuple[Case, ...]:
    def outputs_and_targets(seed, batch, classes):
        def make():
            (y,) = normal(seed, (batch, classes))
            labels = np.random.default_rng(seed + 1).integers(0, classes, batch)
            return y, np.eye(classes)[labels]

        return make

    return (
        Case("a batch of 5, 3 classes", outputs_and_targets(60, 5, 3)),
        Case("one example of 10 classes", outputs_and_targets(61, 1, 10)),
        Case("a batch of 32, 10 classes", outputs_and_targets(62, 32, 10)),
    )


def mse_expected(arguments) -> dict[str, np.ndarray]:
    y, t = arguments
    return {"dL/dy": numerical_gradient(lambda: float(((y - t) ** 2).sum() / len(y)), y)}


def mse_backward_without_two(y, t):
    return (y - t) / len(y)


def mse_backward_mean_of_entries(y, t):
    return 2 * (y - t) / y.size


def mse_backward_sum(y, t):
    return 2 * (y - t)


def mse_backward_sign_flipped(y, t):
    return 2 * (t - y) / len(y)


MSE_BACKWARD = Exercise(
    name="mse_backward",
    reference=mse_backward,
    cases=mse_cases(),
    outputs=lambda function, arguments: {"dL/dy": one_array(function(*arguments), "dL/dy")},
    expected=mse_expected,
    sizes=lambda arguments: {"examples": len(arguments[0]), "classes": arguments[0].shape[1]},
    mistakes=(
        Mistake(
            mse_backward_without_two,
            "off by a factor of 2: the derivative of (y - t)² is 2 (y - t).",
        ),
        Mistake(
            mse_backward_mean_of_entries,
            "it divides by every entry (n × classes), as np.mean does; the loss is a sum "
            "over the classes and a mean over the n examples, so divide by n = len(y).",
        ),
        Mistake(
            mse_backward_sum,
            "it is not divided by n: the loss is the mean over the batch, so its gradient "
            "carries 1/n.",
        ),
        Mistake(
            mse_backward_sign_flipped,
            "the sign is flipped: 2 (t - y) / n points downhill, so a step against it "
            "climbs the loss. dL/dy = 2 (y - t) / n.",
        ),
    ),
)


# --- SGD.step --------------------------------------------------------------------------


def sgd_step(params: list[np.ndarray], grads: list[np.ndarray], lr: float) -> None:
    """p <- p - lr * g for each parameter array p and its gradient g, in place (the
    layers that own the arrays see the new values; a float32 array stays float32)."""
    for p, g in zip(params, grads):
        p -= lr * g


def sgd_cases() -> tuple[Case, ...]:
    def layer(seed, lr, dtype):
        def make():
            W, b, dW, db = normal(seed, (4, 3), (3,), (4, 3), (3,))
            return [W.astype(dtype), b.astype(dtype)], [dW.astype(dtype), db.astype(dtype)], lr

        return make

    return (
        Case("a Linear(4, 3)'s W and b, learning rate 0.1", layer(70, 0.1, np.float64)),
        Case("the same in float32, learning rate 0.5", layer(71, 0.5, np.float32)),
    )


def sgd_outputs(function, arguments) -> dict:
    """The parameters after the step: the arrays passed in, which must have changed (the
    layers own them: a new array put in the list would never reach them)."""
    params, grads, lr = arguments
    W, b = params
    function(params, grads, lr)
    return {"W": W, "b": b}


def sgd_expected(arguments) -> dict:
    params, grads, lr = arguments
    return {
        "W": params[0] - lr * grads[0],
        "b": params[1] - lr * grads[1],
    }


def sgd_step_ascent(params, grads, lr):
    for p, g in zip(params, grads):
        p += lr * g


def sgd_step_rebinding(params, grads, lr):
    for p, g in zip(params, grads):
        p = p - lr * g  # noqa: PLW2901 (the mistake itself)


def sgd_step_without_lr(params, grads, lr):
    for p, g in zip(params, grads):
        p -= g


SGD_STEP = Exercise(
    name="sgd_step",
    reference=sgd_step,
    cases=sgd_cases(),
    outputs=sgd_outputs,
    expected=sgd_expected,
    changes=("params",),  # the exercise: p -= lr * g, in place
    mistakes=(
        Mistake(
            sgd_step_ascent,
            "the sign is flipped: p + lr g climbs the loss. Step against the gradient.",
        ),
        Mistake(
            sgd_step_rebinding,
            "the parameters did not change: `p = p - lr * g` makes a new array and only "
            "binds the loop's name p to it (and `params[i] = ...` only puts it in the list), "
            "while the layers keep computing with the old arrays. Change the arrays "
            "themselves, in place: p -= lr * g.",
        ),
        Mistake(sgd_step_without_lr, "the learning rate is not used: each step is lr times g."),
    ),
)


# --- batches ---------------------------------------------------------------------------


def batches_cases() -> tuple[Case, ...]:
    return (
        Case("22 examples in batches of 5", lambda: (22, 5, 80)),
        Case("20 examples in batches of 4", lambda: (20, 4, 81)),
        Case("the whole set at once (batch_size None)", lambda: (7, None, 82)),
        Case("6 examples one at a time (batch_size 1, plain SGD)", lambda: (6, 1, 83)),
    )


def batches_outputs(function, arguments) -> dict:
    """One epoch's batches twice, from two generators of the same seed."""
    n, batch_size, seed = arguments
    epochs = []
    for _ in range(2):
        found = function(n, batch_size, np.random.default_rng(seed))
        if found is None:
            raise WrongOutput("it returned None: yield each batch's indices (or return a list)")
        epochs.append([np.asarray(batch) for batch in found])
    for batch in epochs[0]:
        if batch.ndim != 1:
            raise WrongOutput(
                f"a batch is {batch.tolist()!r}, not a list of indices: x[batch] must keep "
                "the rows of the batch, even of one example (order[start : start + 1])"
            )
    return {"batches": epochs[0], "again": epochs[1]}


def each_example_once(arguments, outputs) -> str | None:
    n, batch_size, _ = arguments
    used = np.concatenate(outputs["batches"]) if outputs["batches"] else np.array([], int)
    counts = np.bincount(used.astype(int), minlength=n) if used.size else np.zeros(n, int)
    if (counts == 0).any() and (counts > 1).any():
        return (
            f"examples {_listed(np.flatnonzero(counts > 1))} appear more than once and "
            f"{_listed(np.flatnonzero(counts == 0))} never: draw a permutation, not with "
            "replacement"
        )
    if (counts == 0).any():
        return f"examples {_listed(np.flatnonzero(counts == 0))} are never used in the epoch"
    return None


def batch_sizes(arguments, outputs) -> str | None:
    n, batch_size, _ = arguments
    sizes = [len(batch) for batch in outputs["batches"]]
    wanted = (
        [n] if batch_size is None else [min(batch_size, n - s) for s in range(0, n, batch_size)]
    )
    if sizes != wanted:
        return f"the batches have sizes {sizes}; expected {wanted}"
    return None


def shuffled_by_rng(arguments, outputs) -> str | None:
    n, batch_size, _ = arguments
    order = np.concatenate(outputs["batches"])
    if batch_size is None:
        if not np.array_equal(order, np.arange(n)):
            return "with batch_size None, the one batch is every example in order, 0 to n - 1"
        return None
    if np.array_equal(order, np.arange(n)):
        return (
            "the order is not shuffled: every epoch sees the examples as 0, 1, 2, ...; draw "
            "a new order each epoch with rng.permutation(n)"
        )
    if not np.array_equal(order, np.concatenate(outputs["again"])):
        return (
            "the order does not come from rng: two generators with the same seed gave "
            "different orders, so a run cannot be repeated. Use rng.permutation(n)."
        )
    return None


def _listed(indices) -> str:
    shown = ", ".join(map(str, indices[:6]))
    return shown + (", ..." if len(indices) > 6 else "")


def batches_sliced_to_batch_size(n, batch_size, rng):
    order = rng.permutation(n)
    for start in range(0, n, batch_size or n):
        yield order[start : batch_size or n]


def batches_without_last(n, batch_size, rng):
    if batch_size is None:
        yield np.arange(n)
        return
    order = rng.permutation(n)
    for start in range(0, n - batch_size + 1, batch_size):
        yield order[start : start + batch_size]


def batches_in_order(n, batch_size, rng):
    size = batch_size or n
    for start in range(0, n, size):
        yield np.arange(start, min(start + size, n))


def batches_from_global_random(n, batch_size, rng):
    if batch_size is None:
        yield np.arange(n)
        return
    order = np.random.permutation(n)
    for start in range(0, n, batch_size):
        yield order[start : start + batch_size]


def batches_with_replacement(n, batch_size, rng):
    if batch_size is None:
        yield np.arange(n)
        return
    order = rng.integers(0, n, n)
    for start in range(0, n, batch_size):
        yield order[start : start + batch_size]


BATCHES = Exercise(
    name="batches",
    reference=batches,
    cases=batches_cases(),
    outputs=batches_outputs,
    expected=None,  # any shuffle from rng is right: judged by what must hold
    rules=(each_example_once, batch_sizes, shuffled_by_rng),
    mistakes=(
        Mistake(
            batches_sliced_to_batch_size,
            "only the first batch has examples: order[start:batch_size] ends every slice "
            "at batch_size. Slice order[start:start + batch_size].",
        ),
        Mistake(
            batches_without_last,
            "the last, shorter batch is dropped, so its examples are never used in the "
            "epoch: let the last slice hold the rest.",
        ),
        Mistake(
            batches_in_order,
            "the order is not shuffled: every epoch sees the examples as 0, 1, 2, ...; draw "
            "a new order each epoch with rng.permutation(n).",
        ),
        Mistake(
            batches_from_global_random,
            "the order does not come from rng: two generators with the same seed gave "
            "different orders, so a run cannot be repeated. Use rng.permutation(n).",
        ),
        Mistake(
            batches_with_replacement,
            "the order is drawn with replacement: some examples come twice in an epoch and "
            "others never. Draw a permutation, rng.permutation(n).",
        ),
    ),
)


EXERCISES = {
    exercise.name: exercise
    for exercise in (LINEAR_BACKWARD, SIGMOID_BACKWARD, MSE_BACKWARD, SGD_STEP, BATCHES)
}


def check(function) -> CheckResult:
    """Check your version of one of part two's functions, found by its name:
    linear_backward, sigmoid_backward, mse_backward, sgd_step or batches. Shows what is
    wrong, in words; a function that passes is kept in ``yours``."""
    return check_against(EXERCISES, function)


# --- the library's layers, computing with yours ---------------------------------------


class YourLinear(Linear):
    """Linear, whose backward pass is your linear_backward of what the layer kept."""

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        backward = yours_or_tutorials(LINEAR_BACKWARD)
        grad_x, self.W.grad, self.b.grad = backward(self._x, self.W.data, grad_out)
        return grad_x if input_grad else None


class YourSigmoid(Sigmoid):
    """Sigmoid, whose backward pass is your sigmoid_backward of its output."""

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        return yours_or_tutorials(SIGMOID_BACKWARD)(self._y, grad_out)


class YourMSE(MSE):
    """MSE, the mean over the batch, whose gradient is your mse_backward."""

    def __init__(self):
        super().__init__(reduction="mean")

    def forward(self, y: np.ndarray, t: np.ndarray) -> float:
        self._y, self._t = y, t
        return super().forward(y, t)

    @checked_loss_backward
    def backward(self) -> np.ndarray:
        return yours_or_tutorials(MSE_BACKWARD)(self._y, self._t)


class YourSGD(SGD):
    """SGD, whose step is your sgd_step on the parameters' arrays."""

    def step(self) -> None:
        data, grads = [p.data for p in self.parameters], [p.grad for p in self.parameters]
        yours_or_tutorials(SGD_STEP)(data, grads, self.lr)
