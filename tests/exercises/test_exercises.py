"""The checker tested like any other code: every exercise's reference passes, every
catalogued mistake fails with its own diagnosis, and whatever else a reader writes (a
stub, a function that raises, a product whose shapes do not fit, a right answer written
another way) gets a sentence, never a traceback."""

from __future__ import annotations

import ast
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from exercise_parts import EXERCISES, PARTS

from scratchnet.exercises import checking, digits, lines, plane
from scratchnet.lines import network


def check(part: str, function) -> checking.CheckResult:
    """``check(function)`` of the part's notebook."""
    return checking.check_against(PARTS[part], function)


def as_readers(function, name: str):
    """``function`` as a reader's cell defines it: the same code, under the exercise's name."""
    return types.FunctionType(function.__code__, function.__globals__, name)


MISTAKES = [
    pytest.param(part, name, mistake, id=f"{name}-{mistake.function.__name__}")
    for part, name in EXERCISES
    for mistake in PARTS[part][name].mistakes
]


@pytest.fixture(autouse=True)
def _forget_yours():
    checking.yours.clear()
    yield
    checking.yours.clear()


@pytest.mark.parametrize(("part", "name"), EXERCISES, ids=[name for _, name in EXERCISES])
def test_the_reference_passes(part, name):
    exercise = PARTS[part][name]
    result = check(part, exercise.reference)
    assert result.passed and result, result
    assert result.diagnosis.startswith(f"right on all {len(exercise.cases)} cases")
    assert checking.yours[name] is exercise.reference


@pytest.mark.parametrize(("part", "name", "mistake"), MISTAKES)
def test_every_catalogued_mistake_fails_with_its_own_diagnosis(part, name, mistake):
    result = check(part, as_readers(mistake.function, name))
    assert not result.passed and not result
    assert result.diagnosis == mistake.diagnosis
    assert name not in checking.yours


def test_the_catalogues_are_what_the_pages_promise():
    assert list(lines.EXERCISES) == [
        "softmax", "forward", "cross_entropy", "backward", "gradient_step"
    ]  # fmt: skip
    assert len(digits.EXERCISES) >= 3
    assert list(plane.EXERCISES) == ["tanh_backward", "grid_predictions", "switch_line"]
    for part, name in EXERCISES:
        diagnoses = [m.diagnosis for m in PARTS[part][name].mistakes]
        assert len(diagnoses) >= 3 and len(set(diagnoses)) == len(diagnoses), name


@pytest.mark.parametrize("name", list(lines.EXERCISES))
def test_part_ones_exercises_are_the_tutorials_functions(name):
    """Exactly the name and signature of scratchnet.lines.network's function."""
    assert lines.EXERCISES[name].reference is getattr(network, name)


@pytest.mark.parametrize(("part", "name"), EXERCISES, ids=[name for _, name in EXERCISES])
def test_an_unwritten_stub_says_so(part, name):
    def stub(*arguments):
        raise NotImplementedError

    result = check(part, as_readers(stub, name))
    assert not result.passed
    assert result.diagnosis.startswith("not written yet")


def test_a_function_without_return_is_told_so():
    def forward(params, x0):
        z1 = params.W1 @ x0 + params.b1  # noqa: F841

    result = lines.check(forward)
    assert "returned None" in result.diagnosis and "return" in result.diagnosis


def test_a_function_that_raises_gets_a_sentence_naming_the_line():
    def softmax(z):
        e = np.exp(z - z.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True) + undefined_name  # noqa: F821

    result = lines.check(softmax)
    assert not result.passed
    assert result.diagnosis.startswith("for random logits")
    assert "raised NameError in `return e / e.sum(axis=0, keepdims=True) + undefined_name" in (
        result.diagnosis
    )
    assert "Traceback" not in result.diagnosis


def test_a_product_that_does_not_fit_names_the_product_and_both_shapes():
    def forward(params, x0):
        z1 = x0 @ params.W1 + params.b1  # examples as rows: part two's convention
        A1 = np.maximum(z1, 0)
        z2 = params.W2 @ A1 + params.b2
        return network.Forward(z1, A1, z2, network.softmax(z2))

    result = lines.check(forward)
    assert not result.passed
    assert result.diagnosis.endswith(
        "a matrix product does not fit: `x0 @ params.W1` multiplies (9, 24) by (6, 9), and the "
        "left's columns (24) must match the right's rows (6). Are they in the wrong order? "
        "`params.W1 @ x0` would fit."
    )


def test_a_transposed_gradient_that_does_not_fit_is_named_too():
    def backward(params, x0, Y, fwd):
        dz2 = fwd.A2 - Y
        dz1 = (params.W2 @ dz2) * (fwd.z1 > 0)
        return network.Params(dz1 @ x0.T, dz1.sum(1, keepdims=True), dz2 @ fwd.A1.T, dz2)

    result = lines.check(backward)
    assert "`params.W2 @ dz2` multiplies (2, 6) by (2, 24)" in result.diagnosis
    assert result.diagnosis.endswith(
        "Is `params.W2` meant transposed? `params.W2.T @ dz2` would fit."
    )


def test_relu_as_a_max_over_an_axis_is_told_so_not_that_something_is_transposed():
    """np.max(z1, 0) is each column's largest entry: A1 loses an axis, and the product
    after it fails. No transpose would make it fit."""

    def forward(params, x0):
        z1 = params.W1 @ x0 + params.b1
        A1 = np.max(z1, 0)
        z2 = params.W2 @ A1 + params.b2
        return network.Forward(z1, A1, z2, network.softmax(z2))

    diagnosis = lines.check(forward).diagnosis
    assert "`A1` has one axis only, shape (24,)" in diagnosis
    assert "np.maximum(z, 0)" in diagnosis
    assert "transposed" not in diagnosis


def test_a_missing_bias_is_named():
    """Adding b1 makes every entry of z1 right: the diagnosis says so, by name."""

    def forward(params, x0):
        z1 = params.W1 @ x0
        A1 = np.maximum(z1, 0)
        z2 = params.W2 @ A1 + params.b2
        return network.Forward(z1, A1, z2, network.softmax(z2))

    assert lines.check(forward).diagnosis == (
        "for a 9-6-2 network on 24 images: z1 lacks params.b1: adding params.b1 gives the "
        "right z1 in all 144 entries"
    )


def test_a_factor_that_is_one_over_a_size_is_said_to_be_so():
    """1/576 = 1/m² (divided by m twice); 1/48 = 1/(2 classes x 24 examples), a mean over
    every entry of A2 where the tutorial sums."""

    def backward(params, x0, Y, fwd):
        m = x0.shape[1]
        dz2 = (fwd.A2 - Y) / m
        dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
        return network.Params(dz1 @ x0.T / m, dz1.sum(axis=1, keepdims=True) / m,
                              dz2 @ fwd.A1.T / m, dz2.sum(axis=1, keepdims=True) / m)  # fmt: skip

    def cross_entropy(A2, Y):
        return -np.mean(Y * np.log(A2))

    def mse_backward(y, t):
        return 2 * (y - t) * len(y)

    assert lines.check(backward).diagnosis.endswith(
        "dW1 is off by a factor of 0.001736 = 1/576, one over the number of examples "
        "squared (24²): divided by it twice?"
    )
    assert lines.check(cross_entropy).diagnosis.endswith(
        "the loss is off by a factor of 0.02083 = 1/48, one over the number of entries "
        "(2 classes × 24 examples): a mean over every entry?"
    )
    assert digits.check(mse_backward).diagnosis.endswith(
        "dL/dy is off by a factor of 25, the number of examples squared (5²)"
    )


def test_an_argument_changed_in_place_is_named_wherever_it_is():
    """Any array the function is given, alone or in a tuple or list, must come back
    unchanged; the sentence names it as the code would."""

    def backward(params, x0, Y, fwd):
        fwd.z1[fwd.z1 < 0] = 0  # an in-place ReLU on the forward pass's own z1
        return network.backward(params, x0, Y, fwd)

    def forward(params, x0):
        x0 /= x0.max()
        return network.forward(params, x0)

    def sgd_step(params, grads, lr):
        for p, g in zip(params, grads):
            g *= lr
            p -= g

    def switch_line(w, b, x1):
        x1 *= -w[0] / w[1]  # the slope, times x1, in x1's own array
        return x1 - b / w[1]

    for part, function, changed in (
        ("lines", backward, "fwd.z1"),
        ("lines", forward, "x0"),
        ("digits", sgd_step, "grads[0], grads[1], arrays"),
        ("plane", switch_line, "x1"),
    ):
        result = check(part, function)
        assert not result.passed
        assert f"it changes {changed}" in result.diagnosis, result
        assert "in place" in result.diagnosis


def test_what_is_returned_must_be_what_the_code_that_calls_it_uses():
    """Numpy arrays, not lists; the named tuple whose fields are read by name."""

    def forward(params, x0):
        return tuple(network.forward(params, x0))

    def backward(params, x0, Y, fwd):
        return list(network.backward(params, x0, Y, fwd))

    def linear_backward(x, W, grad_out):
        return (grad_out @ W.T).tolist(), x.T @ grad_out, grad_out.sum(axis=0)

    def mse_backward(y, t):
        return list(2 * (y - t) / len(y))

    def grid_predictions(x1, x2, probabilities):
        classes, confidence = plane.grid_predictions(x1, x2, probabilities)
        return classes.tolist(), confidence

    assert check("lines", forward).diagnosis.endswith(
        "it returned a tuple of 4, not a Forward: the code that uses the result may read it "
        "by name (.z1, .A1, .z2, .A2), which a tuple cannot do. Return a Forward(z1, A1, z2, A2)."
    )
    assert "it returned a list of 4, not a Params" in check("lines", backward).diagnosis
    assert "grad_x is a list of 5, not a numpy array" in check("digits", linear_backward).diagnosis
    assert "dL/dy is a list of 5, not a numpy array" in check("digits", mse_backward).diagnosis
    assert "classes is a list of 4, not a numpy array" in plane.check(grid_predictions).diagnosis


def test_batches_must_allow_one_example_per_batch():
    """batch_size 1 is plain SGD: refusing it, or giving a lone index, fails there."""

    def batches(n, batch_size, rng):
        if batch_size is not None and batch_size < 2:
            raise ValueError("a batch needs at least 2 examples")
        size = batch_size or n
        order = rng.permutation(n) if batch_size else np.arange(n)
        for start in range(0, n, size):
            yield order[start : start + size]

    def batches_of_lone_indices(n, batch_size, rng):
        size = batch_size or n
        order = rng.permutation(n) if batch_size else np.arange(n)
        for start in range(0, n, size):
            batch = order[start : start + size]
            yield batch if len(batch) > 1 else batch[0]

    refusing = digits.check(batches)
    assert refusing.diagnosis.startswith("for 6 examples one at a time (batch_size 1")
    assert "raised ValueError" in refusing.diagnosis
    lone = digits.check(as_readers(batches_of_lone_indices, "batches"))
    assert "not a list of indices: x[batch] must keep the rows" in lone.diagnosis


def test_sgd_step_must_change_the_arrays_the_layers_own():
    """A new array put in the list never reaches the layer that owns the old one."""

    def sgd_step(params, grads, lr):
        for i, g in enumerate(grads):
            params[i] = params[i] - lr * g

    rebinding = digits.SGD_STEP.mistakes[1]
    assert digits.check(sgd_step).diagnosis == rebinding.diagnosis


def test_the_cases_are_named_as_the_checkers_own_not_as_the_run():
    """A reader whose run has 8 hidden units must not read "the tutorial's shapes (6
    hidden units)": each case says what it is, "a 9-6-2 network on 24 images"."""
    for part, name in EXERCISES:
        for case in PARTS[part][name].cases:
            assert "tutorial" not in case.name, (name, case.name)
    assert lines.BACKWARD.cases[0].name == "a 9-6-2 network on 24 images"


def test_the_loss_with_a_small_constant_in_the_log_passes():
    def cross_entropy(A2, Y):
        return -np.sum(Y * np.log(A2 + 1e-12))

    assert lines.check(cross_entropy).passed


def test_right_answers_written_another_way_pass():
    def softmax(z):  # log-sum-exp, rows of a transpose
        shifted = (z - z.max(axis=0)).T
        return np.exp(shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))).T

    def backward(params, x0, Y, fwd):  # Params by keyword, sums by einsum
        dz2 = fwd.A2 - Y
        dz1 = np.where(fwd.A1 > 0, params.W2.T @ dz2, 0.0)
        return network.Params(W2=dz2 @ fwd.A1.T, b2=dz2.sum(axis=1)[:, None],
                              W1=np.einsum("hm,im->hi", dz1, x0),
                              b1=dz1 @ np.ones((x0.shape[1], 1)))  # fmt: skip

    def batches(n, batch_size, rng):  # a list, shuffled in place by rng
        order = np.arange(n)
        rng.shuffle(order)
        size = batch_size or n
        return [np.sort(order[s : s + size]) if batch_size is None else order[s : s + size]
                for s in range(0, n, size)]  # fmt: skip

    def tanh_backward(y, grad_out):  # 1 - y² factored
        return grad_out * (1 - y) * (1 + y)

    def grid_predictions(x1, x2, probabilities):  # a grid of points, flattened; a list in
        grid = np.stack(np.meshgrid(x1, x2), axis=-1)  # (H, W, 2)
        p = probabilities(grid.reshape(-1, 2).tolist()).reshape(*grid.shape[:2], -1)
        return np.argmax(p, axis=2), np.take_along_axis(p, p.argmax(2)[..., None], 2)[..., 0]

    def switch_line(w, b, x1):  # x2 = slope x1 + intercept
        slope, intercept = -w[0] / w[1], -b / w[1]
        return slope * x1 + intercept

    for part, function in (
        ("lines", softmax), ("lines", backward), ("digits", batches),
        ("plane", tanh_backward), ("plane", grid_predictions), ("plane", switch_line),
    ):  # fmt: skip
        result = check(part, function)
        assert result.passed, result


def test_a_mistake_outside_the_catalogue_is_described_by_case_output_and_entries():
    def backward(params, x0, Y, fwd):
        right = network.backward(params, x0, Y, fwd)
        dW1 = right.W1.copy()
        dW1[0, 0] += 1.0  # one entry off by 1
        return right._replace(W1=dW1)

    result = lines.check(backward)
    assert result.diagnosis.startswith("for a 9-6-2 network on 24 images")
    assert "dW1 is wrong in 1 of 54 entries, by up to 1 (entry [0, 0]:" in result.diagnosis


def test_a_wrong_factor_and_a_flipped_sign_outside_the_catalogue_are_named():
    def mse_backward(y, t):
        return 3 * (y - t) / len(y)

    def linear_backward(x, W, grad_out):
        return -(grad_out @ W.T), x.T @ grad_out, grad_out.sum(axis=0)

    assert "dL/dy is off by a factor of 1.5" in digits.check(mse_backward).diagnosis
    assert "grad_x has the sign flipped" in digits.check(linear_backward).diagnosis


def test_odd_results_and_names_get_sentences():
    def forward(params, x0):
        return "z1, A1, z2, A2"

    def sofmax(z):
        return z

    assert lines.check(forward).diagnosis.endswith(
        "it returned a str; expected a Forward(z1, A1, z2, A2)"
    )
    result = lines.check(sofmax)
    assert not result.passed
    assert "no exercise is called 'sofmax'" in result.diagnosis
    assert "softmax, forward, cross_entropy, backward, gradient_step" in result.diagnosis
    assert "sofmax" in repr(result) and repr(result).startswith("✗")


def test_yours_keeps_the_latest_version_that_passed():
    right = lines.EXERCISES["gradient_step"].reference
    assert lines.check(right).passed and checking.yours == {"gradient_step": right}
    wrong = as_readers(lines.step_ascent, "gradient_step")
    assert not lines.check(wrong).passed
    assert checking.yours == {}


def test_finite_differences_give_the_gradient_and_restore_the_array():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    gradient = checking.numerical_gradient(lambda: float(np.sum(x**3)), x)
    np.testing.assert_allclose(gradient, 3 * before**2, rtol=1e-8)
    np.testing.assert_array_equal(x, before)


def test_the_checker_needs_numpy_alone():
    """It runs in any notebook with numpy: the standard library and numpy, nothing else
    imported (the package's own modules aside)."""
    folder = Path(checking.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in {"numpy", "__future__"}, (
                    path.name,
                    name,
                )


@pytest.mark.parametrize(("part", "name", "mistake"), MISTAKES)
def test_a_mistake_is_named_even_when_it_has_taken_the_tutorials_name(
    part, name, mistake, monkeypatch
):
    """In a notebook every name lives in one namespace: the reader's cell rebinds
    `softmax` in the checker's namespace too. The check must still compare with the
    tutorial's function, never with the reader's own."""
    readers = as_readers(mistake.function, name)
    exercises_module = sys.modules[mistake.function.__module__]
    monkeypatch.setitem(vars(exercises_module), name, readers)
    result = check(part, readers)
    assert not result.passed
    assert result.diagnosis == mistake.diagnosis


def test_the_layers_with_yours_train_as_the_librarys_until_yours_differ():
    """YourLinear, YourSigmoid, YourMSE and YourSGD compute with the tutorial's functions
    until the reader's pass their checks, and then with the reader's."""
    from scratchnet import nn

    rng = np.random.default_rng(0)
    x, labels = rng.normal(size=(40, 6)), rng.integers(0, 10, 40)

    def history(layers, loss, optimiser):
        model = nn.Sequential(
            [layers[0](6, 5, rng=np.random.default_rng(1)), layers[1](),
             layers[0](5, 10, rng=np.random.default_rng(2)), layers[1]()]
        )  # fmt: skip
        fitted = nn.fit(model, loss(), optimiser(model.parameters(), 0.5), x, labels, epochs=3,
                        batch_size=8, rng=np.random.default_rng(3))  # fmt: skip
        return fitted.loss

    library = history((nn.Linear, nn.Sigmoid), nn.MSE, nn.SGD)
    yours = (digits.YourLinear, digits.YourSigmoid), digits.YourMSE, digits.YourSGD
    np.testing.assert_array_equal(history(*yours), library)
    for name in ("linear_backward", "sigmoid_backward", "mse_backward", "sgd_step"):
        assert digits.check(digits.EXERCISES[name].reference).passed
    np.testing.assert_array_equal(history(*yours), library)
    checking.yours["sgd_step"] = digits.sgd_step_ascent  # as if it had passed: it is used
    assert history(*yours)[-1] > library[-1]


def test_a_picture_transposed_another_way_is_named_as_transposed():
    """np.meshgrid(x2, x1) unpacked as X2, X1 and reshaped to X1's shape gives each
    answer at its point, in the transposed picture: the catalogue's first mistake."""

    def grid_predictions(x1, x2, probabilities):
        X2, X1 = np.meshgrid(x2, x1)  # (W, H)
        p = probabilities(np.column_stack([X1.ravel(), X2.ravel()])).reshape(*X1.shape, -1)
        return p.argmax(axis=-1), p.max(axis=-1)

    transposed = plane.GRID_PREDICTIONS.mistakes[0]
    assert transposed.function is plane.grid_predictions_transposed
    assert plane.check(grid_predictions).diagnosis == transposed.diagnosis


def test_points_given_as_columns_or_as_a_grid_are_told_how_to_stack_them():
    def grid_predictions(x1, x2, probabilities):
        X1, X2 = np.meshgrid(x1, x2)
        p = probabilities(np.stack([X1.ravel(), X2.ravel()]))
        return p.argmax(axis=0).reshape(X1.shape), p.max(axis=0).reshape(X1.shape)

    def grid_predictions_unflattened(x1, x2, probabilities):
        p = probabilities(np.stack(np.meshgrid(x1, x2), axis=-1))
        return p.argmax(axis=-1), p.max(axis=-1)

    columns = plane.check(grid_predictions).diagnosis
    assert "raised ValueError in `p = probabilities(np.stack([X1.ravel(), X2.ravel()]))`" in (
        columns
    )
    assert columns.endswith(
        "probabilities takes points as the rows of an (n, 2) array; it was given shape "
        "(2, 24): are the points its columns? Stack them as rows, "
        "np.column_stack([X1.ravel(), X2.ravel()])"
    )
    unflattened = plane.check(as_readers(grid_predictions_unflattened, "grid_predictions"))
    assert unflattened.diagnosis.endswith(
        "it was given shape (4, 6, 2): a grid of points; make it one point a row first, "
        ".reshape(-1, 2)"
    )


def test_the_grids_are_not_square_and_show_every_class():
    """So a transposed picture has another shape, and an argmax over another axis, or a
    confidence of one class, differs somewhere."""
    for case in plane.GRID_PREDICTIONS.cases:
        x1, x2, network = case.arguments()
        assert len({len(x1), len(x2), network.classes}) == 3, case.name
        classes = plane.grid_expected((x1, x2, network))["classes"]
        assert set(classes.ravel()) == set(range(network.classes)), case.name


def test_switch_lines_are_tried_on_units_whose_line_is_no_vertical():
    """x2 as a function of x1 needs w[1] far from 0: a vertical line (w[1] = 0) is no
    function of x1, and is left out. Each case's answer lies on its unit's line."""
    for case in plane.SWITCH_LINE.cases:
        w, b, x1 = case.arguments()
        assert abs(w[1]) >= 0.5 and abs(abs(w[1]) - 1) > 0.1 and b != 0, case.name
        x2 = plane.switch_expected((w, b, x1))["x2"]
        np.testing.assert_allclose(w[0] * x1 + w[1] * x2 + b, 0, atol=1e-12)


def test_a_backward_pass_averaged_over_the_batch_is_told_the_factor():
    def tanh_backward(y, grad_out):
        return grad_out * (1 - y**2) / len(y)

    assert plane.check(tanh_backward).diagnosis == (
        "for a batch of 4, 3 features: grad_in is off by a factor of 0.25 = 1/4, one over "
        "the number of examples (4)"
    )


def test_your_tanh_trains_as_the_librarys_until_yours_differs():
    from scratchnet import nn

    rng = np.random.default_rng(0)
    x, labels = rng.normal(size=(30, 2)), rng.integers(0, 3, 30)

    def history(tanh):
        model = nn.Sequential([nn.Linear(2, 6, rng=np.random.default_rng(1)), tanh(),
                               nn.Linear(6, 3, rng=np.random.default_rng(2))])  # fmt: skip
        fitted = nn.fit(model, nn.CrossEntropy(), nn.SGD(model.parameters(), 0.5), x, labels,
                        epochs=5, rng=np.random.default_rng(3))  # fmt: skip
        return fitted.loss

    library = history(nn.Tanh)
    np.testing.assert_array_equal(history(plane.YourTanh), library)
    assert plane.check(plane.tanh_backward).passed
    np.testing.assert_array_equal(history(plane.YourTanh), library)
    checking.yours["tanh_backward"] = plane.tanh_backward_sign_flipped  # as if it had passed
    assert history(plane.YourTanh)[-1] > library[-1]
