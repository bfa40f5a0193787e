"""Part three's exercises: tanh's backward pass, and what the pictures of the plane are
drawn from.

    tanh_backward(y, grad_out)               Tanh.backward: grad_in, from tanh's output y
    grid_predictions(x1, x2, probabilities)  a boundary picture: (classes, confidence)
    switch_line(w, b, x1)                    a first-layer unit's line, x2 along x1

Examples are rows, as in ``scratchnet.nn``. A grid follows ``plane.grids``: x1 (W,) and
x2 (H,), the point of row i, column j is (x1[j], x2[i]), so an (H, W) array is drawn by
``imshow`` or ``pcolormesh`` with x1 across. ``check(function)`` judges the reader's
version of any of them, found by its name; ``YourTanh`` is the library's Tanh, whose
backward pass is the reader's tanh_backward once it passed its check.
"""

from __future__ import annotations

import numpy as np

from ..nn.modules import Tanh, checked_backward, softmax
from .checking import (
    Case,
    CheckResult,
    Exercise,
    Mistake,
    activation_backward,
    arrays,
    check_against,
    one_array,
    yours_or_tutorials,
)

# --- Tanh.backward ---------------------------------------------------------------------


def tanh_backward(y: np.ndarray, grad_out: np.ndarray) -> np.ndarray:
    """The gradient with respect to tanh's input x, given its output y = tanh(x) and
    grad_out = dL/dy, both (batch, units): grad_out (1 - y²), since tanh'(x) = 1 - tanh(x)²."""
    return grad_out * (1 - y**2)


def tanh_backward_slope_at_y(y, grad_out):
    return grad_out * (1 - np.tanh(y) ** 2)


def tanh_backward_without_grad_out(y, grad_out):
    return 1 - y**2


def tanh_backward_square_of_difference(y, grad_out):
    return grad_out * (1 - y) ** 2


def tanh_backward_without_square(y, grad_out):
    return grad_out * (1 - y)


def tanh_backward_sign_flipped(y, grad_out):
    return grad_out * (y**2 - 1)


def tanh_backward_sigmoids(y, grad_out):
    return grad_out * y * (1 - y)


TANH_BACKWARD = activation_backward(
    tanh_backward,
    np.tanh,
    seed=90,
    mistakes=(
        Mistake(
            tanh_backward_slope_at_y,
            "it takes the slope at y, the output, as if it were the input: "
            "tanh'(x) = 1 - tanh(x)² = 1 - y², written in y directly; 1 - tanh(y)² is the "
            "slope at another point.",
        ),
        Mistake(
            tanh_backward_without_grad_out,
            "the chain rule is missing: 1 - y² is tanh's own slope; the gradient of the "
            "loss is grad_out times it.",
        ),
        Mistake(
            tanh_backward_square_of_difference,
            "the square is in the wrong place: tanh'(x) = 1 - y², y squared and then taken "
            "from 1; (1 - y)² squares the difference, and is the slope only where y = 0 "
            "(at y = -0.5 it is 2.25, the slope 0.75).",
        ),
        Mistake(
            tanh_backward_without_square,
            "the square is missing: tanh'(x) = 1 - y². 1 - y is not even symmetric, while "
            "tanh is as steep at -x as at x.",
        ),
        Mistake(
            tanh_backward_sign_flipped,
            "the sign is flipped: y² - 1 is minus the slope; tanh rises everywhere, so its "
            "slope 1 - y² is positive (y lies between -1 and 1).",
        ),
        Mistake(
            tanh_backward_sigmoids,
            "that is the sigmoid's slope, y (1 - y), for outputs between 0 and 1; tanh's, "
            "for outputs between -1 and 1, is 1 - y².",
        ),
    ),
)


# --- a boundary picture's grid of predictions ------------------------------------------


def grid_predictions(x1: np.ndarray, x2: np.ndarray, probabilities):
    """The class a network predicts at each point of the grid x1 (W,), x2 (H,), and how
    sure it is. ``probabilities`` maps points (n, 2) to class probabilities (n, classes).

    Returns (classes, confidence), both (H, W): row i, column j is the point
    (x1[j], x2[i]); its class is the most probable one, its confidence that probability.
    """
    X1, X2 = np.meshgrid(x1, x2)  # (H, W) each: X1[i, j] = x1[j], X2[i, j] = x2[i]
    points = np.column_stack([X1.ravel(), X2.ravel()])  # (H * W, 2), row by row
    p = probabilities(points)  # (H * W, classes)
    p = p.reshape(len(x2), len(x1), p.shape[1])  # (H, W, classes)
    return p.argmax(axis=-1), p.max(axis=-1)


class SmallNetwork:
    """A fixed network of the checker's own, 2 inputs, 5 tanh units, ``classes`` softmax
    outputs, with weights drawn from ``default_rng(seed)``: called on points (n, 2), one
    per row, in the data's units, it gives their class probabilities (n, classes)."""

    def __init__(self, seed: int, classes: int):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (2, 5)), rng.normal(0, 1, 5)
        self.W2, self.b2 = rng.normal(0, 2, (5, classes)), rng.normal(0, 0.5, classes)
        self.classes = classes

    def __call__(self, points) -> np.ndarray:
        points = np.asarray(points, dtype=float)
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(
                f"probabilities takes points as the rows of an (n, 2) array; it was given "
                f"shape {points.shape}" + _how_to_stack(points.shape)
            )
        return softmax(np.tanh(points @ self.W1 + self.b1) @ self.W2 + self.b2)

    def __repr__(self) -> str:
        return f"SmallNetwork(2-5-{self.classes} tanh)"


def _how_to_stack(shape: tuple) -> str:
    """What to do with points of ``shape`` that are not (n, 2): points as columns, or a
    grid of points not yet flattened."""
    if len(shape) == 2 and shape[0] == 2:
        return (
            ": are the points its columns? Stack them as rows, "
            "np.column_stack([X1.ravel(), X2.ravel()])"
        )
    if len(shape) == 3 and shape[-1] == 2:
        return ": a grid of points; make it one point a row first, .reshape(-1, 2)"
    return ""


def grid_cases() -> tuple[Case, ...]:
    """Grids of other sizes along x1 and x2 (a transposed picture has another shape), in
    ranges of their own (points given as (x2, x1) are elsewhere), over which a network
    predicts each of its classes. One network per case, made once, so that every call of
    a case gives the very same arguments (the mutation test compares them by identity)."""

    def grid(seed, classes, x1, x2):
        network = SmallNetwork(seed, classes)
        return lambda: (np.linspace(*x1), np.linspace(*x2), network)

    return (
        Case("a grid of 6 × 4 points (6 along x1, 4 along x2), 3 classes",
             grid(100, 3, (-2.0, 3.0, 6), (-1.0, 1.5, 4))),
        Case("a grid of 4 × 7 points, 3 classes", grid(101, 3, (0.5, 2.5, 4), (-3.0, 3.0, 7))),
        Case("a grid of 5 × 3 points, 2 classes", grid(102, 2, (-1.5, 1.5, 5), (-2.0, 1.0, 3))),
    )  # fmt: skip


def grid_expected(arguments) -> dict[str, np.ndarray]:
    """Point by point: the network asked about (x1[j], x2[i]) alone, for row i, column j."""
    x1, x2, probabilities = arguments
    answers = np.array([[probabilities(np.array([[a, b]]))[0] for a in x1] for b in x2])
    return {"classes": answers.argmax(axis=-1), "confidence": answers.max(axis=-1)}


def grid_outputs(function, arguments) -> dict:
    return arrays(
        function(*arguments), ("classes", "confidence"), "(classes, confidence), two (H, W) arrays"
    )


# Each wrong version below asks the network about a grid of points and reads its answers
# as the reference does, but for one step; ``_answers`` is what they share.


def _answers(probabilities, first, second, rows: int, columns: int) -> np.ndarray:
    """The network's answers at the points (first, second), two arrays of coordinates
    taken in the order of ``ravel``, as an array (rows, columns, classes)."""
    p = probabilities(np.column_stack([first.ravel(), second.ravel()]))
    return p.reshape(rows, columns, p.shape[1])


def grid_predictions_transposed(x1, x2, probabilities):
    X1, X2 = np.meshgrid(x1, x2, indexing="ij")
    p = _answers(probabilities, X1, X2, len(x1), len(x2))
    return p.argmax(axis=-1), p.max(axis=-1)


def grid_predictions_meshgrid_swapped(x1, x2, probabilities):
    X1, X2 = np.meshgrid(x2, x1)
    p = _answers(probabilities, X1, X2, len(x2), len(x1))
    return p.argmax(axis=-1), p.max(axis=-1)


def grid_predictions_meshgrid_swapped_w_by_h(x1, x2, probabilities):
    X1, X2 = np.meshgrid(x2, x1)
    p = _answers(probabilities, X1, X2, *X1.shape)
    return p.argmax(axis=-1), p.max(axis=-1)


def grid_predictions_points_swapped(x1, x2, probabilities):
    X1, X2 = np.meshgrid(x1, x2)
    p = _answers(probabilities, X2, X1, len(x2), len(x1))
    return p.argmax(axis=-1), p.max(axis=-1)


def grid_predictions_reshaped_w_by_h(x1, x2, probabilities):
    X1, X2 = np.meshgrid(x1, x2)
    p = _answers(probabilities, X1, X2, len(x1), len(x2))
    return p.argmax(axis=-1), p.max(axis=-1)


def grid_predictions_argmax_wrong_axis(x1, x2, probabilities):
    p = _answers(probabilities, *np.meshgrid(x1, x2), len(x2), len(x1))
    return p.argmax(axis=1), p.max(axis=-1)


def grid_predictions_confidence_summed(x1, x2, probabilities):
    p = _answers(probabilities, *np.meshgrid(x1, x2), len(x2), len(x1))
    return p.argmax(axis=-1), p.sum(axis=-1)


def grid_predictions_confidence_of_class_1(x1, x2, probabilities):
    p = _answers(probabilities, *np.meshgrid(x1, x2), len(x2), len(x1))
    return p.argmax(axis=-1), p[..., 1]


GRID_PREDICTIONS = Exercise(
    name="grid_predictions",
    reference=grid_predictions,
    cases=grid_cases(),
    outputs=grid_outputs,
    expected=grid_expected,
    mistakes=(
        Mistake(
            grid_predictions_transposed,
            "the picture is transposed: classes and confidence have shape (W, H), a row "
            "for each value of x1. Row i, column j must be the point (x1[j], x2[i]), so "
            "that imshow draws x1 across: np.meshgrid(x1, x2) gives (H, W) arrays with its "
            "default indexing ('xy'); indexing='ij' gives their transpose.",
        ),
        Mistake(
            grid_predictions_meshgrid_swapped,
            "np.meshgrid's arguments are swapped: X1, X2 = np.meshgrid(x2, x1) puts x2's "
            "values in X1, so every point is asked as (x2, x1), the plane mirrored in its "
            "diagonal, and in the order of a (W, H) grid, so that reshaped to (H, W) the "
            "answers land in the wrong places. np.meshgrid(x1, x2) gives X1 and X2, both "
            "(H, W).",
        ),
        Mistake(
            grid_predictions_meshgrid_swapped_w_by_h,
            "np.meshgrid's arguments are swapped: X1, X2 = np.meshgrid(x2, x1) puts x2's "
            "values in X1, so every point is asked as (x2, x1), the plane mirrored in its "
            "diagonal, and the arrays have shape (W, H). np.meshgrid(x1, x2) gives X1 and "
            "X2, both (H, W).",
        ),
        Mistake(
            grid_predictions_points_swapped,
            "each point is given as (x2, x1): the network's first input is x1, so stack "
            "the points as np.column_stack([X1.ravel(), X2.ravel()]). Swapped, it answers "
            "for the plane mirrored in its diagonal.",
        ),
        Mistake(
            grid_predictions_reshaped_w_by_h,
            "the answers are reshaped to (W, H), len(x1) rows: the points run along x1 "
            "first, row by row of the grid, so a row holds the W points of one x2. Reshape "
            "to (len(x2), len(x1), classes).",
        ),
        Mistake(
            grid_predictions_argmax_wrong_axis,
            "the class is the argmax over axis 1, the grid's columns: in probabilities "
            "(H, W, classes) the classes are the last axis, argmax(axis=-1).",
        ),
        Mistake(
            grid_predictions_confidence_summed,
            "the confidence is 1 everywhere: it sums the probabilities, which sum to 1 at "
            "every point. The confidence is the probability of the predicted class, the "
            "largest one, max(axis=-1).",
        ),
        Mistake(
            grid_predictions_confidence_of_class_1,
            "the confidence is the probability of class 1 everywhere, as a picture of two "
            "classes may show; it is the probability of the class predicted at each point, "
            "the largest one, max(axis=-1).",
        ),
    ),
)


# --- a first-layer unit's line ---------------------------------------------------------


def switch_line(w: np.ndarray, b: float, x1: np.ndarray) -> np.ndarray:
    """The line where a first-layer unit switches, its pre-activation
    w[0] x1 + w[1] x2 + b = 0, in the standardised units the network sees: x2 (n,) at
    each of x1 (n,), for the unit's weights w (2,) and bias b.

    Solved for x2, so w[1] must not be 0: where it is, the line is vertical (x1 = -b / w[0]),
    not a function of x1; the checker's cases leave it out.
    """
    return -(w[0] * x1 + b) / w[1]


def switch_cases() -> tuple[Case, ...]:
    """Weights w[0] and w[1] of different sizes, w[1] far from 0 (and not ±1, so a bias
    not divided by it shows), a bias far from 0, x1 across the standardised range."""

    def unit(w, b, x1):
        return lambda: (np.array(w), b, np.array(x1, dtype=float))

    return (
        Case("w = (1.5, -0.8), b = 0.6, 9 values of x1 from -2 to 2",
             unit((1.5, -0.8), 0.6, np.linspace(-2, 2, 9))),
        Case("w = (-0.4, 2.5), b = -1.2 (a float64), 5 values of x1",
             unit((-0.4, 2.5), np.float64(-1.2), np.linspace(-3, 1, 5))),
        Case("w = (2.2, 0.7), b = 1.9, one value of x1", unit((2.2, 0.7), 1.9, [0.3])),
    )  # fmt: skip


def switch_expected(arguments) -> dict[str, np.ndarray]:
    """From w[0] x1 + w[1] x2 + b = 0: w[1] x2 = -b - w[0] x1."""
    w, b, x1 = arguments
    return {"x2": (-b - w[0] * x1) / w[1]}


def switch_line_bias_sign(w, b, x1):
    return -(w[0] * x1 - b) / w[1]


def switch_line_over_w0(w, b, x1):
    return -(w[0] * x1 + b) / w[0]


def switch_line_weights_swapped(w, b, x1):
    return -(w[1] * x1 + b) / w[0]


def switch_line_without_bias(w, b, x1):
    return -w[0] * x1 / w[1]


def switch_line_slope_sign(w, b, x1):
    return (w[0] * x1 - b) / w[1]


def switch_line_sign_flipped(w, b, x1):
    return (w[0] * x1 + b) / w[1]


def switch_line_bias_not_divided(w, b, x1):
    return -w[0] / w[1] * x1 - b


SWITCH_LINE = Exercise(
    name="switch_line",
    reference=switch_line,
    cases=switch_cases(),
    outputs=lambda function, arguments: {"x2": one_array(function(*arguments), "x2")},
    expected=switch_expected,
    mistakes=(
        Mistake(
            switch_line_bias_sign,
            "the bias has the wrong sign: from w[0] x1 + w[1] x2 + b = 0, w[1] x2 = "
            "-(w[0] x1 + b); b crosses the = with w[0] x1, and both change sign.",
        ),
        Mistake(
            switch_line_over_w0,
            "it divides by w[0], x1's weight: solving w[0] x1 + w[1] x2 + b = 0 for x2 "
            "divides by x2's weight, w[1].",
        ),
        Mistake(
            switch_line_weights_swapped,
            "w[0] and w[1] are swapped: w[0] multiplies x1 and w[1] multiplies x2, so "
            "x2 = -(w[0] x1 + b) / w[1]. Swapped, it is the line mirrored in the diagonal.",
        ),
        Mistake(
            switch_line_without_bias,
            "the bias is missing: this line passes through (0, 0), where the pre-activation "
            "is b, not 0. The bias moves the line off the origin: x2 = -(w[0] x1 + b) / w[1].",
        ),
        Mistake(
            switch_line_slope_sign,
            "the slope has the wrong sign: w[0] x1 changes sign as it crosses the =, as b "
            "does, so the slope is -w[0] / w[1]. This line crosses x2's axis in the right "
            "place but leans the other way.",
        ),
        Mistake(
            switch_line_sign_flipped,
            "the sign is flipped: w[1] x2 = -(w[0] x1 + b), both terms change sign as they "
            "cross the =. This is the line mirrored in the x1 axis.",
        ),
        Mistake(
            switch_line_bias_not_divided,
            "the bias is not divided by w[1]: both terms are, x2 = -(w[0] x1 + b) / w[1]. "
            "This line has the right slope but crosses x2's axis at -b, not -b / w[1].",
        ),
    ),
)


EXERCISES = {exercise.name: exercise for exercise in (TANH_BACKWARD, GRID_PREDICTIONS, SWITCH_LINE)}


def check(function) -> CheckResult:
    """Check your version of one of part three's functions, found by its name:
    tanh_backward, grid_predictions or switch_line. Shows what is wrong, in words; a
    function that passes is kept in ``yours``."""
    return check_against(EXERCISES, function)


class YourTanh(Tanh):
    """Tanh, whose backward pass is your tanh_backward of its output once it passed its
    check, and the tutorial's until then."""

    @checked_backward
    def backward(self, grad_out: np.ndarray, *, input_grad: bool = True) -> np.ndarray:
        return yours_or_tutorials(TANH_BACKWARD)(self._y, grad_out)
