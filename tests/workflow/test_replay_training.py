"""The replay page's own training, in headless Chromium, held to numpy's: its trainer
(docs/javascripts/explore/train.js) retraces the saved run and a branch as
scratchnet.lines.training computes them, to 1e-9; an edited weight, the formulas behind
the cells and the backward view give numpy's numbers, a value typed into a cell from the
keyboard too; links with branches and edits round-trip, and bad ones give a note, never a
console error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scratchnet.lines.datasets import read_csv
from scratchnet.lines.network import Params, backward, cross_entropy, forward, one_hot
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import train

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
REPLAY = "explore/replay/"
RTOL = 1e-9


def ready(page):
    page.wait_for_selector("[data-ready=true]", timeout=15_000)
    return page


def trained(page):
    """The page once the branch it is training has trained as far as it will."""
    page.wait_for_function("document.querySelector('#replay').dataset.training !== 'true'")
    return page


@pytest.fixture(scope="module")
def history(built):
    return load_history(built / "results" / "training" / "history.npz")


@pytest.fixture(scope="module")
def train_set(built):
    return read_csv(built / "results" / "data" / "train.csv")


# The page's own modules, imported in the page, train from the page's own data.
TRAIN_IN_PAGE = """async ({ from, lr, until, edits }) => {
  const base = new URL("../../javascripts/explore/", window.location.href);
  const { loadArrays, loadJson } = await import(new URL("data.js", base));
  const { Experiment } = await import(new URL("experiment.js", base));
  const { matrix } = await import(new URL("matrix.js", base));
  const indexUrl = new URL("../data/replay/index.json", window.location.href);
  const index = await loadJson(indexUrl);
  const run = index.runs[0];
  const saved = await loadArrays(indexUrl, run.data);
  const { x0 } = await loadArrays(indexUrl, index.training_set);
  const experiment = new Experiment(saved, matrix(...x0.shape, x0.values), index.labels,
    run.settings.lr);
  experiment.startBranch({ from, lr: lr ?? run.settings.lr, until, edits });
  experiment.grow();
  const last = experiment.paramsAt(experiment.last);
  return {
    loss: experiment.branch.loss,
    params: Object.fromEntries(Object.entries(last).map(([k, m]) => [k, Array.from(m.values)])),
    stopped: experiment.branch.stopped,
  };
}"""


def assert_params_close(shown: dict, expected: Params):
    """Each entry to RTOL relative to its array's largest entry."""
    for name, array in zip(Params._fields, expected):
        got = np.array(shown[name]).reshape(array.shape)
        scale = np.abs(array).max()
        np.testing.assert_allclose(got, array, rtol=0, atol=RTOL * scale, err_msg=name)


def test_the_pages_trainer_retraces_the_saved_run_to_1e_9(open_page, history):
    page = ready(open_page(REPLAY))
    out = page.evaluate(TRAIN_IN_PAGE, {"from": 0, "lr": None, "until": 200, "edits": []})
    assert len(out["loss"]) == history.iterations + 1 == 201
    np.testing.assert_allclose(out["loss"], history.loss, rtol=RTOL, atol=0)
    assert_params_close(out["params"], history.params_at(history.iterations))


def test_a_branch_at_40_equals_numpys_training_from_those_parameters(open_page, history, train_set):
    lr = 0.05
    numpy = train(
        train_set.x0(), train_set.labels, lr=lr, iterations=160, start=history.params_at(40)
    )
    page = ready(open_page(REPLAY))
    out = page.evaluate(TRAIN_IN_PAGE, {"from": 40, "lr": lr, "until": 200, "edits": []})
    np.testing.assert_allclose(out["loss"], numpy.loss, rtol=RTOL, atol=0)
    assert_params_close(out["params"], numpy.params_at(160))
    assert not np.allclose(numpy.loss, history.loss[40:])  # another rate, another run

    # The page itself, from the link: iteration 120 is 80 updates after the branch.
    page = trained(ready(open_page(REPLAY + "#iteration=120&branch=40&lr=0.05")))
    assert page.input_value("#replay-iteration") == "120"
    assert float(page.inner_text("#replay-loss")) == pytest.approx(numpy.loss[80], abs=5e-5)
    assert "Branched at iteration 40" in page.inner_text("#replay-branch-status")
    assert page.get_attribute("#replay-iteration", "max") == "200"


def test_branch_here_trains_from_the_iteration_shown_and_plays_it(open_page, history, train_set):
    numpy = train(
        train_set.x0(), train_set.labels, lr=0.05, iterations=160, start=history.params_at(40)
    )
    page = ready(open_page(REPLAY + "#iteration=40"))
    page.fill("#replay-lr", "0.05")
    page.click("#replay-branch")
    trained(page)
    assert "branch=40&lr=0.05" in page.evaluate("location.hash")
    page.wait_for_function("Number(document.querySelector('#replay-iteration').value) > 41")
    page.click("#replay-play")  # the branch plays from where it starts: pause it
    shown = int(page.input_value("#replay-iteration"))
    assert float(page.inner_text("#replay-loss")) == pytest.approx(numpy.loss[shown - 40], abs=5e-5)
    page.select_option("#replay-run", "seed-5")  # a branch belongs to its run: it ends
    page.wait_for_function("location.hash.includes('run=seed-5')")
    assert "branch" not in page.evaluate("location.hash")
    assert page.get_attribute("#replay-iteration", "max") == "200"
    assert "The saved run" in page.inner_text("#replay-branch-status")


def test_a_branch_that_diverges_stops_with_the_iteration_and_a_sentence(open_page):
    page = trained(ready(open_page(REPLAY + "#iteration=0&branch=10&lr=1000")))
    status = page.inner_text("#replay-branch-status")
    assert re.search(r"diverged at iteration \d+: the loss is (Infinity|NaN)", status), status
    assert "smaller learning rate" in status
    last = int(page.get_attribute("#replay-iteration", "max"))
    assert 10 <= last < 200


def edited_loss(history, train_set, iteration, name, row, col, value) -> float:
    params = history.params_at(iteration)
    array = getattr(params, name).copy()
    array[row, col] = value
    params = params._replace(**{name: array})
    return cross_entropy(forward(params, train_set.x0()).A2, one_hot(train_set.labels, 2))


def test_an_edited_weight_changes_the_loss_to_numpys(open_page, history, train_set):
    page = ready(open_page(REPLAY + "#iteration=40"))
    before = page.inner_text("#replay-loss")
    page.locator("#replay-W1").scroll_into_view_if_needed()
    box = page.locator("#replay-W1").bounding_box()
    page.mouse.click(box["x"] + 2.5 * box["width"] / 9, box["y"] + 1.5 * box["height"] / 6)
    assert page.inner_text("label[for=replay-edit]") == "Set W1[2, 3] at iteration 40 to"
    page.fill("#replay-edit", "1.5")
    trained(page)
    expected = edited_loss(history, train_set, 40, "W1", 1, 2, 1.5)
    assert page.inner_text("#replay-loss") != before
    assert float(page.inner_text("#replay-loss")) == pytest.approx(expected, abs=5e-5)
    assert "W1.2.3=1.5" in page.evaluate("location.hash")
    # The keyboard nudges the selected weight by 0.1.
    page.focus("#replay-W1")
    page.keyboard.press("+")
    trained(page)
    expected = edited_loss(history, train_set, 40, "W1", 1, 2, 1.6)
    assert float(page.inner_text("#replay-loss")) == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_value_is_typed_into_a_cell_from_the_keyboard(open_page, history, train_set, width):
    page = ready(open_page(REPLAY + "#iteration=40", width))
    focused = "document.activeElement.id"
    page.focus("#replay-reset")
    page.keyboard.press("Tab")  # the first matrix: W1, its cell [1, 1]
    assert page.evaluate(focused) == "replay-W1"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    page.keyboard.type("1.5")  # the "1" moves to the edit box, where ".5" follows
    trained(page)
    assert page.evaluate(focused) == "replay-edit"
    assert page.inner_text("label[for=replay-edit]") == "Set W1[2, 2] at iteration 40 to"
    assert page.input_value("#replay-edit") == "1.5"
    assert page.evaluate("location.pathname").endswith(REPLAY)  # "." did not leave the page
    assert page.evaluate("location.hash") == "#branch=40&iteration=40&W1.2.2=1.5"
    expected = edited_loss(history, train_set, 40, "W1", 1, 1, 1.5)
    assert float(page.inner_text("#replay-loss")) == pytest.approx(expected, abs=5e-5)
    page.keyboard.press("Enter")  # back to the matrix, on the same cell
    assert page.evaluate(focused) == "replay-W1"
    assert page.inner_text("#replay-cell-name").startswith("W1[2, 2]")
    page.keyboard.press("Enter")  # into the box, the value selected: typing replaces it
    assert page.evaluate(focused) == "replay-edit"
    page.keyboard.type("-0.5")
    trained(page)
    assert page.evaluate("location.hash") == "#branch=40&iteration=40&W1.2.2=-0.5"
    expected = edited_loss(history, train_set, 40, "W1", 1, 1, -0.5)
    assert float(page.inner_text("#replay-loss")) == pytest.approx(expected, abs=5e-5)
    page.keyboard.press("Escape")
    assert page.evaluate(focused) == "replay-W1"
    # Tab goes on to the next matrix (on a phone, to b1's edit box under W1 and b1 first).
    tabs = ["b1", "edit", "A1"] if width == 390 else ["b1", "A1"]
    for name in tabs:
        page.keyboard.press("Tab")
        assert page.evaluate(focused) == f"replay-{name}"
    assert page.is_hidden("#replay-edit")  # A1 is computed, not edited: a digit is no value
    page.keyboard.type("7")
    assert page.evaluate(focused) == "replay-A1"
    assert page.evaluate("location.hash") == "#branch=40&iteration=40&W1.2.2=-0.5"


def shown_number(text: str) -> float:
    return float(text.replace("−", "-").strip("()"))


@pytest.mark.parametrize(
    ("canvas", "row", "col", "rows", "cols"),
    [("#replay-A1", 1, 4, 6, 24), ("#replay-A2", 0, 17, 2, 24), ("#replay-W1", 1, 2, 6, 9)],
)
def test_the_formulas_terms_add_up_to_the_value_within_their_rounding(
    open_page, history, canvas, row, col, rows, cols
):
    page = ready(open_page(REPLAY + "#iteration=30"))
    page.locator(canvas).scroll_into_view_if_needed()
    box = page.locator(canvas).bounding_box()
    page.mouse.move(
        box["x"] + (col + 0.5) * box["width"] / cols, box["y"] + (row + 0.5) * box["height"] / rows
    )
    first = page.locator("#replay-inspector .formula").first
    terms = [shown_number(t) for t in first.locator(".term").all_inner_texts()]
    result = first.locator(".result")
    shown, exact = shown_number(result.inner_text()), float(result.get_attribute("data-value"))
    assert len(terms) >= 1
    # Each shown number is rounded to 4 decimals: off by at most half a unit of the last.
    assert abs(sum(terms) - shown) <= (len(terms) + 1) * 0.5e-4
    assert shown == pytest.approx(exact, abs=0.5e-4)
    if canvas == "#replay-A1":
        z1 = history.W1[30] @ read_x0(page) + history.b1[30]
        assert exact == pytest.approx(z1[row, col], rel=RTOL)
    if canvas == "#replay-W1":  # the gradient's formula: dW1 as saved
        assert exact == pytest.approx(history.dW1[30, row, col], rel=RTOL)


def read_x0(page) -> np.ndarray:
    x0 = page.evaluate(
        """async () => {
      const { loadArrays, loadJson } = await import(
        new URL("../../javascripts/explore/data.js", window.location.href));
      const url = new URL("../data/replay/index.json", window.location.href);
      const { x0 } = await loadArrays(url, (await loadJson(url)).training_set);
      return Array.from(x0.values);
    }"""
    )
    return np.array(x0).reshape(9, 24)


@pytest.mark.parametrize("iteration", [57, 200])
def test_the_backward_view_shows_the_saved_gradients(open_page, history, train_set, iteration):
    page = ready(open_page(REPLAY + f"#iteration={iteration}"))
    page.click("#replay-show-backward")
    assert page.get_attribute("#replay-show-backward", "aria-pressed") == "true"
    params = history.params_at(iteration)
    x0, Y = train_set.x0(), one_hot(train_set.labels, 2)
    fwd = forward(params, x0)
    if iteration < history.iterations:
        grads = history.grads_at(iteration)  # saved by training
    else:  # the last: computed there, no update follows
        grads = backward(params, x0, Y, fwd)
        assert "the last" in page.inner_text("#replay-backward-view")
    expected = {
        "dz2": fwd.A2 - Y,
        "dW2": grads.W2,
        "db2": grads.b2,
        "dz1": (params.W2.T @ (fwd.A2 - Y)) * (fwd.z1 > 0),
        "dW1": grads.W1,
        "db1": grads.b1,
    }
    for name, array in expected.items():
        values = page.get_attribute(f"#replay-{name}", "data-values").split()
        shown = np.array(values, dtype=float).reshape(array.shape)
        np.testing.assert_allclose(shown, array, rtol=0, atol=RTOL * np.abs(array).max())


# A link as the page used to write it (every key, the default run's name too), and as it
# writes the same experiment now: what is at its default left out, in the table's order.
OLD_LINK = "iteration=120&run=default&branch=40&lr=0.05&until=250&W1.2.3=1.5&b2.1=-0.5"
ROUND_TRIP = "branch=40&lr=0.05&until=250&iteration=120&W1.2.3=1.5&b2.1=-0.5"


def test_a_link_with_a_branch_and_edits_round_trips(open_page):
    page = trained(ready(open_page(REPLAY + "#" + OLD_LINK)))
    assert page.evaluate("location.hash.slice(1)") == ROUND_TRIP
    assert page.get_attribute("#replay-iteration", "max") == "250"
    assert page.input_value("#replay-lr") == "0.05"
    loss = page.inner_text("#replay-loss")
    page.reload()
    trained(ready(page))
    assert page.inner_text("#replay-loss") == loss
    assert page.evaluate("location.hash.slice(1)") == ROUND_TRIP
    assert page.is_hidden("#replay-note")
    page.click("#replay-reset")  # back to the saved run
    assert page.evaluate("location.hash.slice(1)") == "iteration=120"
    page.select_option("#replay-run", "seed-5")  # another run than the default is written
    page.wait_for_function("location.hash === '#run=seed-5&iteration=120'")


@pytest.mark.parametrize(
    ("hash_", "named"),
    [
        ("branch=10&lr=0", ["lr=0"]),
        ("branch=10&lr=-1&iteration=abc", ["lr=-1", "iteration=abc"]),
        ("branch=10&lr=fast", ["lr=fast"]),
        ("branch=500&lr=0.05", ["branch=500", "lr=0.05"]),
        ("run=nope&W7.1.1=2&branch=3&W1.9.9=1", ["run=nope", "W7.1.1=2", "W1.9.9=1"]),
    ],
)
def test_bad_link_values_are_ignored_with_a_visible_note(open_page, hash_, named):
    page = trained(ready(open_page(REPLAY + "#" + hash_)))
    note = page.locator("#replay-note")
    assert note.is_visible()
    for part in named:
        assert part in note.inner_text()
    assert page.inner_text("#replay-loss")  # the page works on, with what it could use


@pytest.mark.parametrize("width", [1280, 390])
def test_branched_edited_and_backward_view_have_no_accessibility_violations(open_page, width):
    from axe_playwright_python.sync_playwright import Axe

    page = trained(ready(open_page(REPLAY + "#iteration=60&branch=40&lr=0.05&W1.2.3=1.5", width)))
    page.click("#replay-show-backward")
    page.focus("#replay-W2")
    page.keyboard.press("ArrowRight")
    results = Axe().run(page)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_report()


def test_the_quick_benchmark_times_the_pages_trainer_beside_numpys(site):
    # From the repository root, as bench/README.md says: the script imports bench.run.
    command = [sys.executable, "-m", "bench.browser_trainer", "--quick", "--site", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^\| 200 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$", result.stdout, re.M)
    # Beside it, the plane's trainer (stack.js) at a frame of Playground's load, alone and
    # in the playground page.
    alone = r"^\| Chromium, headless: the modules alone( \| [\d.]+){5} \|$"
    page = r"^\| Chromium, headless: the playground page, playing(\s+\|){5} [\d.]+ \|$"
    assert re.search(alone, result.stdout, re.M) and re.search(page, result.stdout, re.M)
    assert result.stdout.count("| yes |") + result.stdout.count("| NO |") == 2
