"""Benchmark: the page trainers in headless Chromium: the replay page's beside numpy's,
and the plane's at a frame of Playground's load, in a page of its own and in the
playground page itself.

Run by hand from the repository root, after `snakemake --cores 2 docs` (never as a timed
test: machines are shared):

    python -m bench.browser_trainer            # about a minute
    python -m bench.browser_trainer --quick    # 200 iterations, 3 repeats, a few frames:
                                               # checks it works

The page trains the tutorial's 9-6-2 network on its 24 training images with
docs/javascripts/explore/train.js (through experiment.js, as the page's "Branch here"
does), from the saved run's iteration 0 with the run's learning rate, for N iterations;
numpy trains the same with scratchnet.lines.training.train from the same parameters.
Chromium is Debian's, headless, as the browser tests start it, serving site/ on 127.0.0.1.
"cold" is a branch in a freshly opened page (its first, as a reader's first click);
"warm" the median of repeats in one page. Medians over the repeats; the load average
before and after is printed, to judge whether the run was quiet.

The plane's trainer, docs/javascripts/explore/stack.js, in a page of its own with the
modules beside it (harness/chromium.py's harness: no built site needed): a frame is one
epoch of a fresh 2-8-8-2 tanh network on 200 points (two moons) in batches of 10
(Playground's default: 20 steps), its forward pass over a 100 x 100 grid with every hidden
unit's activation, and the drawing: the boundary and the 16 unit maps painted into 100 x
100 ImageData (gridimage.js) and put on canvases that CSS shows at 400 and 64 pixels, as a
page would. The parts are timed frame after frame (medians); then frames run in
requestAnimationFrame for a few seconds, which counts what the browser shows, painting
and compositing included. Then the playground page itself (site/explore/playground/),
at the same load from its link (#hidden=8;8&lr=0.1&batch=10&seed=1 on the moons' 200
training points): Play for a few seconds, the epochs it trained (one a frame) per second
of the page's clock; its frame also evaluates the validation set, counts each class's
right points, draws both curves and writes the numbers.

Targets: a 200-iteration branch in at most 100 ms in Chromium (cold), so training feels
live; the playground page's frames at 30 per second or more.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.run import machine, print_row  # the animation benchmark's helpers
from harness.chromium import CHROMIUM, CHROMIUM_ARGS, harness, serve
from harness.stack_runs import moons  # the browser tests' datasets
from harness.workflow_copy import REPO
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import train

TARGET_MS = 100
TARGET_ITERATIONS = 200
TARGET_FPS = 30

# In the replay page: train `iterations` from iteration 0 with the page's own modules and
# data; returns the milliseconds of each of `repeats` branches and the last loss.
TIME_IN_PAGE = """async ({ iterations, repeats }) => {
  const base = new URL("../../javascripts/explore/", window.location.href);
  const { loadArrays, loadJson } = await import(new URL("data.js", base));
  const { Experiment } = await import(new URL("experiment.js", base));
  const { matrix } = await import(new URL("matrix.js", base));
  const indexUrl = new URL("../data/replay/index.json", window.location.href);
  const index = await loadJson(indexUrl);
  const run = index.runs[0];
  const saved = await loadArrays(indexUrl, run.data);
  const { x0 } = await loadArrays(indexUrl, index.training_set);
  const times = [];
  let loss = null;
  for (let k = 0; k < repeats; k += 1) {
    const experiment = new Experiment(saved, matrix(...x0.shape, x0.values), index.labels,
      run.settings.lr);
    const start = performance.now();
    experiment.startBranch({ from: 0, lr: run.settings.lr, until: iterations, edits: [] });
    experiment.grow();
    times.push(performance.now() - start);
    loss = experiment.branch.loss[iterations];
  }
  return { times, loss };
}"""


# In the harness page: a frame of the plane's page, `frames` times back to back (each part
# timed), then for `seconds` in requestAnimationFrame (frames shown per second).
PLANE_FRAMES = """async ({ x, labels, frames, seconds }) => {
  const load = (name) => import(new URL(`${name}.js`, window.location.href));
  const [stack, matrix, random, gridimage] = await Promise.all(
    ["stack", "matrix", "random", "gridimage"].map(load));
  const generator = new random.Random(1);
  const model = stack.initModel([2, 8, 8, 2], "tanh", generator);
  const data = matrix.matrix(labels.length, 2, Float64Array.from(x));
  const points = stack.gridPoints({ xmin: -1.5, xmax: 2.5, ymin: -1.25, ymax: 1.75 }, 100);
  const buffers = stack.gridBuffers(model, points.rows);
  // White to a colour in 256 steps: each class's table; the units' runs blue-white-orange.
  const ramp = (rgb) => Array.from({ length: 256 }, (_, k) => "#" + rgb.map((c) =>
    Math.round(255 + ((c - 255) * k) / 255).toString(16).padStart(2, "0")).join(""));
  const [blue, orange] = [ramp([31, 119, 180]), ramp([255, 127, 14])];
  const classTables = [blue, orange].map(gridimage.colourBytes);
  const unitTable = gridimage.colourBytes([...blue.slice().reverse(), ...orange]);
  const canvas = (size) => {
    const element = document.createElement("canvas");
    element.width = element.height = 100;
    element.style.width = element.style.height = `${size}px`;
    document.querySelector("main").append(element);
    return { context: element.getContext("2d"), image: new ImageData(100, 100) };
  };
  const boundary = canvas(400);
  const maps = buffers.units.map(() => canvas(64));
  let epoch = 0;
  const frame = () => {
    const started = performance.now();
    epoch += 1;
    const batches = stack.batchesOf(generator.permutation(labels.length), 10);
    const { loss } = stack.trainEpoch(model, data, labels, batches, 0.1, epoch);
    const trained = performance.now();
    stack.gridForward(model, points, buffers);
    const forward = performance.now();
    gridimage.paintClasses(boundary.image, buffers.classes, buffers.probability, classTables);
    boundary.context.putImageData(boundary.image, 0, 0);
    maps.forEach(({ context, image }, k) => {
      gridimage.paintValues(image, buffers.units[k], unitTable, -1, 1);
      context.putImageData(image, 0, 0);
    });
    const drawn = performance.now();
    return { epoch: trained - started, grid: forward - trained, draw: drawn - forward, loss };
  };
  const timed = Array.from({ length: frames }, frame);
  const shown = await new Promise((resolve) => {
    let count = 0;
    const start = performance.now();
    const tick = () => {
      frame();
      count += 1;
      const elapsed = performance.now() - start;
      if (elapsed < seconds * 1000) requestAnimationFrame(tick);
      else resolve(count / (elapsed / 1000));
    };
    requestAnimationFrame(tick);
  });
  return { timed, shown, units: maps.length, loss: timed.at(-1).loss };
}"""


# The playground page at Playground's load: 2-8-8-2 tanh on the moons' 200 training
# points in batches of 10 (the boundary's grid is the page's, 100 x 100).
PLAYGROUND_LINK = "explore/playground/#hidden=8;8&activation=tanh&lr=0.1&batch=10&seed=1"
# In the page, playing: (epoch, the page's clock in ms) now.
PLAYGROUND_CLOCK = """() => [
  Number(document.querySelector("#playground").dataset.epoch), performance.now()]"""


def page_frames(browser, site: str, quick: bool) -> dict[str, float]:
    """Frames per second of the playground page itself at Playground's load: epochs
    trained per second while it plays (one a frame), after a second to warm up; checks
    that it drew 16 unit maps and learned."""
    seconds = 1 if quick else 5
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + PLAYGROUND_LINK)
    page.wait_for_selector("#playground[data-ready=true]")
    maps = page.locator(".playground-unit canvas").count()
    page.click("#playground-play")
    page.wait_for_timeout(1000)
    start_epoch, start = page.evaluate(PLAYGROUND_CLOCK)
    page.wait_for_timeout(seconds * 1000)
    end_epoch, end = page.evaluate(PLAYGROUND_CLOCK)
    page.click("#playground-play")
    loss = float(page.get_attribute("#playground-loss", "data-value"))
    page.close()
    if maps != 16 or not loss < 0.69:
        raise SystemExit(f"the playground page drew {maps} maps, loss {loss}")
    return {"shown": (end_epoch - start_epoch) / ((end - start) / 1000), "epochs": end_epoch}


def numpy_ms(results: Path, iterations: int, repeats: int) -> tuple[list[float], float]:
    """Milliseconds of numpy's training for ``iterations`` from iteration 0 of the run in
    ``results``, and its last loss."""
    history = load_history(results / "training" / "history.npz")
    train_set = read_csv(results / "data" / "train.csv")
    x0, labels = train_set.x0(), train_set.labels
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = train(x0, labels, lr=0.01, iterations=iterations, start=history.params_at(0))
        times.append((time.perf_counter() - start) * 1000)
    return times, float(result.loss[-1])


def plane_frames(browser, quick: bool) -> dict[str, float]:
    """Median milliseconds of a plane frame's parts and frames shown per second, in a
    fresh harness page; checks that the frames trained and drew 16 unit maps."""
    frames, seconds = (20, 1) if quick else (300, 5)
    x, labels = moons(200, 0)
    arg = {"x": x.ravel().tolist(), "labels": labels.tolist(), "frames": frames}
    with tempfile.TemporaryDirectory() as folder, serve(harness(Path(folder))) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "index.html")
        out = page.evaluate(PLANE_FRAMES, {**arg, "seconds": seconds})
        page.close()
    if out["units"] != 16 or not out["loss"] < 0.69:
        raise SystemExit(f"the plane's frames drew {out['units']} maps, loss {out['loss']}")
    times = {part: statistics.median(t[part] for t in out["timed"]) for part in out["timed"][0]}
    times.pop("loss")
    return {**times, "work": sum(times.values()), "shown": out["shown"]}


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the page's trainer (module doc).")
    parser.add_argument("--quick", action="store_true", help="200 iterations, 3 repeats")
    parser.add_argument(
        "--site", type=Path, default=REPO / "site", help="the built site (results/ beside it)"
    )
    args = parser.parse_args()
    sizes, repeats = ((TARGET_ITERATIONS,), 3) if args.quick else ((200, 1000, 5000), 9)
    if not (args.site / "explore" / "replay" / "index.html").exists():
        raise SystemExit(f"{args.site}: no built site; run `snakemake --cores 2 docs` first")
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium")
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()
    rows = []
    with sync_playwright() as playwright, serve(args.site) as site:
        url = f"{site}explore/replay/"
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for iterations in sizes:
            cold = []
            for _ in range(repeats):  # a fresh page each: its first branch
                page = browser.new_page()
                page.goto(url)
                page.wait_for_selector("[data-ready=true]")
                out = page.evaluate(TIME_IN_PAGE, {"iterations": iterations, "repeats": 1})
                cold.append(out["times"][0])
                page.close()
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("[data-ready=true]")
            warm = page.evaluate(TIME_IN_PAGE, {"iterations": iterations, "repeats": repeats})
            page.close()
            numpy, numpy_loss = numpy_ms(args.site.parent / "results", iterations, repeats)
            if abs(warm["loss"] - numpy_loss) > 1e-9 * abs(numpy_loss):
                raise SystemExit(
                    f"{iterations} iterations: the page's loss {warm['loss']} is "
                    f"not numpy's {numpy_loss}"
                )
            rows.append(
                (
                    iterations,
                    statistics.median(cold),
                    statistics.median(warm["times"]),
                    statistics.median(numpy),
                )
            )
        plane = plane_frames(browser, args.quick)
        playground = page_frames(browser, site, args.quick)
        browser.close()
    load_after = os.getloadavg()

    print(
        f"Machine: {machine()}; Chromium: {CHROMIUM}; "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )
    print(f"Load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    print()
    print_row(
        "iterations", "Chromium, cold (ms)", "Chromium, warm (ms)", "numpy (ms)", "warm / numpy"
    )
    print_row("---:", "---:", "---:", "---:", "---:")
    for iterations, cold, warm, numpy in rows:
        print_row(iterations, f"{cold:.1f}", f"{warm:.1f}", f"{numpy:.1f}", f"{warm / numpy:.2f}")
    print()
    print_row(
        "plane frame: 2-8-8-2 tanh, 200 points, batches of 10",
        "epoch (ms)",
        "100 x 100 grid forward (ms)",
        "painting 1 + 16 maps (ms)",
        "frame's work (ms)",
        "frames shown per second",
    )
    print_row("---", "---:", "---:", "---:", "---:", "---:")
    print_row(
        "Chromium, headless: the modules alone",
        *(f"{plane[part]:.2f}" for part in ("epoch", "grid", "draw", "work")),
        f"{plane['shown']:.1f}",
    )
    print_row(
        "Chromium, headless: the playground page, playing", "", "", "", "",
        f"{playground['shown']:.1f}",
    )  # fmt: skip
    print()
    cold_200 = next(cold for iterations, cold, *_ in rows if iterations == TARGET_ITERATIONS)
    print_row("target", "measured", "goal", "met")
    print_row("---", "---:", "---:", "---")
    met = "yes" if cold_200 <= TARGET_MS else "NO"
    print_row(
        f"{TARGET_ITERATIONS}-iteration branch in Chromium, cold",
        f"{cold_200:.1f} ms",
        f"≤ {TARGET_MS} ms",
        met,
    )
    print_row(
        "the playground page's frames (an epoch, the grid, 17 maps, curves) per second",
        f"{playground['shown']:.1f}",
        f"≥ {TARGET_FPS}",
        "yes" if playground["shown"] >= TARGET_FPS else "NO",
    )


if __name__ == "__main__":
    main()
