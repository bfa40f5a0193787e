"""The browser pages (docs/explore/) in headless Chromium, against the saved runs:
the replay page shows history.npz's own numbers and colours, the draw-a-digit page
computes numpy's probabilities and the pipeline's predictions. Every page (the
playground too, whose own tests are test_playground.py's) says so when its data or its
program cannot load, and keys typed in it never reach the site theme's shortcuts; both
first pages load nothing from elsewhere, log no error and pass an axe-core
accessibility scan; the digit grid paints with the keyboard too, and on a phone the
replay page explains a cell right under it. Their one state module (state.js) reads and
writes links by a table of properties."""

from __future__ import annotations

import json

import matplotlib
import numpy as np
import pytest

from harness.workflow_copy import planned_jobs
from scratchnet.lines.snapshots import load_history

pytestmark = pytest.mark.e2e

REPLAY = "explore/replay/"
DIGITS = "explore/draw-digit/"
PLAYGROUND = "explore/playground/"


def ready(page):
    page.wait_for_selector("[data-ready=true]", timeout=15_000)
    return page


@pytest.fixture(scope="module")
def history(built):
    return load_history(built / "results" / "training" / "history.npz")


def point_at_cell(page, canvas: str, row: int, col: int, rows: int, cols: int):
    page.locator(canvas).scroll_into_view_if_needed()
    box = page.locator(canvas).bounding_box()
    page.mouse.move(
        box["x"] + (col + 0.5) * box["width"] / cols, box["y"] + (row + 0.5) * box["height"] / rows
    )


def test_replay_shows_the_historys_numbers_at_random_iterations(open_page, history):
    page = ready(open_page(REPLAY))
    rng = np.random.default_rng(0)
    for iteration in rng.choice(history.iterations, size=4, replace=False):
        page.evaluate(f"window.location.hash = 'iteration={iteration}'")
        page.wait_for_function(
            f"document.querySelector('#replay-iteration').value === '{iteration}'"
        )
        loss = float(page.inner_text("#replay-loss"))
        assert loss == pytest.approx(history.loss[iteration], abs=1e-4)
        shown = page.inner_text("#replay-accuracy")
        assert f"{round(history.accuracy[iteration] * 24)} of 24 right" in shown
        row, col = rng.integers(6), rng.integers(9)
        point_at_cell(page, "#replay-W1", row, col, 6, 9)
        value = float(page.get_attribute("#replay-cell-value", "data-value"))
        gradient = float(page.get_attribute("#replay-cell-gradient", "data-value"))
        update = float(page.get_attribute("#replay-cell-update", "data-value"))
        assert value == pytest.approx(history.W1[iteration, row, col], rel=1e-6)
        assert gradient == pytest.approx(history.dW1[iteration, row, col], rel=1e-6)
        assert update == pytest.approx(-0.01 * gradient)
        assert page.inner_text("#replay-cell-name").startswith(f"W1[{row + 1}, {col + 1}]")


def test_replay_link_opens_at_68_with_full_accuracy_and_the_gifs_colours(open_page, history, built):
    page = ready(open_page(REPLAY + "#iteration=68"))
    assert page.input_value("#replay-iteration") == "68"
    assert "100.0% (24 of 24 right)" in page.inner_text("#replay-accuracy")
    # A pixel in the middle of cell (3, 5) of W1 has matplotlib's colour for its value.
    index = json.loads((built / "site" / "explore/data/replay/index.json").read_text())
    limit = index["runs"][0]["scales"]["parameter"]
    value = float(np.float32(history.W1[68, 2, 4]))
    cmap = matplotlib.colormaps["RdBu_r"]
    entry = min(cmap.N - 1, int(np.floor((value + limit) / (2 * limit) * cmap.N)))
    expected = cmap(entry, bytes=True)
    cell = 20
    pixel = page.evaluate(
        "([x, y]) => Array.from(document.querySelector('#replay-W1')"
        ".getContext('2d').getImageData(x, y, 1, 1).data)",
        [4 * cell + cell // 2, 2 * cell + cell // 2],
    )
    assert tuple(pixel) == tuple(int(c) for c in expected)


def test_replay_plays_steps_and_keeps_the_iteration_when_the_run_changes(open_page, built):
    page = ready(open_page(REPLAY + "#iteration=10"))
    page.click("#replay-play")
    page.wait_for_function("Number(document.querySelector('#replay-iteration').value) > 12")
    page.click("#replay-play")  # pause
    paused = int(page.input_value("#replay-iteration"))
    page.click("#replay-forward")
    assert page.input_value("#replay-iteration") == str(paused + 1)
    page.evaluate("document.activeElement.blur()")  # the arrow keys step the page itself
    page.keyboard.press("ArrowLeft")
    assert page.input_value("#replay-iteration") == str(paused)
    page.select_option("#replay-run", "seed-5")
    page.wait_for_function("window.location.hash.includes('run=seed-5')")
    assert page.input_value("#replay-iteration") == str(paused)
    other = load_history(built / "results/explore/runs/seed-5/history.npz")
    assert float(page.inner_text("#replay-loss")) == pytest.approx(other.loss[paused], abs=1e-4)


def test_replay_points_at_a_hidden_unit_to_show_its_incoming_weights(open_page):
    page = ready(open_page(REPLAY + "#iteration=68"))
    point_at_cell(page, "#replay-A1", 3, 10, 6, 24)
    assert "Hidden unit 4" in page.inner_text(".replay-unit figcaption")
    page.focus("#replay-W2")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#replay-cell-name").startswith("W2[1, 2]")
    assert "Hidden unit 2" in page.inner_text(".replay-unit figcaption")


def reference_forward(built, images: np.ndarray) -> np.ndarray:
    """numpy's forward pass of the saved reference model on standardised test pixels."""
    run = np.load(built / "results/digits/runs/reference.npz")
    W1, b1, W2, b2 = (run[name][-1] for name in ("W1", "b1", "W2", "b2"))
    logits = np.maximum(images @ W1 + b1, 0) @ W2 + b2
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_digit_page_matches_numpy_and_the_saved_predictions(open_page, built):
    test = np.load(built / "results/digits/test.npz")
    saved = np.load(built / "results/digits/reference-test.npz")["predicted"]
    page = ready(open_page(DIGITS))
    for k in (0, 7, 42, 99):
        page.evaluate(f"window.location.hash = 'test={k}'; window.location.reload()")
        ready(page)
        shown = page.eval_on_selector_all(
            "#digit-probabilities li", "items => items.map(li => Number(li.dataset.probability))"
        )
        np.testing.assert_allclose(
            shown, reference_forward(built, test["x"][k : k + 1])[0], atol=1e-6
        )
        assert int(page.get_attribute("#digit-probabilities", "data-predicted")) == saved[k]
        assert f"a {test['labels'][k]}" in page.inner_text("#digit-source")


def shows_no_prediction(page) -> bool:
    """The page predicts nothing: no digit, no probability, no picture of an answer."""
    return page.evaluate(
        """() => {
            const bars = document.querySelector('#digit-probabilities');
            const answers = ['#digit-reference-prediction', '#digit-softmax-prediction']
                .map((id) => document.querySelector(id).textContent);
            return !('predicted' in bars.dataset)
                && bars.querySelectorAll('li[data-probability]').length === 0
                && answers.every((text) => text.includes('blank') && !/[0-9]/.test(text))
                && ['#digit-hidden', '#digit-template']
                    .every((id) => !document.querySelector(id).checkVisibility());
        }"""
    )


def test_a_blank_grid_gets_no_prediction_on_load_and_after_clear(open_page):
    page = ready(open_page(DIGITS))
    assert shows_no_prediction(page)
    page.click("#digit-random")
    assert not shows_no_prediction(page)
    assert page.get_attribute("#digit-probabilities", "data-predicted") is not None
    page.click("#digit-clear")
    assert shows_no_prediction(page)
    point_at_cell(page, "#digit-grid", 4, 4, 8, 8)
    page.mouse.down()
    page.mouse.up()
    assert not shows_no_prediction(page)
    assert page.is_visible("#digit-hidden") and page.is_visible("#digit-template")


def test_dragging_the_mouse_paints_and_the_prediction_follows(open_page):
    page = ready(open_page(DIGITS))
    page.click("#digit-clear")
    # Dark pixels on the grid's canvas, and the probabilities the page shows.
    ink = (
        "Array.from(document.querySelector('#digit-grid').getContext('2d')"
        ".getImageData(0, 0, 320, 320).data).filter((v, i) => i % 4 === 0 && v < 128).length"
    )
    probabilities = (
        "Array.from(document.querySelectorAll('#digit-probabilities li'),"
        " li => li.dataset.probability).join()"
    )
    before_ink, before = page.evaluate(ink), page.evaluate(probabilities)
    box = page.locator("#digit-grid").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.1)
    page.mouse.down()
    for step in range(1, 9):
        page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.1 * (1 + step))
    page.mouse.up()
    assert before_ink == 0 and page.evaluate(ink) > 0
    assert page.evaluate(probabilities) != before
    assert page.inner_text("#digit-source") == "Your drawing."


def test_the_keyboard_paints_and_erases_the_cursor_cell_and_the_prediction_follows(open_page):
    page = ready(open_page(DIGITS))
    page.click("#digit-clear")
    page.keyboard.press("Shift+Tab")  # from Clear back to the grid: focus by keyboard
    assert page.evaluate("document.activeElement.id") == "digit-grid"
    # The red channel at the centre of cell (row, col) of the 8x8 grid, 40 pixels a cell.
    red = "([r, c]) => document.querySelector('#digit-grid').getContext('2d')"
    red += ".getImageData(c * 40 + 20, r * 40 + 20, 1, 1).data[0]"
    probabilities = (
        "Array.from(document.querySelectorAll('#digit-probabilities li'),"
        " li => li.dataset.probability).join()"
    )
    before = page.evaluate(probabilities)
    assert page.inner_text("#digit-cursor") == "Row 5, column 5 of 8: blank"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#digit-cursor") == "Row 3, column 4 of 8: blank"
    assert page.evaluate(red, [2, 3]) > 128
    page.keyboard.press("Space")
    assert page.inner_text("#digit-cursor") == "Row 3, column 4 of 8: ink 100.0%"
    assert page.evaluate(red, [2, 3]) < 128
    for _ in range(4):
        page.keyboard.press("Shift+ArrowDown")  # paints as it moves: a stroke down
    assert all(page.evaluate(red, [row, 3]) < 128 for row in range(2, 7))
    assert page.evaluate(probabilities) != before
    assert page.inner_text("#digit-source") == "Your drawing."
    painted = page.evaluate(probabilities)
    page.keyboard.press("Delete")
    assert page.inner_text("#digit-cursor") == "Row 7, column 4 of 8: blank"
    assert page.evaluate(red, [6, 3]) > 128
    assert page.evaluate(probabilities) != painted


@pytest.mark.parametrize("path", [REPLAY, DIGITS, PLAYGROUND])
def test_a_page_without_its_data_says_so(browser, server, path):
    page = browser.new_page()
    page.route("**/explore/data/**", lambda route: route.fulfill(status=404))
    page.goto(server + path)
    page.wait_for_selector(".explore-problem[role=alert]")
    assert "could not load its data" in page.inner_text(".explore-problem")
    page.close()


@pytest.mark.parametrize("module", ["replay.js", "data.js"])
@pytest.mark.parametrize("path", [REPLAY, DIGITS, PLAYGROUND])
def test_a_page_whose_program_cannot_load_says_so_within_two_seconds(browser, server, path, module):
    """The page's own module, or one it imports, missing: the page says so at once
    (the theme's inline script hears the module's error; the module cannot)."""
    if module == "replay.js" and path != REPLAY:
        module = {DIGITS: "draw-digit.js", PLAYGROUND: "playground.js"}[path]
    page = browser.new_page()
    page.route(f"**/javascripts/explore/{module}", lambda route: route.fulfill(status=404))
    page.goto(server + path)
    page.wait_for_selector(".explore-problem[role=alert]", timeout=2_000)
    assert "could not load its program" in page.inner_text(".explore-problem")
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", [REPLAY + "#iteration=68", DIGITS + "#test=3"])
def test_pages_have_no_accessibility_violations(open_page, path, width, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    page = ready(open_page(path, width))
    # The whole page, the theme's header, search, navigation and footer with it, and
    # every rule axe-core runs by default.
    results = Axe().run(page)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=tmp_path / "page.png", full_page=True)


def test_each_pages_data_is_small_and_the_same_bytes_twice(built, tmp_path):
    from scratchnet.explore.replay import ReplayRun, export_replay

    data = built / "site" / "explore" / "data"
    for page in ("replay", "digits", "playground"):
        assert sum(f.stat().st_size for f in (data / page).iterdir()) <= 1_000_000, page
    training = built / "results" / "training"
    settings = json.loads((training / "run.json").read_text())["settings"]
    runs = [ReplayRun("default", training / "history.npz", settings)]
    export_replay(runs, built / "results/data/train.csv", tmp_path / "index.json")
    assert (tmp_path / "default.bin").read_bytes() == (data / "replay/default.bin").read_bytes()


def test_the_configs_runs_are_trained_and_exported(built, tmp_path):
    """Another run in explore.runs: the pipeline trains it, exports it, rebuilds the site,
    and retrains nothing else."""
    extra = tmp_path / "more-runs.yaml"
    extra.write_text("explore:\n  runs:\n    - {name: seed-1, seed: 1}\n")
    planned = planned_jobs(built, "docs", "--configfile", str(extra))
    assert {"train_explore_run", "export_replay", "build_docs"} <= planned
    assert not planned & {"train_network", "export_digits_models", "train_reference_model"}


# Every key a window listener hears: the site's theme listens for its shortcuts there.
HEAR_THE_WINDOW = "window.heard = []; window.addEventListener('keydown', e => heard.push(e.key))"
SHORTCUTS = [".", "n", ",", "p", "/", "s", "f"]  # next, previous page; search
IN_THE_SEARCH = "document.activeElement.classList.contains('md-search__input')"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("path", "control"),
    [
        (REPLAY, "#replay-W1"),
        (REPLAY, "#replay-play"),
        (DIGITS, "#digit-grid"),
        (PLAYGROUND, "#playground-plane"),
        (PLAYGROUND, "#playground-lr"),
    ],
)
def test_keys_typed_in_an_explorer_never_reach_the_themes_shortcuts(
    open_page, path, control, width
):
    page = ready(open_page(path + "#iteration=40" if path == REPLAY else path, width))
    where = page.url.split("#")[0]
    page.evaluate(HEAR_THE_WINDOW)
    page.focus(control)
    for key in SHORTCUTS:
        page.keyboard.press(key)
    page.wait_for_timeout(300)  # what the next-page shortcut would take to leave
    assert page.evaluate("heard") == []
    assert page.url.split("#")[0] == where
    assert not page.evaluate(IN_THE_SEARCH)
    # Outside the explorer the shortcuts still work: "/" puts the focus in the search.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("heard") == ["/"]
    assert page.evaluate(IN_THE_SEARCH)


def box_of(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_formula_of_a_cell_reached_by_keyboard_is_in_sight(open_page, width):
    """On a phone, the box explaining a cell sits right under the row of its matrix; on a
    desktop, beside the curves, where it stays whichever matrix the pointer is on."""
    page = ready(open_page(REPLAY + "#iteration=68", width))
    page.focus("#replay-reset")
    places = set()
    for name in ("W1", "b1", "A1", "W2", "b2", "A2"):
        page.keyboard.press("Tab")
        if width == 390 and name in ("A1", "A2"):  # the edit box under W1 b1 or W2 b2 first
            assert page.evaluate("document.activeElement.id") == "replay-edit"
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == f"replay-{name}"
        assert page.inner_text("#replay-cell-name").startswith(f"{name}[1")
        canvas = box_of(page, f"#replay-{name}")
        formula = box_of(page, "#replay-inspector .formula")
        below = formula["y"] - (canvas["y"] + canvas["height"])
        parent = page.evaluate("document.querySelector('.replay-side').parentElement.className")
        places.add((parent, round(formula["x"])))
        if width == 390:
            assert parent == "replay-panels"
            assert 0 < below < 250, (name, below)  # the formula, right under the cell
            assert formula["y"] + 20 < 900 and formula["y"] > 0  # and on the screen
    if width == 1280:  # one place for every matrix: nothing moves under the pointer
        assert len(places) == 1 and places.pop()[0] == "replay-details"


def test_hiding_the_backward_pass_drops_its_cell_and_brings_the_explainer_home(open_page):
    """On a phone the explainer follows the cell explored into the backward view; hiding
    that view must not hide the explainer with it (nor explain a cell no longer shown)."""
    page = ready(open_page(REPLAY + "#iteration=68", 390))
    page.click("#replay-show-backward")
    page.click("#replay-dz2")
    assert page.inner_text("#replay-cell-name").startswith("dz2[")
    assert page.evaluate("document.querySelector('.replay-side').closest('#replay-backward-view')")
    page.click("#replay-show-backward")
    assert page.is_hidden("#replay-backward-view")
    side = ".replay-side"
    assert page.evaluate(f"document.querySelector('{side}').checkVisibility()")
    assert not page.evaluate(f"document.querySelector('{side}').closest('[hidden]')")
    assert page.locator("#replay-cell-name").count() == 0  # how to pick a cell, instead


# state.js in a page of the site, with a table like the one part three's playground will
# declare: a choice, numbers, a range that depends on another property, text, and a list
# of placed points (x, y, class) written with 2 decimals.
STATE_IN_PAGE = """async ({ hash, state }) => {
  const { readState, writeState } =
    await import(new URL("javascripts/explore/state.js", document.baseURI));
  const table = [
    { name: "data", kind: "choice", choices: ["moons", "circles", "xor"], default: "moons" },
    { name: "lr", kind: "number", above: 0, default: 0.03 },
    { name: "hidden", kind: "integer", min: 1, max: 8, default: 4 },
    { name: "seed", kind: "integer", min: 0, max: (s) => 100 * s.hidden, default: 0 },
    { name: "title", kind: "text", default: "" },
    { name: "points", kind: "list", most: 100, default: [], fields: [
      { name: "x", kind: "number", min: -1, max: 1, digits: 2 },
      { name: "y", kind: "number", min: -1, max: 1, digits: 2 },
      { name: "class", kind: "integer", min: 0, max: 1 },
    ] },
  ];
  const read = readState(table, hash);
  const link = state === null ? null : writeState(table, state);
  return { ...read, link };
}"""

DEFAULTS = {"data": "moons", "lr": 0.03, "hidden": 4, "seed": 0, "title": "", "points": []}


def state_module(page, hash_: str, state: dict | None = None) -> dict:
    return page.evaluate(STATE_IN_PAGE, {"hash": hash_, "state": state})


def test_a_state_table_writes_a_link_that_reads_back_the_same_state(open_page, server):
    page = open_page("")
    state = {
        "data": "xor",
        "lr": 0.1,
        "hidden": 6,
        "seed": 450,
        "title": "two moons & a line",
        "points": [{"x": 0.5, "y": -0.25, "class": 1}, {"x": -1, "y": 1, "class": 0}],
    }
    link = state_module(page, "", state)["link"]
    # The table's order, and the list's separators as they are, not percent-encoded.
    hash_ = "data=xor&lr=0.1&hidden=6&seed=450&title=two%20moons%20%26%20a%20line"
    assert link == f"{server}#{hash_}&points=0.5,-0.25,1;-1,1,0"
    assert page.url == link  # written into the address
    back = state_module(page, link[len(server) :])
    assert back["state"] == state and back["notes"] == []
    # Defaults are left out: a state of defaults is the page's plain address.
    assert state_module(page, "", DEFAULTS)["link"] == server
    # Numbers with digits are rounded as written: 0.123 is read back as 0.12.
    rounded = {**DEFAULTS, "points": [{"x": 0.123, "y": -0.5, "class": 1}]}
    link = state_module(page, "", rounded)["link"]
    assert state_module(page, link[len(server) :])["state"]["points"] == [
        {"x": 0.12, "y": -0.5, "class": 1}
    ]


def test_a_state_table_notes_each_value_it_cannot_use_and_each_unknown_key(open_page):
    page = open_page("")
    hash_ = "#lr=-1&hidden=9&seed=500&data=spiral&points=0.5,x,1;2,0,0;0.1,0.2;0,0,1&colour=red"
    out = state_module(page, hash_)
    assert out["state"] == {**DEFAULTS, "points": [{"x": 0, "y": 0, "class": 1}]}
    assert out["notes"] == [
        "lr=-1 (a number above 0)",
        "hidden=9 (a whole number from 1 to 8)",
        "seed=500 (a whole number from 0 to 400)",  # hidden is 4: its default
        "data=spiral (one of moons, circles, xor)",
        "points item 1 “0.5,x,1” (y is a number from -1 to 1)",
        "points item 2 “2,0,0” (x is a number from -1 to 1)",
        "points item 3 “0.1,0.2” (an item is x,y,class)",
        "colour=red (not a setting of this page)",
    ]
    # The range follows the value read before it: with 5 hidden units, seed 500 is fine.
    assert state_module(page, "#hidden=5&seed=500") == {
        "state": {**DEFAULTS, "hidden": 5, "seed": 500},
        "notes": [],
        "link": None,
    }


def test_a_list_read_keeps_its_most_items_and_notes_the_rest(open_page, server):
    page = open_page("")
    state = {**DEFAULTS, "points": [{"x": -0.99, "y": -0.99, "class": 1}] * 100}
    link = state_module(page, "", state)["link"]
    # One point more than the table keeps: the link reads the first 100 and says so.
    hash_ = link[len(server) :] + ";0,0,0"
    more = state_module(page, hash_)
    assert len(more["state"]["points"]) == 100
    assert more["notes"] == ["points item 101 “0,0,0” (at most 100 items)"]
