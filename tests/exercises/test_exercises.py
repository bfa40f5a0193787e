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

from scratchnet.exercises import checking, digits, lines
from scratchnet.lines import network

PARTS = {"lines": lines, "digits": digits}


def exercises_of(part: str) -> dict:
    return lines.PART_ONE if part == "lines" else digits.PART_TWO


EXERCISES = [(part, name) for part in PARTS for name in exercises_of(part)]


def as_readers(function, name: str):
    """``function`` as a reader's cell defines it: the same code, under the exercise's name."""
    return types.FunctionType(function.__code__, function.__globals__, name)


MISTAKES = [
    pytest.param(part, name, mistake, id=f"{name}-{mistake.function.__name__}")
    for part, name in EXERCISES
    for mistake in exercises_of(part)[name].mistakes
]


@pytest.fixture(autouse=True)
def _forget_yours():
    checking.yours.clear()
    yield
    checking.yours.clear()


@pytest.mark.parametrize(("part", "name"), EXERCISES, ids=[name for _, name in EXERCISES])
def test_the_reference_passes(part, name):
    exercise = exercises_of(part)[name]
    result = PARTS[part].check(exercise.reference)
    assert result.passed and result, result
    assert result.diagnosis.startswith(f"right on all {len(exercise.cases)} cases")
    assert checking.yours[name] is exercise.reference


@pytest.mark.parametrize(("part", "name", "mistake"), MISTAKES)
def test_every_catalogued_mistake_fails_with_its_own_diagnosis(part, name, mistake):
    result = PARTS[part].check(as_readers(mistake.function, name))
    assert not result.passed and not result
    assert result.diagnosis == mistake.diagnosis
    assert name not in checking.yours


def test_the_catalogues_are_what_the_pages_promise():
    assert list(lines.PART_ONE) == [
        "softmax", "forward", "cross_entropy", "backward", "gradient_step"
    ]  # fmt: skip
    assert len(digits.PART_TWO) >= 3
    for part, name in EXERCISES:
        diagnoses = [m.diagnosis for m in exercises_of(part)[name].mistakes]
        assert len(diagnoses) >= 3 and len(set(diagnoses)) == len(diagnoses), name


@pytest.mark.parametrize("name", list(lines.PART_ONE))
def test_part_ones_exercises_are_the_tutorials_functions(name):
    """Exactly the name and signature of scratchnet.lines.network's function."""
    assert lines.PART_ONE[name].reference is getattr(network, name)


@pytest.mark.parametrize(("part", "name"), EXERCISES, ids=[name for _, name in EXERCISES])
def test_an_unwritten_stub_says_so(part, name):
    def stub(*arguments):
        raise NotImplementedError

    result = PARTS[part].check(as_readers(stub, name))
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
    assert result.diagnosis.startswith("on random logits")
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
    assert (
        "a matrix product does not fit: `x0 @ params.W1` multiplies (9, 24) by (6, 9), and the "
        "left's columns (24) must match the right's rows (6)"
    ) in result.diagnosis


def test_a_transposed_gradient_that_does_not_fit_is_named_too():
    def backward(params, x0, Y, fwd):
        dz2 = fwd.A2 - Y
        dz1 = (params.W2 @ dz2) * (fwd.z1 > 0)
        return network.Params(dz1 @ x0.T, dz1.sum(1, keepdims=True), dz2 @ fwd.A1.T, dz2)

    result = lines.check(backward)
    assert "`params.W2 @ dz2` multiplies (2, 6) by (2, 24)" in result.diagnosis


def test_the_loss_with_a_small_constant_in_the_log_passes():
    def cross_entropy(A2, Y):
        return -np.sum(Y * np.log(A2 + 1e-12))

    assert lines.check(cross_entropy).passed


def test_right_answers_written_another_way_pass():
    def softmax(z):  # log-sum-exp, rows of a transpose
        shifted = (z - z.max(axis=0)).T
        return np.exp(shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))).T

    def backward(params, x0, Y, fwd):  # a plain tuple in Params' order, sums by einsum
        dz2 = fwd.A2 - Y
        dz1 = np.where(fwd.A1 > 0, params.W2.T @ dz2, 0.0)
        return (np.einsum("hm,im->hi", dz1, x0), dz1 @ np.ones((x0.shape[1], 1)),
                dz2 @ fwd.A1.T, dz2.sum(axis=1)[:, None])  # fmt: skip

    def batches(n, batch_size, rng):  # a list, shuffled in place by rng
        order = np.arange(n)
        rng.shuffle(order)
        size = batch_size or n
        return [np.sort(order[s : s + size]) if batch_size is None else order[s : s + size]
                for s in range(0, n, size)]  # fmt: skip

    for part, function in (("lines", softmax), ("lines", backward), ("digits", batches)):
        result = PARTS[part].check(function)
        assert result.passed, result


def test_a_mistake_outside_the_catalogue_is_described_by_case_output_and_entries():
    def backward(params, x0, Y, fwd):
        right = network.backward(params, x0, Y, fwd)
        dW1 = right.W1.copy()
        dW1[0, 0] += 1.0  # one entry off by 1
        return right._replace(W1=dW1)

    result = lines.check(backward)
    assert result.diagnosis.startswith("on the tutorial's shapes")
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
    right = lines.PART_ONE["gradient_step"].reference
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
    monkeypatch.setitem(vars(PARTS[part]), name, readers)
    result = PARTS[part].check(readers)
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
        assert digits.check(digits.PART_TWO[name].reference).passed
    np.testing.assert_array_equal(history(*yours), library)
    checking.yours["sgd_step"] = digits.sgd_step_ascent  # as if it had passed: it is used
    assert history(*yours)[-1] > library[-1]
