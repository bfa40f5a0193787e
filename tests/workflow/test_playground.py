"""The playground page (docs/explore/playground.md) in headless Chromium, on the site the
session's pipeline built: the page's trainer retraces the pipeline's main run and its
mini-batch run from the exported initial parameters, every loss to a relative 1e-9 and
the final parameters to an absolute 1e-9 (the main run has two hidden layers and tanh);
its boundary is the figures' shading of numpy's predictions; a link holds the whole
state and gives the same numbers; a reader's file gets Python's sentence for every case
of the shared table (tests/plane/csv_cases.json); points are placed and removed by
mouse, by touch and by keyboard; and, after the controls are used, no accessibility
violation at desktop and phone width. The page module logs no error and fetches nothing
from elsewhere (the open_page fixture)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from harness.points_cases import CASES, case_text
from scratchnet.figures.plane.panels import shaded
from scratchnet.nn.modules import softmax
from scratchnet.plane.runs import load_run

pytestmark = pytest.mark.e2e

PLAYGROUND = "explore/playground/"
RTOL = ATOL = 1e-9


def ready(page, timeout: int = 30_000):
    """Wait until the page is idle: trained to the epoch asked, every view drawn."""
    page.wait_for_selector("#playground[data-ready=true]", timeout=timeout)
    return page


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "explore/data/playground/index.json").read_text())


def saved_run(built, index: dict, name: str):
    """The run file the export's run ``name`` came from: the main run, or the capacity
    run of the width the export took."""
    entry = next(run for run in index["runs"] if run["name"] == name)
    file = "network" if name == "main" else f"width-{entry['settings']['hidden'][0]}"
    return entry, load_run(built / "results/plane/runs" / entry["dataset"] / f"{file}.npz")


# In a page of the site: the saved run `name` trained by the page's own modules, as the
# controller builds it, from the exported initial parameters for all its epochs.
RETRACE = """async (name) => {
  const base = new URL("../../javascripts/explore/", window.location.href);
  const [{ loadArrays, loadJson }, data, { PlaygroundRun }] = await Promise.all(
    ["data.js", "playground-data.js", "playground-run.js"].map((m) => import(new URL(m, base))));
  const indexUrl = new URL("../data/playground/index.json", window.location.href);
  const index = await loadJson(indexUrl);
  const arrays = await loadArrays(indexUrl, index.data);
  const entry = index.runs.find((run) => run.name === name);
  const dataset = data.exportedDataset(
    index.datasets.find((d) => d.name === entry.dataset), arrays);
  const { hidden, activation, lr, batch_size: batchSize, epochs } = entry.settings;
  const run = new PlaygroundRun(
    dataset, { hidden, activation, lr, batchSize, seed: null }, data.savedRun(entry, arrays));
  while (run.epoch < epochs && run.step());
  const final = run.model.filter((layer) => layer.kind === "linear")
    .flatMap(({ W, b }) => [Array.from(W.values), Array.from(b.values)]);
  return { history: run.history, final, diverged: run.diverged };
}"""


@pytest.mark.parametrize("name", ["main", "batches"])
def test_the_pages_trainer_retraces_the_pipelines_run_to_1e_9(open_page, built, index, name):
    entry, run = saved_run(built, index, name)
    page = ready(open_page(PLAYGROUND))
    out = page.evaluate(RETRACE, name)
    assert out["diverged"] is None
    history = run.history
    assert len(out["history"]["loss"]) == entry["settings"]["epochs"] + 1
    assert history.loss[-1] < 0.6 * history.loss[0]  # the run learns: the steps are tested
    for key in ("loss", "val_loss"):
        np.testing.assert_allclose(out["history"][key], getattr(history, key), rtol=RTOL, atol=0)
    for key in ("accuracy", "val_accuracy"):
        assert out["history"][key] == getattr(history, key).tolist()
    final = [run.snapshots[name][-1].ravel() for name in run.snapshots]
    assert len(out["final"]) == len(final)
    for got, want, parameter in zip(out["final"], final, run.snapshots):
        np.testing.assert_allclose(got, want, rtol=0, atol=ATOL, err_msg=parameter)
    if name == "batches":  # every epoch in numpy's order of the points
        assert entry["order_epochs"] == entry["settings"]["epochs"] == len(run.order)


def grid_probabilities(run, data_entry: dict, side: int = 100) -> np.ndarray:
    """numpy's class probabilities of ``run``'s final network at the page's grid: the
    centres of side x side cells over the export's box, row by row from the top."""
    box = data_entry["box"]
    xs = box["xmin"] + (np.arange(side) + 0.5) / side * (box["xmax"] - box["xmin"])
    ys = box["ymax"] - (np.arange(side) + 0.5) / side * (box["ymax"] - box["ymin"])
    points = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    x = (points - np.array(data_entry["mean"])) / np.array(data_entry["std"])
    return softmax(run.model()(x))


def test_the_page_opens_on_the_main_run_with_the_figures_boundary(open_page, built, index):
    entry, run = saved_run(built, index, "main")
    page = ready(open_page(PLAYGROUND))
    assert page.get_attribute("#playground", "data-epoch") == str(entry["settings"]["epochs"])
    shown = float(page.get_attribute("#playground-loss", "data-value"))
    assert shown == pytest.approx(run.history.loss[-1], rel=RTOL, abs=0)
    assert page.url.endswith(PLAYGROUND)  # the main run as trained: nothing to say in a link
    assert "Faint: the pipeline's own run" in page.inner_text("#playground-curves-note")
    # Every pixel of the boundary is the figures' shade of numpy's prediction there.
    pixels = page.evaluate(
        "() => Array.from(document.querySelector('#playground-boundary')"
        ".getContext('2d').getImageData(0, 0, 100, 100).data)"
    )
    rgb = np.array(pixels).reshape(100 * 100, 4)[:, :3]
    data_entry = next(d for d in index["datasets"] if d["name"] == entry["dataset"])
    expected = np.round(shaded(grid_probabilities(run, data_entry)) * 255)
    assert np.abs(rgb - expected).max() <= 2
    assert len(np.unique(rgb, axis=0)) > 100  # shades, not two flat colours
    # The per-class accuracy in words is the history's.
    summary = page.inner_text("#playground-summary")
    assert f"epoch {entry['settings']['epochs']}: training accuracy" in summary
    assert f"{run.history.val_accuracy[-1]:.1%}" in summary


def test_a_units_formula_gives_numpys_activation_at_the_cursor(open_page, built, index):
    _, run = saved_run(built, index, "main")
    page = ready(open_page(PLAYGROUND))
    unit = ".playground-unit[data-layer='1'][data-unit='0']"
    page.locator(unit).click()
    assert page.inner_text("#playground-unit h3") == "Layer 2, unit 1"
    # The cursor starts at the plane's centre; numpy's layer 2, unit 1 there.
    moons = next(d for d in index["datasets"] if d["name"] == "moons")
    box = moons["box"]
    centre = np.array([(box["xmin"] + box["xmax"]) / 2, (box["ymin"] + box["ymax"]) / 2])
    x = (centre - np.array(moons["mean"])) / np.array(moons["std"])
    model = run.model()
    h = x[None]
    for layer in model.layers[:4]:  # Linear, Tanh, Linear, Tanh
        h = layer(h)
    shown = float(page.get_attribute("#playground-unit .formula .result >> nth=-1", "data-value"))
    assert shown == pytest.approx(h[0, 0], abs=1e-12)
    assert page.get_attribute(unit, "aria-pressed") == "true"


def test_the_mini_batch_run_opens_from_its_link_on_numpys_curve(open_page, built, index):
    entry, run = saved_run(built, index, "batches")
    settings = entry["settings"]
    link = (
        f"#data={entry['dataset']}&hidden={settings['hidden'][0]}&activation=tanh"
        f"&lr={settings['lr']}&batch={settings['batch_size']}&epoch={settings['epochs']}"
    )
    page = ready(open_page(PLAYGROUND + link))
    assert page.input_value("#playground-init") == "saved"
    shown = float(page.get_attribute("#playground-loss", "data-value"))
    assert shown == pytest.approx(run.history.loss[-1], rel=RTOL, abs=0)
    assert "Faint: the pipeline's own run" in page.inner_text("#playground-curves-note")


def page_numbers(page) -> dict:
    """What the page shows of its run: epoch, exact loss, the words, the boundary."""
    return {
        "epoch": page.get_attribute("#playground", "data-epoch"),
        "loss": page.get_attribute("#playground-loss", "data-value"),
        "summary": page.inner_text("#playground-summary"),
        "boundary": page.evaluate(
            "() => Array.from(document.querySelector('#playground-boundary')"
            ".getContext('2d').getImageData(0, 0, 100, 100).data).join()"
        ),
    }


def set_number(page, selector: str, value) -> None:
    """Type a value into a number box and leave it, as a reader does (its change event)."""
    page.fill(selector, str(value))
    page.press(selector, "Tab")


def test_a_link_holds_the_whole_state_and_gives_the_same_numbers(open_page, server):
    page = ready(open_page(PLAYGROUND))
    page.select_option("#playground-data", "circles")
    set_number(page, "#playground-units-1", 4)
    set_number(page, "#playground-units-2", 4)
    page.select_option("#playground-activation", "relu")
    set_number(page, "#playground-lr", 0.1)
    set_number(page, "#playground-batch", 10)
    set_number(page, "#playground-seed", 7)  # circles: the page's generator; seed 7
    page.click("#playground-play")
    page.wait_for_function("Number(document.querySelector('#playground').dataset.epoch) >= 30")
    page.click("#playground-play")  # pause: the link is written
    ready(page)
    link = page.url
    epoch = page.get_attribute("#playground", "data-epoch")
    expected = "#data=circles&hidden=4;4&activation=relu&lr=0.1&batch=10&seed=7"
    assert link == f"{server}{PLAYGROUND}{expected}&epoch={epoch}"
    shown = page_numbers(page)
    again = ready(open_page(link[len(server) :]))
    assert page_numbers(again) == shown
    assert again.input_value("#playground-seed") == "7"
    # Reset: epoch 0 from the same initial parameters, as the link without an epoch.
    again.click("#playground-reset")
    ready(again)
    assert again.url == f"{server}{PLAYGROUND}{expected}"
    fresh = ready(open_page(PLAYGROUND + expected))
    assert page_numbers(fresh) == page_numbers(again)


# The page's own link (playground-link.js) written for a state, with its bounds.
LINK_IN_PAGE = """async ({ index, state }) => {
  const base = new URL("../../javascripts/explore/", window.location.href);
  const load = (name) => import(new URL(name, base));
  const { MOST_EPOCHS, MOST_PLACED, playgroundLink } = await load("playground-link.js");
  const { ACTIVATIONS } = await load("stack.js");
  const { PLACED_CLASSES } = await load("playground-data.js");
  const longest = (words) => words.reduce((a, b) => (b.length > a.length ? b : a));
  const widest = { x: -0.99, y: -0.99, class: PLACED_CLASSES - 1 }; // as long as one is written
  const full = {
    ...state,
    points: Array(MOST_PLACED).fill(widest),
    activation: longest(ACTIVATIONS),
    epoch: MOST_EPOCHS,
  };
  return { link: playgroundLink(index).write(full), most: MOST_PLACED };
}"""


def test_the_longest_link_the_page_writes_is_under_2000_characters(open_page, index, server):
    """Older browsers, mail and chat programs cut links past 2,000 characters; the page's
    table keeps its links under by its bounds, at the most of everything."""
    page = ready(open_page(PLAYGROUND))
    layers = [index["limits"]["units"]] * index["limits"]["layers"]
    state = {
        "file": None,
        "hidden": layers,
        "lr": 1.2345678901234567e-100,  # as long as a number is written
        "batch": 10000,
        "seed": 2**32 - 1,
    }
    points = page.evaluate(LINK_IN_PAGE, {"index": index, "state": {**state, "data": "points"}})
    assert points["link"].count(";") == points["most"] - 1 + len(layers) - 1  # all written
    assert len(points["link"]) < 2000, len(points["link"])
    # A file's name instead of the points: at most 255 bytes (here 2-byte letters).
    name = "é" * 125 + ".csv"
    state = {**state, "data": "file", "file": name}
    on_file = page.evaluate(LINK_IN_PAGE, {"index": index, "state": state})
    assert "file=" + "%C3%A9" * 125 in on_file["link"]
    assert len(on_file["link"]) < 2000, len(on_file["link"])


def choose_file(page, content: bytes, name: str = "points.csv") -> str:
    """Give the page a file of ``content`` and wait for what it says of it."""
    page.evaluate("document.querySelector('#playground-file-status').textContent = ''")
    files = {"name": name, "mimeType": "text/csv", "buffer": content}
    page.set_input_files("#playground-file", files=files)
    page.wait_for_function("document.querySelector('#playground-file-status').textContent")
    ready(page)
    return page.inner_text("#playground-file-status")


def test_a_readers_file_gets_pythons_sentence_for_every_case_of_the_table(open_page):
    page = ready(open_page(PLAYGROUND + "#data=file"))
    assert "Choose a points file" in page.inner_text("#playground-status")
    # The browser reads only a file the reader picked: no file to be missing.
    assert [case["name"] for case in CASES if case["lines"] is None] == ["a file that is not there"]
    for case in (case for case in CASES if case["lines"] is not None):
        said = choose_file(page, case_text(case).encode())
        if case["message"] is None:
            n = sum(times for _, times in case["lines"][1:])
            assert said.startswith(f"points.csv: {n} points, "), case["name"]
            assert page.inner_text("#playground-summary").startswith("points.csv, epoch 0:")
            assert page.get_attribute("#playground-file-status", "class") in (None, "")
        else:
            assert said == case["message"].format(file="points.csv"), case["name"]
            assert "explore-problem" in page.get_attribute("#playground-file-status", "class")
    said = choose_file(page, b"x1,x2,class\n\xff\xfe,1,0\n")
    assert said == "points.csv: not UTF-8 text; expected a CSV file"


def test_a_link_to_a_run_on_a_readers_file_asks_for_the_file_again(open_page, server):
    link = "#data=file&file=mine.csv&hidden=4&seed=3&epoch=25"
    page = ready(open_page(PLAYGROUND + link))
    assert "your file mine.csv, which no link can carry" in page.inner_text("#playground-status")
    assert page.url == f"{server}{PLAYGROUND}{link}"  # the link stays as it was
    good = next(case for case in CASES if case["name"] == "two classes of ten points")
    choose_file(page, case_text(good).encode(), name="mine.csv")
    assert page.get_attribute("#playground", "data-epoch") == "25"
    assert page.inner_text("#playground-summary").startswith("mine.csv, epoch 25:")
    assert page.url == f"{server}{PLAYGROUND}{link}"


def plane_at(page, x: float, y: float) -> tuple[float, float]:
    """Where the point (x, y) of the placed points' plane (-1 to 1) is on the screen."""
    page.locator("#playground-plane").scroll_into_view_if_needed()
    box = page.locator("#playground-plane").bounding_box()
    return box["x"] + (x + 1) / 2 * box["width"], box["y"] + (1 - y) / 2 * box["height"]


def test_points_are_placed_and_removed_by_mouse(open_page, server):
    page = ready(open_page(PLAYGROUND + "#data=points"))
    assert "Place points of two classes" in page.inner_text("#playground-status")
    for x, y, k in [(-0.5, 0.5, "0"), (-0.5, -0.5, "0"), (0.5, 0.5, "1"), (0.5, -0.25, "1")]:
        page.select_option("#playground-class", k)
        page.mouse.click(*plane_at(page, x, y))
    ready(page)
    assert page.inner_text("#playground-count") == "4 of 100 points"
    assert "points=-0.5,0.5,0;-0.5,-0.5,0;0.5,0.5,1;0.5,-0.25,1&" in page.url
    assert page.inner_text("#playground-status") == ""  # two classes: it trains
    page.mouse.click(*plane_at(page, -0.49, 0.51))  # on a point: removes it
    ready(page)
    assert page.inner_text("#playground-count") == "3 of 100 points"
    assert "points=-0.5,-0.5,0;0.5,0.5,1;0.5,-0.25,1&" in page.url
    page.click("#playground-play")
    page.wait_for_function("Number(document.querySelector('#playground').dataset.epoch) >= 10")
    page.click("#playground-play")
    ready(page)
    shown = page_numbers(page)
    again = ready(open_page(page.url[len(server) :]))
    assert page_numbers(again) == shown


def test_points_are_placed_and_removed_by_keyboard(open_page):
    page = ready(open_page(PLAYGROUND + "#data=points"))
    page.select_option("#playground-class", "2")
    page.focus("#playground-reset")
    page.keyboard.press("Tab")  # the plane, after the run's buttons
    assert page.evaluate("document.activeElement.id") == "playground-plane"
    for key in ["ArrowRight"] * 3 + ["ArrowUp"] * 2:
        page.keyboard.press(key)
    assert page.inner_text("#playground-cursor").startswith("Cursor at x1 = 0.30, x2 = 0.20.")
    page.keyboard.press("Enter")
    assert page.inner_text("#playground-cursor").startswith(
        "Placed a point of class 2 at (0.30, 0.20): 1 of 100."
    )
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.select_option("#playground-class", "0")
    page.focus("#playground-plane")
    page.keyboard.press("Enter")
    ready(page)
    assert "points=0.3,0.2,2;0.1,0.2,0&" in page.url
    assert page.inner_text("#playground-status") == ""  # two classes: a 2-...-3 network
    assert page.inner_text("#playground-summary").startswith("your points, epoch 0:")
    page.keyboard.press("Delete")  # the point under the cursor
    assert page.inner_text("#playground-count") == "1 of 100 points"
    page.keyboard.press("Delete")  # none within a step of the cursor
    assert page.inner_text("#playground-cursor").startswith("No point near the cursor")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Backspace")
    assert page.inner_text("#playground-count") == "0 of 100 points"
    assert "points=" not in page.url


def test_at_most_a_hundred_points_travel_in_a_link_of_2000_characters(open_page, server):
    # A 10 x 10 grid in a corner, each point as long as a point is written: -0.95,-0.91,3
    grid = [(-0.99 + 0.01 * (k % 10), -0.99 + 0.01 * (k // 10), k % 4) for k in range(100)]
    points = ";".join(f"{x:.2f},{y:.2f},{k}" for x, y, k in grid)
    page = ready(open_page(f"{PLAYGROUND}#data=points&points={points}&seed=4294967295&epoch=3"))
    assert page.inner_text("#playground-count") == "100 of 100 points"
    assert len(page.url) <= 2000
    page.focus("#playground-plane")
    page.keyboard.press("Enter")
    assert page.inner_text("#playground-cursor").startswith("At most 100 points: remove one")
    assert page.inner_text("#playground-count") == "100 of 100 points"


def test_a_point_is_placed_by_touch_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}{PLAYGROUND}#data=points")
    ready(page)
    page.touchscreen.tap(*plane_at(page, 0.5, -0.5))
    page.wait_for_function("document.querySelector('#playground-count').textContent[0] === '1'")
    assert "points=0.5,-0.5,0" in page.url
    assert errors == []
    context.close()


def test_a_learning_rate_too_large_stops_the_run_and_says_so(open_page):
    page = ready(open_page(PLAYGROUND + "#hidden=8&activation=relu&lr=1000000&seed=1&epoch=60"))
    said = page.inner_text("#playground-status")
    assert said.startswith("The run stopped: training diverged in epoch ")
    assert said.endswith("try a smaller learning rate.")
    assert int(page.get_attribute("#playground", "data-epoch")) < 60
    assert page.get_attribute("#playground-play", "aria-pressed") == "false"


def test_a_link_notes_what_it_cannot_use(open_page):
    page = ready(open_page(PLAYGROUND + "#hidden=8;40&activation=softplus&batch=-1"))
    note = page.inner_text("#playground-note")
    assert "hidden item 2 “40” (units is a whole number from 1 to 16)" in note
    assert "activation=softplus (one of relu, tanh, sigmoid)" in note
    assert "batch=-1 (a whole number from 0 to 10000)" in note


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_after_its_controls_are_used_has_no_accessibility_violation(
    open_page, width, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    page = ready(open_page(PLAYGROUND + "#data=points&points=-0.5,0.5,0;0.5,-0.5,1", width))
    page.mouse.click(*plane_at(page, 0.25, 0.5))
    page.locator(".playground-unit").first.click()
    page.select_option("#playground-data", "spiral")
    set_number(page, "#playground-layers", 3)
    page.click("#playground-step")
    ready(page)
    results = Axe().run(page)
    assert results.response["passes"], "axe checked nothing"
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=tmp_path / f"playground-{width}.png", full_page=True)
