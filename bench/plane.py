"""Part three's computing and drawing, job by job, and what it costs (run by hand:
`python -m bench.plane`).

Builds every result file of part three under OUT/results/plane/ and every figure under
OUT/figs/ (OUT: a new temporary folder unless --out is given) with the settings of
tests/plane/settings.yaml (or config/config.yaml's `plane:` block once it has one),
each job as the pipeline would run it: a fresh Python process calling the package.
Prints each job's CPU seconds (user + system, its children such as ffmpeg included) and
the total, judged against the budget of 60 CPU s; Snakemake's own work around the jobs
is not counted. `--csv FILE` builds from the reader's points instead. `--in-process`
runs the jobs in this process (no start-up costs counted: the work alone). `--quick`
shrinks the epochs, the grid and the frames (no timing judged), for a test. The jobs
are grouped as a pipeline could group them: one makes every dataset (scikit-learn takes
1.5 CPU s to import), one per dataset trains its runs and computes their boundaries,
one compares the runs with scikit-learn, one draws each figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from harness.workflow_copy import REPO
from scratchnet.plane import plan

CONFIG = REPO / "config" / "config.yaml"
DPI, GIF_DPI = 150, 100  # config/config.yaml's dpi and gif_dpi
BUDGET = 60  # CPU seconds for all of part three, on a 2-core machine (issue 34)


def plane_settings() -> dict:
    """config/config.yaml's `plane:` block."""
    return yaml.safe_load(CONFIG.read_text())["plane"]


def quick(plane: dict) -> dict:
    """``plane`` with a few epochs, a coarse grid and few frames: a test's build."""
    small = json.loads(json.dumps(plane))
    for block in ("network", "softmax_regression", "capacity", "depth"):
        small[block]["epochs"] = 4
    small.update(grid=20, frames=3)
    small["capacity"]["widths"] = [1, 8]
    return small


# --- the jobs: each one what a pipeline script would do ----------------------------------


def make_data(plane: dict, out: str, *datasets: str) -> None:
    """The datasets, in one job: scikit-learn takes 1.5 CPU s to import."""
    from scratchnet.plane.datasets import make_dataset, read_dataset, save_data

    for dataset in datasets:
        if dataset == plan.READER:
            data = read_dataset(
                plane["csv"], valid_fraction=plane["valid_fraction"], seed=plane["seed"]
            )
        else:
            data = make_dataset(dataset, plane["datasets"][dataset], seed=plane["seed"])
        save_data(data, f"{out}/results/plane/data/{dataset}.npz")


def train(plane: dict, out: str, dataset: str) -> None:
    """Every run on ``dataset``, and each run's boundary on the grid."""
    from scratchnet.plane import grids
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.runs import save_run, train_run

    data = load_data(f"{out}/results/plane/data/{dataset}.npz")
    grid = grids.plane_grid(data, resolution=plane["grid"])
    for run_name in plan.runs(plane, dataset):
        settings = plan.run_settings(plane, run_name)
        run = train_run(data, settings, seed=plane["seed"], stream=f"{dataset}/{run_name}")
        save_run(run, f"{out}/results/plane/runs/{dataset}/{run_name}.npz")
        boundary = grids.boundary(run, data, grid)
        grids.save_arrays(boundary, f"{out}/results/plane/grids/{dataset}/{run_name}.npz")


def compare(plane: dict, out: str) -> None:
    """Every compared run beside MLPClassifier: results/plane/comparison.json."""
    from scratchnet.atomic import save_json
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.runs import load_run
    from scratchnet.plane.sklearn_comparison import compare_with_sklearn

    comparisons = {}
    for dataset in plan.datasets(plane):
        data = load_data(f"{out}/results/plane/data/{dataset}.npz")
        for run_name in plan.runs(plane, dataset):
            if run_name in plan.COMPARED:
                run = load_run(f"{out}/results/plane/runs/{dataset}/{run_name}.npz")
                comparisons[f"{dataset}/{run_name}"] = compare_with_sklearn(
                    run, data, seed=plane["seed"]
                )
    save_json(comparisons, f"{out}/results/plane/comparison.json")


def main_run_grids(plane: dict, out: str) -> None:
    """The main run's units over the plane and the animation's frames."""
    from scratchnet.plane import grids
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.runs import load_run

    (dataset,) = plan.figure_datasets(plane, "boundary")
    data = load_data(f"{out}/results/plane/data/{dataset}.npz")
    run = load_run(f"{out}/results/plane/runs/{dataset}/network.npz")
    grid = grids.plane_grid(data, resolution=plane["grid"])
    folder = f"{out}/results/plane/grids/{dataset}"
    grids.save_arrays(grids.unit_responses(run, data, grid), f"{folder}/network-units.npz")
    frames = grids.boundary_frames(run, data, grid, frames=plane["frames"])
    grids.save_arrays(frames, f"{folder}/network-frames.npz")


def hidden_views(plane: dict, out: str) -> None:
    from scratchnet.plane import grids
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.hidden_view import hidden_view
    from scratchnet.plane.runs import load_run

    for dataset in plan.figure_datasets(plane, "hidden_view"):
        data = load_data(f"{out}/results/plane/data/{dataset}.npz")
        run = load_run(f"{out}/results/plane/runs/{dataset}/network.npz")
        view = hidden_view(run, data, resolution=plane["grid"])
        grids.save_arrays(view, f"{out}/results/plane/hidden/{dataset}.npz")


def summarise(plane: dict, out: str) -> None:
    from scratchnet.atomic import save_json
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.runs import load_run
    from scratchnet.plane.summary import data_summary, run_summary

    results = Path(out) / "results" / "plane"
    comparisons = json.loads((results / "comparison.json").read_text())
    metrics = {"data": {}, "runs": {}}
    for dataset in plan.datasets(plane):
        data = load_data(results / "data" / f"{dataset}.npz")
        metrics["data"][dataset] = data_summary(data)
        for run_name in plan.runs(plane, dataset):
            key = f"{dataset}/{run_name}"
            run = load_run(results / "runs" / f"{key}.npz")
            sklearn = comparisons.get(key, {}).get("sklearn")
            metrics["runs"][key] = run_summary(run, data.classes, sklearn)
    save_json(metrics, results / "metrics.json")


# --- the figures: each module's from_files(inputs, params) -------------------------------


class Inputs(dict):
    """A rule's named inputs, as Snakemake gives them: by attribute and by key."""

    __getattr__ = dict.__getitem__


def figure_inputs(plane: dict, out: str) -> dict[str, Inputs]:
    """Each static figure's inputs, by its file name in figs/."""
    results = f"{out}/results/plane"

    def each(figure: str, pattern: str) -> list[str]:
        return [f"{results}/{pattern.format(d=d)}" for d in plan.figure_datasets(plane, figure)]

    (main,) = plan.figure_datasets(plane, "boundary")
    (capacity,) = plan.figure_datasets(plane, "capacity")
    (depth,) = plan.figure_datasets(plane, "depth")
    widths = [run for run in plan.runs(plane, capacity) if run.startswith("width-")]
    return {
        "plane-data.png": Inputs(data=each("data", "data/{d}.npz")),
        "plane-hidden-layer.png": Inputs(
            data=each("hidden_layer", "data/{d}.npz"),
            linear=each("hidden_layer", "grids/{d}/softmax_regression.npz"),
            network=each("hidden_layer", "grids/{d}/network.npz"),
        ),
        "plane-anim-strip.png": Inputs(
            run=f"{results}/runs/{main}/network.npz",
            data=f"{results}/data/{main}.npz",
            frames=f"{results}/grids/{main}/network-frames.npz",
        ),
        "plane-units.png": Inputs(
            data=f"{results}/data/{main}.npz",
            units=f"{results}/grids/{main}/network-units.npz",
            boundary=f"{results}/grids/{main}/network.npz",
        ),
        "plane-capacity.png": Inputs(
            data=f"{results}/data/{capacity}.npz",
            boundaries=[f"{results}/grids/{capacity}/{run}.npz" for run in widths],
        ),
        "plane-depth.png": Inputs(
            data=f"{results}/data/{depth}.npz",
            **{f"{n}_boundary": f"{results}/grids/{depth}/{n}.npz" for n in ("shallow", "deep")},
            **{f"{n}_run": f"{results}/runs/{depth}/{n}.npz" for n in ("shallow", "deep")},
        ),
        "plane-hidden-view.png": Inputs(
            data=each("hidden_view", "data/{d}.npz"),
            boundaries=each("hidden_view", "grids/{d}/network.npz"),
            views=each("hidden_view", "hidden/{d}.npz"),
        ),
    }


MODULES = {
    "plane-data.png": "data",
    "plane-hidden-layer.png": "hidden_layer",
    "plane-anim-strip.png": "animation_strip",
    "plane-units.png": "units",
    "plane-capacity.png": "capacity",
    "plane-depth.png": "depth",
    "plane-hidden-view.png": "hidden_view",
}


def draw_figure(plane: dict, out: str, file: str) -> None:
    import importlib

    from scratchnet.figures.common import save_figure

    module = importlib.import_module(f"scratchnet.figures.plane.{MODULES[file]}")
    fig = module.from_files(figure_inputs(plane, out)[file], {})
    save_figure(fig, f"{out}/figs/{file}", dpi=DPI)


def render_animation(plane: dict, out: str) -> None:
    """plane-anim.gif, then plane-anim.mp4 (two jobs in the pipeline, as part one's)."""
    from scratchnet.figures.plane.animation import write_gif
    from scratchnet.figures.video import gif_to_mp4
    from scratchnet.plane.datasets import load_data
    from scratchnet.plane.grids import load_arrays
    from scratchnet.plane.runs import load_run

    inputs = figure_inputs(plane, out)["plane-anim-strip.png"]
    gif = f"{out}/figs/plane-anim.gif"
    frames = write_gif(
        load_run(inputs.run),
        load_data(inputs.data),
        load_arrays(inputs.frames),
        gif,
        duration_ms=plane["frame_ms"],
        dpi=GIF_DPI,
    )
    gif_to_mp4(gif, f"{out}/figs/plane-anim.mp4", frame_ms=plane["frame_ms"], frames=frames)


JOBS = {
    "draw_figure": draw_figure,
    "render_animation": render_animation,
    "make_data": make_data,
    "train": train,
    "compare": compare,
    "main_run_grids": main_run_grids,
    "hidden_views": hidden_views,
    "summarise": summarise,
}


def jobs(plane: dict) -> list[tuple[str, list[str]]]:
    """(job, its arguments after ``plane`` and ``out``) in an order that works."""
    datasets = plan.datasets(plane)
    listed = [("make_data", datasets)] + [("train", [d]) for d in datasets]
    listed += [("compare", []), ("main_run_grids", []), ("hidden_views", []), ("summarise", [])]
    listed += [("draw_figure", [file]) for file in MODULES] + [("render_animation", [])]
    return listed


def run_job(plane: dict, out: str, name: str, args: list[str], in_process: bool) -> float:
    """Run one job; its CPU seconds (its process's and that process's children's)."""
    if in_process:
        started = time.process_time()
        JOBS[name](plane, out, *args)
        return time.process_time() - started
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "bench.plane", "--job", name, json.dumps(plane), out, *args]
    subprocess.run(command, check=True, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--job":  # one job, in a process of its own
        name, plane, out, *args = sys.argv[2:]
        JOBS[name](json.loads(plane), out, *args)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="the folder to build into (default: a new temporary one)")
    parser.add_argument("--csv", help="the reader's points file (plane.csv)")
    parser.add_argument("--in-process", action="store_true", help="run the jobs in this process")
    parser.add_argument("--quick", action="store_true", help="tiny settings, for a test")
    options = parser.parse_args()
    plane = plane_settings()
    if options.csv:
        plane["csv"] = str(Path(options.csv).resolve())
    if options.quick:
        plane = quick(plane)
    out = options.out or tempfile.mkdtemp(prefix="plane-")
    for folder in ("data", "runs", "grids", "hidden"):
        for dataset in plan.datasets(plane):
            (Path(out) / "results" / "plane" / folder / dataset).mkdir(parents=True, exist_ok=True)
    (Path(out) / "figs").mkdir(parents=True, exist_ok=True)
    total = 0.0
    print("| job | CPU s |\n| --- | ---: |")
    for name, args in jobs(plane):
        seconds = run_job(plane, out, name, args, options.in_process)
        total += seconds
        print(f"| {' '.join([name, *args])} | {seconds:.2f} |", flush=True)
    print(f"| total | {total:.2f} |")
    print(f"built into {out}\n")
    met = "yes" if total <= BUDGET else "NO"
    print("| target | measured | goal | met |\n| --- | ---: | --- | --- |")
    print(f"| part three's computing and drawing, CPU s | {total:.1f} | <= {BUDGET} | {met} |")


if __name__ == "__main__":
    main()
