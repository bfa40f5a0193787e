"""Part one's exercises: the five functions of ``scratchnet.lines.network`` the pages teach.

softmax, forward, cross_entropy, backward, gradient_step: the reader writes each with
the tutorial's name and signature (examples are columns, the loss is summed over them,
``backward`` returns a ``Params``), and ``check(function)`` judges it. Each exercise
lists the cases it is tried on and, below it, the mistakes learners make, each a small
wrong version with the sentence that names it.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..lines.network import (
    Forward,
    Params,
    backward,
    cross_entropy,
    forward,
    gradient_step,
    one_hot,
    relu,
    softmax,
)
from .checking import (
    Case,
    CheckResult,
    Exercise,
    Mistake,
    arrays,
    check_against,
    number,
    numerical_gradient,
    one_array,
)

# The tutorial's functions as the checks call them, kept when this module runs. In a
# notebook, whose names all live in one namespace, an exercise's cell rebinds `softmax`
# to the reader's version: a check that looked the name up would compare the reader's
# function with itself.
TUTORIAL = SimpleNamespace(
    softmax=softmax,
    forward=forward,
    cross_entropy=cross_entropy,
    backward=backward,
    gradient_step=gradient_step,
)


def random_network(seed: int, n_in: int, hidden: int, n_out: int, m: int, blank: bool = False):
    """Parameters (biases not 0, so a missing bias shows), inputs ``x0: (n_in, m)`` and
    one-hot labels ``Y: (n_out, m)``. ``blank``: the last image is all 0 and ``b1 = 0``,
    so the hidden units sit exactly at 0 for it, where ReLU has its kink."""
    rng = np.random.default_rng(seed)
    params = Params(
        rng.normal(size=(hidden, n_in)),
        np.zeros((hidden, 1)) if blank else rng.normal(0, 0.5, (hidden, 1)),
        rng.normal(size=(n_out, hidden)),
        rng.normal(0, 0.5, (n_out, 1)),
    )
    x0 = rng.uniform(0, 1, (n_in, m))
    if blank:
        x0[:, -1] = 0
    Y = one_hot(rng.integers(0, n_out, m), n_out)
    return params, x0, Y


# The networks the exercises are tried on, by (seed, inputs, hidden units, classes, m):
# the tutorial's 9-6-2 shape, one example, and another shape (so a transposed product
# that happens to fit one shape fails on another). The checker's own, whatever the run.
NETWORKS = {
    "a 9-6-2 network on 24 images": (1, 9, 6, 2, 24),
    "a 9-6-2 network on 1 image": (2, 9, 6, 2, 1),
    "a 4-5-3 network on 7 examples": (3, 4, 5, 3, 7),
}


def network_cases(arguments) -> tuple[Case, ...]:
    """A case per shape of NETWORKS; ``arguments(params, x0, Y)`` picks what to pass."""
    return tuple(
        Case(name, lambda shape=shape: arguments(*random_network(*shape)))
        for name, shape in NETWORKS.items()
    )


# --- softmax ---------------------------------------------------------------------------


def softmax_cases() -> tuple[Case, ...]:
    def logits(seed, rows, columns, scale=3.0, shift=0.0):
        return lambda: (np.random.default_rng(seed).normal(shift, scale, (rows, columns)),)

    return (
        Case("random logits (2 classes, 24 examples)", logits(10, 2, 24)),
        Case("one example (a single column of 3 logits)", logits(11, 3, 1)),
        Case("many examples (4 classes, 50 examples)", logits(12, 4, 50)),
        Case(
            "logits of 1000 in one example, near 0 in another, ±800 in a third",
            lambda: (np.array([[1000.0, 0.5, 800.0], [998.0, -1.0, 0.0], [999.0, 0.0, -800.0]]),),
        ),
    )


def columns_sum_to_one(arguments, outputs) -> str | None:
    A = np.asarray(outputs["A2"], dtype=float)
    if A.shape != arguments[0].shape or not np.isfinite(A).all():
        return None  # said by the comparison, more precisely
    if (A < 0).any():
        return "some probabilities are negative"
    sums = A.sum(axis=0)
    if not np.allclose(sums, 1):
        return f"the columns must each sum to 1 (each is an example); they sum to {sums[:4]}"
    return None


def softmax_without_shift(z):
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)


def softmax_shifted_by_global_max(z):
    e = np.exp(z - z.max())
    return e / e.sum(axis=0, keepdims=True)


def softmax_over_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_over_everything(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum()


def softmax_shifting_in_place(z):
    z -= z.max(axis=0, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)


def softmax_as_list(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return (e / e.sum(axis=0, keepdims=True)).tolist()


SOFTMAX = Exercise(
    name="softmax",
    reference=softmax,
    cases=softmax_cases(),
    outputs=lambda function, arguments: {"A2": one_array(function(*arguments), "A2")},
    expected=lambda arguments: {"A2": TUTORIAL.softmax(*arguments)},
    rules=(columns_sum_to_one,),
    mistakes=(
        Mistake(
            softmax_without_shift,
            "exp overflows: for logits of 1000, np.exp gives inf, and inf / inf is nan. "
            "Subtract each column's largest logit first: the ratio does not change, and "
            "every exponent is then at most 0.",
        ),
        Mistake(
            softmax_shifted_by_global_max,
            "it subtracts the largest logit of the whole matrix, not of each column: an "
            "example whose logits are all far below it underflows to 0 / 0. Subtract "
            "z.max(axis=0, keepdims=True).",
        ),
        Mistake(
            softmax_over_rows,
            "it normalises each row, not each column: examples are columns here, so each "
            "column of probabilities must sum to 1 (axis=0).",
        ),
        Mistake(
            softmax_over_everything,
            "it divides by the sum over every example at once: each column (one example) "
            "must sum to 1 by itself, so sum over axis=0 only.",
        ),
        Mistake(
            softmax_shifting_in_place,
            "z -= ... changes z, the caller's array, in place: forward passes its z2, so "
            "the Forward it returns would hold the shifted logits, not W2 A1 + b2. Make a "
            "new array: shifted = z - z.max(axis=0, keepdims=True).",
        ),
        Mistake(
            softmax_as_list,
            "it returns a list (.tolist()), not a numpy array: training computes with A2 "
            "as an array (A2.argmax(axis=0) for the accuracy, A2 - Y for the gradient). "
            "Return the array e / e.sum(axis=0, keepdims=True) itself.",
        ),
    ),
)


# --- forward ---------------------------------------------------------------------------

FORWARD_FIELDS = ("z1", "A1", "z2", "A2")


def forward_without_relu(params, x0):
    z1 = params.W1 @ x0 + params.b1
    z2 = params.W2 @ z1 + params.b2
    return Forward(z1, z1, z2, softmax(z2))


def forward_from_z1(params, x0):
    z1 = params.W1 @ x0 + params.b1
    z2 = params.W2 @ z1 + params.b2
    return Forward(z1, relu(z1), z2, softmax(z2))


def forward_without_softmax(params, x0):
    z1 = params.W1 @ x0 + params.b1
    A1 = relu(z1)
    z2 = params.W2 @ A1 + params.b2
    return Forward(z1, A1, z2, z2)


def forward_without_biases(params, x0):
    z1 = params.W1 @ x0
    A1 = relu(z1)
    z2 = params.W2 @ A1
    return Forward(z1, A1, z2, softmax(z2))


FORWARD = Exercise(
    name="forward",
    reference=forward,
    cases=network_cases(lambda params, x0, Y: (params, x0)),
    outputs=lambda function, arguments: arrays(
        function(*arguments), FORWARD_FIELDS, "a Forward(z1, A1, z2, A2)", Forward
    ),
    expected=lambda arguments: TUTORIAL.forward(*arguments)._asdict(),
    mistakes=(
        Mistake(
            forward_without_relu,
            "the hidden layer has no ReLU: A1 must be max(z1, 0). Without it the two "
            "layers collapse into one linear map.",
        ),
        Mistake(
            forward_from_z1,
            "the output layer reads z1, the hidden layer before its ReLU: z2 = W2 A1 + b2.",
        ),
        Mistake(
            forward_without_softmax,
            "A2 is the logits z2, not probabilities: apply softmax to z2.",
        ),
        Mistake(
            forward_without_biases,
            "the biases are not added: z1 = W1 x0 + b1 and z2 = W2 A1 + b2 (numpy adds the "
            "column b to every column).",
        ),
    ),
)


# --- cross_entropy ---------------------------------------------------------------------


def cross_entropy_cases() -> tuple[Case, ...]:
    def probabilities(seed, classes, m, scale):
        def make():
            rng = np.random.default_rng(seed)
            A2 = TUTORIAL.softmax(rng.normal(0, scale, (classes, m)))
            return A2, one_hot(rng.integers(0, classes, m), classes)

        return make

    # Probabilities from softmax, none 0, so the loss is finite (and log(A2 + 1e-12) fine).
    return (
        Case("2 classes, 24 examples", probabilities(20, 2, 24, 2.0)),
        Case("2 classes, 1 example", probabilities(21, 2, 1, 2.0)),
        Case("3 classes, 7 examples, some confident mistakes", probabilities(22, 3, 7, 6.0)),
    )


def cross_entropy_mean(A2, Y):
    return float(-np.mean(np.sum(Y * np.log(A2), axis=0)))


def cross_entropy_without_minus(A2, Y):
    return float(np.sum(Y * np.log(A2)))


def cross_entropy_of_every_class(A2, Y):
    return float(-np.sum(np.log(A2)))


def cross_entropy_per_example(A2, Y):
    return -np.sum(Y * np.log(A2), axis=0)


def cross_entropy_log10(A2, Y):
    return float(-np.sum(Y * np.log10(A2)))


CROSS_ENTROPY = Exercise(
    name="cross_entropy",
    reference=cross_entropy,
    cases=cross_entropy_cases(),
    outputs=lambda function, arguments: number(function(*arguments), "the loss"),
    expected=lambda arguments: {"the loss": TUTORIAL.cross_entropy(*arguments)},
    sizes=lambda arguments: dict(zip(("classes", "examples"), arguments[1].shape)),
    mistakes=(
        Mistake(
            cross_entropy_mean,
            "it averages over the examples: off by a factor of 1/m, m the number of "
            "examples. The tutorial sums the loss over examples.",
        ),
        Mistake(
            cross_entropy_without_minus,
            "the minus sign is missing: log A2 is negative, so the loss is -sum(Y log A2); "
            "minimising this one would make the true classes less likely.",
        ),
        Mistake(
            cross_entropy_of_every_class,
            "it sums log A2 over every class; only each example's true class counts: "
            "multiply by Y before summing.",
        ),
        Mistake(
            cross_entropy_per_example,
            "it returns one number per example: the loss is one number, summed over the "
            "classes and over the examples too.",
        ),
        Mistake(
            cross_entropy_log10,
            "it takes log10, not the natural log: off by a factor of 1/ln 10 = 0.434.",
        ),
    ),
)


# --- backward --------------------------------------------------------------------------

GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2")


def backward_expected(arguments) -> dict[str, np.ndarray]:
    """The gradients by finite differences of the summed cross-entropy; at ReLU's kink
    (a unit exactly at 0), where finite differences average the two slopes, the
    tutorial's convention: the slope is 0 there."""
    params, x0, Y, fwd = arguments
    if (np.abs(fwd.z1) < 1e-3).any():
        return dict(zip(GRADIENT_NAMES, TUTORIAL.backward(*arguments)))

    def loss():
        return TUTORIAL.cross_entropy(TUTORIAL.forward(params, x0).A2, Y)

    return {f"d{name}": numerical_gradient(loss, p) for name, p in zip(Params._fields, params)}


def backward_cases() -> tuple[Case, ...]:
    def with_forward(params, x0, Y):
        return params, x0, Y, TUTORIAL.forward(params, x0)

    blank = (4, 9, 6, 2, 5)
    return network_cases(with_forward) + (
        Case(
            "a 9-6-2 network on 5 images, the last blank, with b1 = 0 (so its hidden "
            "units sit exactly at 0)",
            lambda: with_forward(*random_network(*blank, blank=True)),
        ),
    )


def backward_sign_flipped(params, x0, Y, fwd):
    return Params(*(-d for d in TUTORIAL.backward(params, x0, Y, fwd)))


def backward_without_mask(params, x0, Y, fwd):
    dz2 = fwd.A2 - Y
    dz1 = params.W2.T @ dz2
    return Params(dz1 @ x0.T, dz1.sum(axis=1, keepdims=True), dz2 @ fwd.A1.T,
                  dz2.sum(axis=1, keepdims=True))  # fmt: skip


def backward_mask_at_zero(params, x0, Y, fwd):
    dz2 = fwd.A2 - Y
    dz1 = (params.W2.T @ dz2) * (fwd.z1 >= 0)
    return Params(dz1 @ x0.T, dz1.sum(axis=1, keepdims=True), dz2 @ fwd.A1.T,
                  dz2.sum(axis=1, keepdims=True))  # fmt: skip


def backward_mean(params, x0, Y, fwd):
    return Params(*(d / x0.shape[1] for d in TUTORIAL.backward(params, x0, Y, fwd)))


def backward_bias_not_summed(params, x0, Y, fwd):
    dz2 = fwd.A2 - Y
    dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
    return Params(dz1 @ x0.T, dz1, dz2 @ fwd.A1.T, dz2)


def backward_bias_wrong_axis(params, x0, Y, fwd):
    dz2 = fwd.A2 - Y
    dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
    return Params(dz1 @ x0.T, dz1.sum(axis=0, keepdims=True), dz2 @ fwd.A1.T,
                  dz2.sum(axis=0, keepdims=True))  # fmt: skip


def backward_subtracting_from_A2(params, x0, Y, fwd):
    dz2 = fwd.A2
    dz2 -= Y
    dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
    return Params(dz1 @ x0.T, dz1.sum(axis=1, keepdims=True), dz2 @ fwd.A1.T,
                  dz2.sum(axis=1, keepdims=True))  # fmt: skip


def backward_transposed(params, x0, Y, fwd):
    dz2 = fwd.A2 - Y
    dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
    return Params(x0 @ dz1.T, dz1.sum(axis=1, keepdims=True), fwd.A1 @ dz2.T,
                  dz2.sum(axis=1, keepdims=True))  # fmt: skip


BACKWARD = Exercise(
    name="backward",
    reference=backward,
    cases=backward_cases(),
    outputs=lambda function, arguments: arrays(
        function(*arguments), GRADIENT_NAMES, "a Params(dW1, db1, dW2, db2)", Params
    ),
    expected=backward_expected,
    sizes=lambda arguments: {"examples": arguments[1].shape[1], "classes": arguments[2].shape[0]},
    mistakes=(
        Mistake(
            backward_sign_flipped,
            "the sign is flipped: these gradients point downhill, so a step against them "
            "climbs the loss. dz2 = A2 - Y.",
        ),
        Mistake(
            backward_without_mask,
            "the ReLU's mask is missing: gradient flows back through hidden units that were "
            "off (z1 <= 0). Multiply W2ᵀ dz2 by [z1 > 0].",
        ),
        Mistake(
            backward_mask_at_zero,
            "the ReLU's mask is z1 >= 0: a unit exactly at 0 (a blank image, b1 = 0) passes "
            "gradient, but ReLU's slope there is taken as 0. Use z1 > 0.",
        ),
        Mistake(
            backward_mean,
            "it averages over the examples: every gradient is m times too small, m the "
            "number of examples. The tutorial sums the loss over examples.",
        ),
        Mistake(
            backward_bias_not_summed,
            "the bias gradients are not summed over the examples: a bias enters every "
            "example with weight 1, so db = the sum of dz over the columns, "
            "dz.sum(axis=1, keepdims=True).",
        ),
        Mistake(
            backward_bias_wrong_axis,
            "the bias gradients are summed over the wrong axis: over the units (axis=0) "
            "instead of over the examples (axis=1, keepdims=True).",
        ),
        Mistake(
            backward_transposed,
            "dW1 and dW2 are transposed: dW = dz xᵀ has the shape of W (a row per unit of "
            "the layer, a column per input), not x dzᵀ.",
        ),
        Mistake(
            backward_subtracting_from_A2,
            "dz2 = fwd.A2 is no copy but the forward pass's A2 itself, so dz2 -= Y changes "
            "fwd.A2: training keeps each iteration's A2 (its plots of the probabilities), "
            "which would become A2 - Y. Make a new array: dz2 = fwd.A2 - Y.",
        ),
    ),
)


# --- gradient_step ---------------------------------------------------------------------


def step_cases() -> tuple[Case, ...]:
    def step(seed, lr):
        def make():
            params, _, _ = random_network(seed, 9, 6, 2, 1)
            rng = np.random.default_rng(seed + 100)
            return params, Params(*(rng.normal(size=p.shape) for p in params)), lr

        return make

    return (
        Case("a 9-6-2 network's parameters, learning rate 0.1", step(30, 0.1)),
        Case("a 9-6-2 network's parameters, learning rate 0.02", step(31, 0.02)),
    )


def step_ascent(params, grads, lr):
    return Params(*(p + lr * dp for p, dp in zip(params, grads)))


def step_without_lr(params, grads, lr):
    return Params(*(p - dp for p, dp in zip(params, grads)))


def step_in_place(params, grads, lr):
    for p, dp in zip(params, grads):
        p -= lr * dp
    return params


def step_scaling_gradients_in_place(params, grads, lr):
    for dp in grads:
        dp *= lr
    return Params(*(p - dp for p, dp in zip(params, grads)))


def step_as_list(params, grads, lr):
    return [p - lr * dp for p, dp in zip(params, grads)]


GRADIENT_STEP = Exercise(
    name="gradient_step",
    reference=gradient_step,
    cases=step_cases(),
    outputs=lambda function, arguments: arrays(
        function(*arguments), Params._fields, "a Params of new arrays", Params
    ),
    expected=lambda arguments: TUTORIAL.gradient_step(*arguments)._asdict(),
    mistakes=(
        Mistake(
            step_ascent,
            "the sign is flipped: p + lr dp climbs the loss. Gradient descent steps against "
            "the gradient: p - lr dp.",
        ),
        Mistake(step_without_lr, "the learning rate is not used: each step is lr times dp."),
        Mistake(
            step_in_place,
            "it changes the arrays of params in place (p -= ...): training keeps every "
            "iteration's params in its history, which would all become the last. Return "
            "new arrays, p - lr * dp.",
        ),
        Mistake(
            step_scaling_gradients_in_place,
            "dp *= lr changes the gradients in place: training keeps each iteration's "
            "gradients in its history, which would hold lr times them. Make a new array: "
            "p - lr * dp.",
        ),
        Mistake(
            step_as_list,
            "it returns a list, not a Params: the next forward pass reads the parameters "
            "by name (params.W1), which a list has not. Return Params(...) of the new "
            "arrays.",
        ),
    ),
)


EXERCISES = {
    exercise.name: exercise
    for exercise in (SOFTMAX, FORWARD, CROSS_ENTROPY, BACKWARD, GRADIENT_STEP)
}


def check(function) -> CheckResult:
    """Check your version of one of part one's functions, found by its name: softmax,
    forward, cross_entropy, backward or gradient_step. Shows what is wrong, in words; a
    function that passes is kept in ``yours`` (the training can switch to it)."""
    return check_against(EXERCISES, function)
