"""Benchmark: the replay page's trainer in headless Chromium beside numpy's.

Run by hand from the repository root, after `snakemake --cores 2 docs` (never as a timed
test: machines are shared):

    python -m bench.browser_trainer            # about a minute
    python -m bench.browser_trainer --quick    # 200 iterations, 3 repeats: checks it works

The page trains the tutorial's 9-6-2 network on its 24 training images with
docs/javascripts/explore/train.js (through experiment.js, as the page's "Branch here"
does), from the saved run's iteration 0 with the run's learning rate, for N iterations;
numpy trains the same with scratchnet.lines.training.train from the same parameters.
Chromium is Debian's, headless, as the browser tests start it, serving site/ on 127.0.0.1.
"cold" is a branch in a freshly opened page (its first, as a reader's first click);
"warm" the median of repeats in one page. Medians over the repeats; the load average
before and after is printed, to judge whether the run was quiet.

Target: a 200-iteration branch in at most 100 ms in Chromium (cold), so training feels live.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import statistics
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.run import machine, print_row  # the animation benchmark's helpers
from harness.chromium import CHROMIUM, CHROMIUM_ARGS
from harness.workflow_copy import REPO
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import train

TARGET_MS = 100
TARGET_ITERATIONS = 200

# In the replay page: train `iterations` from iteration 0 with the page's own modules and
# data; returns the milliseconds of each of `repeats` branches and the last loss.
TIME_IN_PAGE = """async ({ iterations, repeats }) => {
  const base = new URL("../../javascripts/explore/", window.location.href);
  const { loadArrays, loadJson } = await import(new URL("data.js", base));
  const { Experiment } = await import(new URL("experiment.js", base));
  const { matrix } = await import(new URL("train.js", base));
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


def serve(site: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


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
    httpd = serve(args.site)
    url = f"http://127.0.0.1:{httpd.server_port}/explore/replay/"
    rows = []
    with sync_playwright() as playwright:
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
        browser.close()
    httpd.shutdown()
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


if __name__ == "__main__":
    main()
