"""The pipeline half of the training benchmark: clean builds and sweeps, timed in fresh
copies of the workflow (run by bench/training.py, or alone: `python -m bench.pipeline`).

(3) A clean `snakemake -j4` of part one alone (`lines`), of every part and the
    website (`all docs`), and a no-op rerun; the largest job's peak memory.
(4) A local sweep at -j2: points per minute, jobs, each job's fixed cost (process start,
    imports, Snakemake's bookkeeping: its wall time less its training) and the share of
    the sweep's wall time x cores spent training, on the bundled digits' default grid
    both at the default chunking (sweep.points_per_job) and at one point per job, and on
    a small grid over generated MNIST-shaped IDX files (about 10,000 images), where each
    point trains for seconds, as real sweeps do.
(5) With --slurm, on the CI cluster (`.ci/slurm-cluster up`): a small sweep through
    profiles/slurm, in chunks as the profile sets them and at one point per job.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench.run import job_peaks, largest_job, print_row, timed
from harness.workflow_copy import copy_workflow, small_parts_config
from scratchnet.digits.idx import write_mnist

CORES = 4  # the README's command; on 2 cores Snakemake runs 2 jobs at a time anyway


def build(workdir: Path, *args: str) -> float:
    """Wall seconds of `snakemake --cores 4 ARGS` in ``workdir``."""
    return timed([sys.executable, "-m", "snakemake", "--cores", str(CORES), *args], workdir)[0]


def measure_builds(tmp: Path, quick: bool) -> tuple[list[tuple], dict]:
    """(3): rows of (build, wall s, largest job, its MB) and the numbers the targets need."""
    rows, facts = [], {}

    def small(workdir: Path) -> list[str]:
        """Quick: part one shorter and coarser, parts two and three at a few epochs."""
        if not quick:
            return []
        return ["--config", "iterations=20", "dpi=40", "gif_dpi=30", *small_parts_config(workdir)]

    lines = copy_workflow(tmp / "lines")
    facts["lines_s"] = build(lines, "lines", *small(lines))
    rows.append(("part one alone (`lines`)", facts["lines_s"], *largest_job(job_peaks(lines))))
    parts = copy_workflow(tmp / "parts")
    facts["chapters_s"] = build(parts, "all", *small(parts))
    rows.append(("every part (`all`)", facts["chapters_s"], *largest_job(job_peaks(parts))))
    both = copy_workflow(tmp / "both")
    facts["both_s"] = build(both, "all", "docs", *small(both))
    job, peak = largest_job(job_peaks(both))
    facts["largest_mb"] = peak
    rows.append(("every part and the website (`all docs`)", facts["both_s"], job, peak))
    facts["noop_s"] = build(both, "all", "docs", *small(both))
    rows.append(("no-op rerun of `all docs`", facts["noop_s"], "", ""))
    return rows, facts


def sweep_times(workdir: Path) -> tuple[int, int, float, float]:
    """(points, jobs, summed job wall seconds, summed training seconds) of a finished sweep,
    from each chunk's benchmark file and the "trained in" lines of its log (one a point)."""
    job_s = train_s = 0.0
    points = 0
    benchmarks = sorted((workdir / "results" / "benchmarks" / "sweep").glob("chunk-*.tsv"))
    for tsv in benchmarks:
        with open(tsv) as f:
            job_s += float(next(csv.DictReader(f, delimiter="\t"))["s"])
        log = workdir / "results" / "logs" / "sweep" / f"{tsv.stem}.log"
        trained = re.findall(r": trained in ([\d.]+) s,", log.read_text())
        points += len(trained)
        train_s += sum(map(float, trained))
    return points, len(benchmarks), job_s, train_s


def measure_sweep(workdir: Path, sweep_yaml: str, cores: int) -> dict:
    """Run the sweep of ``sweep_yaml`` (its data prepared first, untimed) and measure it."""
    (workdir / "sweep.yaml").write_text(sweep_yaml)
    config = ["--configfile", str(workdir / "sweep.yaml")]
    build(workdir, "results/sweep/data/train.npz", *config)
    wall = timed(
        [sys.executable, "-m", "snakemake", "--cores", str(cores), "sweep", *config], workdir
    )[0]
    points, jobs, job_s, train_s = sweep_times(workdir)
    return {
        "points": points,
        "jobs": jobs,
        "wall_s": wall,
        "points_per_min": points / wall * 60,
        "fixed_s_per_job": (job_s - train_s) / jobs,
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
    """(4): the default grid on the bundled digits, at the default chunking and at one
    point per job, and a small grid on MNIST-shaped data."""
    digits_grid = (
        "sweep:\n  losses: [cross_entropy]\n  inits: [he]\n  lrs: [0.1, 0.3]\n"
        "  seeds: [0, 1]\n  epochs: 2\n  points_per_job: 2\n"
        if quick
        else "sweep: {}\n"  # the config's default grid and chunking
    )
    digits = measure_sweep(copy_workflow(tmp / "sweep-digits"), digits_grid, cores)
    one_each = digits_grid.replace("  points_per_job: 2\n", "").replace("{}", "")
    one_each += "  points_per_job: 1\n"
    single = measure_sweep(copy_workflow(tmp / "sweep-digits-1"), one_each, cores)
    mnist_dir = tmp / "mnist"
    n_train, n_test = (600, 100) if quick else (10_000, 1_000)
    fake_mnist(mnist_dir, n_train, n_test)
    # 24 points of a few seconds each: a sweep pays a few seconds once (Snakemake's start,
    # the summary and its figure at the end); real sweeps spread that over many points.
    mnist_grid = (
        f"digits:\n  mnist_dir: {mnist_dir}\n"
        f"sweep:\n  losses: [mse, softmax_mse, cross_entropy]\n"
        f"  inits: [he]\n  lrs: [0.03, 0.1]\n  seeds: [0, 1, 2, 3]\n  hidden: 100\n"
        f"  epochs: {2 if quick else 20}\n"
    )
    mnist = measure_sweep(copy_workflow(tmp / "sweep-mnist"), mnist_grid, cores)
    return [
        ("bundled digits, default grid and chunks", digits),
        ("bundled digits, default grid, one point per job", single),
        (f"MNIST-shaped, {n_train:,} images", mnist),
    ]


# The CI test's kind of sweep, a little larger: 12 points of a small network.
SLURM_GRID = (
    "sweep:\n  losses: [softmax_mse, cross_entropy]\n  inits: [he]\n  lrs: [0.1, 0.5, 1.0]\n"
    "  seeds: [0, 1]\n  hidden: 10\n  epochs: 3\n  runtime: 2\n"
)


def measure_slurm(tmp: Path) -> list[tuple[str, dict]]:
    """(5): the same small sweep through profiles/slurm, in the profile's chunks and at one
    point per job (its data made locally first, untimed)."""
    rows = []
    for name, extra in (
        ("profiles/slurm's chunks", []),
        ("one point per job", ["--config", "sweep={points_per_job: 1}"]),
    ):
        workdir = copy_workflow(tmp / f"slurm-{len(rows)}")
        (workdir / "sweep.yaml").write_text(SLURM_GRID)
        config = ["--configfile", str(workdir / "sweep.yaml")]
        build(workdir, "results/sweep/data/train.npz", *config)
        profile = str(workdir / "profiles" / "slurm")
        command = [sys.executable, "-m", "snakemake", "--profile", profile, "sweep"]
        wall = timed([*command, *config, *extra], workdir)[0]
        points, jobs, _, _ = sweep_times(workdir)
        rows.append((name, {"points": points, "jobs": jobs, "wall_s": wall}))
    return rows


def print_pipeline(builds: list[tuple], sweeps: list[tuple[str, dict]]) -> None:
    print("\n(3) clean builds, snakemake --cores 4\n")
    print_row("build", "wall s", "largest job", "its peak MB")
    print_row("---", "---:", "---", "---:")
    for name, wall, job, peak in builds:
        print_row(name, f"{wall:.1f}", job, f"{peak:.0f}" if peak != "" else "")
    print("\n(4) sweeps, run locally at -j2\n")
    print_row(
        "sweep",
        "points",
        "jobs",
        "wall s",
        "points/min",
        "fixed s/job",
        "training s/point",
        "training share",
    )
    print_row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:")
    for name, s in sweeps:
        print_row(
            name,
            s["points"],
            s["jobs"],
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
    site_over_all = facts["both_s"] / facts["chapters_s"]
    chunked, single, mnist = (s for _, s in sweeps)
    chunking = chunked["wall_s"] / single["wall_s"]
    return [
        (
            "(4) default sweep at -j2, default chunks / one point per job (wall)",
            f"{chunking:.2f}",
            "<= 0.5",
            chunking <= 0.5,
        ),
        ("(3) `all docs` / `all`", f"{site_over_all:.2f}", "<= 1.6", site_over_all <= 1.6),
        ("(3) every part / part one alone", f"{ratio:.2f}", "<= 2", ratio <= 2),
        (
            "(3) every part and the site (with the sweep it quotes) / part one alone",
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
    parser.add_argument("--slurm", action="store_true", help="also (5), on the CI cluster")
    parser.add_argument("--only-sweeps", action="store_true", help="skip (3), the builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scratchnet-bench-") as tmp:
        builds, facts = ([], {}) if args.only_sweeps else measure_builds(Path(tmp), args.quick)
        sweeps = measure_sweeps(Path(tmp), args.quick, cores=2)
        slurm = measure_slurm(Path(tmp)) if args.slurm else []
    print_pipeline(builds, sweeps)
    targets = [] if args.only_sweeps else pipeline_targets(facts, sweeps)
    if args.only_sweeps:
        chunked, single = sweeps[0][1], sweeps[1][1]
        ratio = chunked["wall_s"] / single["wall_s"]
        targets.append(
            ("(4) default chunks / one point per job", f"{ratio:.2f}", "<= 0.5", ratio <= 0.5)
        )
    if slurm:
        print("\n(5) a small sweep on the CI's Slurm cluster, profiles/slurm\n")
        print_row("sweep", "points", "jobs", "wall s")
        print_row("---", "---:", "---:", "---:")
        for name, s in slurm:
            print_row(name, s["points"], s["jobs"], f"{s['wall_s']:.1f}")
        ratio = slurm[0][1]["wall_s"] / slurm[1][1]["wall_s"]
        targets.append(
            (
                "(5) Slurm: chunks / one point per job (wall)",
                f"{ratio:.2f}",
                "<= 0.33",
                ratio <= 1 / 3,
            )
        )
    print()
    print_row("target", "measured", "goal", "met")
    print_row("---", "---:", "---", "---")
    for target, measured, goal, met in targets:
        print_row(target, measured, goal, "yes" if met else "NO")


if __name__ == "__main__":
    main()
