"""The pipeline half of the training benchmark: clean builds and sweeps, timed in fresh
copies of the workflow (run by bench/training.py, or alone: `python bench/pipeline.py`).

(3) A clean `snakemake -j4` of chapter one alone (`lines`), of both chapters and the
    website (`all docs`), and a no-op rerun; the largest job's peak memory.
(4) A local sweep: points per minute, each job's fixed cost (process start, imports,
    Snakemake's bookkeeping: its wall time less its training) and the share of the
    sweep's wall time x cores spent training, on the bundled digits' default grid and on
    a small grid over generated MNIST-shaped IDX files (about 10,000 images), where each
    point trains for seconds, as real sweeps do.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

from run import copy_workflow, job_peaks, largest_job, print_row, timed  # bench/run.py
from scratchnet.digits.idx import write_mnist

CORES = 4  # the README's command; on 2 cores Snakemake runs 2 jobs at a time anyway


def build(workdir: Path, *args: str) -> float:
    """Wall seconds of `snakemake --cores 4 ARGS` in ``workdir``."""
    return timed([sys.executable, "-m", "snakemake", "--cores", str(CORES), *args], workdir)[0]


def measure_builds(tmp: Path, quick: bool) -> tuple[list[tuple], dict]:
    """(3): rows of (build, wall s, largest job, its MB) and the numbers the targets need."""
    small = ["--config", "iterations=20", "dpi=40", "gif_dpi=30"] if quick else []
    rows, facts = [], {}
    lines = copy_workflow(tmp / "lines")
    facts["lines_s"] = build(lines, "lines", *small)
    rows.append(("chapter one alone (`lines`)", facts["lines_s"], *largest_job(job_peaks(lines))))
    chapters = copy_workflow(tmp / "chapters")
    facts["chapters_s"] = build(chapters, "all", *small)
    rows.append(("both chapters (`all`)", facts["chapters_s"], *largest_job(job_peaks(chapters))))
    both = copy_workflow(tmp / "both")
    facts["both_s"] = build(both, "all", "docs", *small)
    job, peak = largest_job(job_peaks(both))
    facts["largest_mb"] = peak
    rows.append(("both chapters and the website (`all docs`)", facts["both_s"], job, peak))
    facts["noop_s"] = build(both, "all", "docs", *small)
    rows.append(("no-op rerun of `all docs`", facts["noop_s"], "", ""))
    return rows, facts


def sweep_times(workdir: Path) -> tuple[int, float, float]:
    """(points, summed job wall seconds, summed training seconds) of a finished sweep, from
    each point's benchmark file and the "trained in" line of its log."""
    job_s = train_s = 0.0
    benchmarks = sorted((workdir / "results" / "benchmarks" / "sweep").rglob("*.tsv"))
    for tsv in benchmarks:
        with open(tsv) as f:
            job_s += float(next(csv.DictReader(f, delimiter="\t"))["s"])
        log = workdir / "results" / "logs" / "sweep" / tsv.relative_to(tsv.parents[3])
        found = re.search(r"^trained in ([\d.]+) s$", log.with_suffix(".log").read_text(), re.M)
        train_s += float(found[1])
    return len(benchmarks), job_s, train_s


def measure_sweep(workdir: Path, sweep_yaml: str, cores: int) -> dict:
    """Run the sweep of ``sweep_yaml`` (its data prepared first, untimed) and measure it."""
    (workdir / "sweep.yaml").write_text(sweep_yaml)
    config = ["--configfile", str(workdir / "sweep.yaml")]
    build(workdir, "results/sweep/data/train.npz", *config)
    wall = timed(
        [sys.executable, "-m", "snakemake", "--cores", str(cores), "sweep", *config], workdir
    )[0]
    points, job_s, train_s = sweep_times(workdir)
    return {
        "points": points,
        "wall_s": wall,
        "points_per_min": points / wall * 60,
        "fixed_s_per_job": (job_s - train_s) / points,
        "train_s_per_job": train_s / points,
        "training_share": train_s / (wall * cores),
    }


def fake_mnist(folder: Path, n_train: int, n_test: int) -> None:
    """MNIST-shaped IDX files of random 28x28 images with every label present."""
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(n_train + n_test, 28, 28), dtype=np.uint8)
    labels = (np.arange(n_train + n_test) % 10).astype(np.uint8)
    write_mnist(folder, images[:n_train], labels[:n_train], images[n_train:], labels[n_train:])


def measure_sweeps(tmp: Path, quick: bool, cores: int) -> list[tuple[str, dict]]:
    """(4): the default grid on the bundled digits, and a small grid on MNIST-shaped data."""
    digits_grid = (
        "sweep:\n  losses: [cross_entropy]\n  inits: [he]\n  lrs: [0.1]\n  seeds: [0, 1]\n"
        "  epochs: 2\n"
        if quick
        else "sweep: {}\n"  # the config's default grid
    )
    digits = measure_sweep(copy_workflow(tmp / "sweep-digits"), digits_grid, cores)
    mnist_dir = tmp / "mnist"
    n_train, n_test = (600, 100) if quick else (10_000, 1_000)
    fake_mnist(mnist_dir, n_train, n_test)
    # 24 points of a few seconds each: a sweep pays a few seconds once (Snakemake's start,
    # the summary and its figure at the end); real sweeps spread that over many points.
    mnist_grid = (
        f"sweep:\n  mnist_dir: {mnist_dir}\n  losses: [mse, softmax_mse, cross_entropy]\n"
        f"  inits: [he]\n  lrs: [0.03, 0.1]\n  seeds: [0, 1, 2, 3]\n  hidden: 100\n"
        f"  epochs: {2 if quick else 20}\n"
    )
    mnist = measure_sweep(copy_workflow(tmp / "sweep-mnist"), mnist_grid, cores)
    return [("bundled digits, default grid", digits), (f"MNIST-shaped, {n_train:,} images", mnist)]


def print_pipeline(builds: list[tuple], sweeps: list[tuple[str, dict]]) -> None:
    print("\n(3) clean builds, snakemake --cores 4\n")
    print_row("build", "wall s", "largest job", "its peak MB")
    print_row("---", "---:", "---", "---:")
    for name, wall, job, peak in builds:
        print_row(name, f"{wall:.1f}", job, f"{peak:.0f}" if peak != "" else "")
    print("\n(4) sweeps, run locally\n")
    print_row(
        "sweep", "points", "wall s", "points/min", "fixed s/job", "training s/job", "training share"
    )
    print_row("---", "---:", "---:", "---:", "---:", "---:", "---:")
    for name, s in sweeps:
        print_row(
            name,
            s["points"],
            f"{s['wall_s']:.1f}",
            f"{s['points_per_min']:.0f}",
            f"{s['fixed_s_per_job']:.2f}",
            f"{s['train_s_per_job']:.2f}",
            f"{s['training_share']:.0%}",
        )


def pipeline_targets(facts: dict, sweeps: list[tuple[str, dict]]) -> list[tuple]:
    """(target, measured, goal, met) rows for parts (3) and (4)."""
    ratio = facts["chapters_s"] / facts["lines_s"]
    with_site = facts["both_s"] / facts["lines_s"]
    mnist = sweeps[1][1]  # the MNIST-shaped sweep
    return [
        ("(3) both chapters / chapter one alone", f"{ratio:.2f}", "<= 2", ratio <= 2),
        (
            "(3) both chapters and the site (with the sweep it quotes) / chapter one alone",
            f"{with_site:.2f}",
            "<= 2",
            with_site <= 2,
        ),
        ("(3) no-op rerun, s", f"{facts['noop_s']:.1f}", "<= 3", facts["noop_s"] <= 3),
        ("(3) largest job, MB", f"{facts['largest_mb']:.0f}", "<= 300", facts["largest_mb"] <= 300),
        (
            "(4) MNIST-shaped sweep, share of wall time x cores training",
            f"{mnist['training_share']:.0%}",
            ">= 80%",
            mnist["training_share"] >= 0.8,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, just check it works")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scratchnet-bench-") as tmp:
        builds, facts = measure_builds(Path(tmp), args.quick)
        sweeps = measure_sweeps(Path(tmp), args.quick, cores=2)
    print_pipeline(builds, sweeps)
    print()
    print_row("target", "measured", "goal", "met")
    print_row("---", "---:", "---", "---")
    for target, measured, goal, met in pipeline_targets(facts, sweeps):
        print_row(target, measured, goal, "yes" if met else "NO")


if __name__ == "__main__":
    main()
