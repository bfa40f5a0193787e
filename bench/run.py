"""Benchmark: the pipeline against the common way of making the training GIF.

Run by hand from the repository root (never as a timed test: machines are shared):

    python -m bench.run            # the full benchmark, about 3 minutes on 2 cores
    python -m bench.run --quick    # small sizes: checks that every step works

Every number comes from this run on this machine; the targets compare ratios measured
side by side. Each build runs in a fresh copy of the workflow under a temporary
directory; peak memory of a build is its largest job's, from Snakemake's benchmark files.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from harness.workflow_copy import REPO, copy_workflow
from scratchnet.joblog import logged_peak_memory


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run ``command``; return (wall seconds, peak RSS in MB of the process itself)."""
    # Output goes to a file, not a pipe nobody reads while waiting (a full pipe blocks).
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}\n{output.read().decode()[-5000:]}")
    return wall, usage.ru_maxrss / 1024


def snakemake(workdir: Path, *config: str, targets: tuple[str, ...] = ("lines",)) -> float:
    """Wall seconds of ``snakemake --cores 4 [targets] --config ...`` in ``workdir``. By
    default chapter one's assets (`lines`): this benchmark is about its animation; the
    digits chapter is measured by bench/training.py."""
    command = [sys.executable, "-m", "snakemake", "--cores", "4", *targets]
    return timed(command + (["--config", *config] if config else []), workdir)[0]


def job_peaks(workdir: Path) -> dict[str, float]:
    """Peak RSS in MB of every job of a build, by job (rule, and wildcards if any).

    A job's peak is the larger of two records: Snakemake's benchmark file, which samples
    the job's processes about once a second and so misses a short job's peak, and the
    exact peak the job logs (its own plus its largest subprocess's: an upper bound).
    """
    peaks = {}
    for tsv in (workdir / "results" / "benchmarks").glob("*.tsv"):
        with open(tsv) as f:
            row = next(csv.DictReader(f, delimiter="\t"))
        sampled = 0.0 if row["max_rss"] in ("", "NA", "-") else float(row["max_rss"])
        log = workdir / "results" / "logs" / f"{tsv.stem}.log"
        logged = logged_peak_memory(log.read_text()) if log.exists() else None
        peaks[tsv.stem] = max(sampled, logged or 0.0)
    return peaks


def largest_job(peaks: dict[str, float]) -> tuple[str, float]:
    """(job, peak RSS in MB) of the job with the largest peak of ``job_peaks``."""
    job = max(peaks, key=peaks.get)
    return job, peaks[job]


def largest_part(peaks: dict[str, float]) -> float:
    """Peak RSS in MB of the largest animation part job: the jobs that hold frames."""
    return max(peak for job, peak in peaks.items() if job.startswith("render_animation_part"))


def gif_facts(path: Path) -> tuple[int, tuple[int, int], int]:
    with Image.open(path) as gif:
        return path.stat().st_size, gif.size, gif.n_frames


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def print_row(*cells) -> None:
    """One row of a Markdown table."""
    print("| " + " | ".join(str(cell) for cell in cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the pipeline (see module doc).")
    parser.add_argument("--quick", action="store_true", help="small sizes, just check it works")
    args = parser.parse_args()
    dpi, scale_iterations, scale_dpi = (60, 100, 40) if args.quick else (300, 1000, 100)

    with tempfile.TemporaryDirectory(prefix="scratchnet-bench-") as tmp:
        tmp = Path(tmp)

        # The training run both renderers draw from (not timed).
        prep = copy_workflow(tmp / "prep")
        snakemake(prep, targets=("results/training/history.npz", "results/data/train.csv"))

        print(f"baseline: new figure per frame, {dpi}-dpi PNGs, Pillow GIF ...", flush=True)
        baseline_gif = tmp / "baseline.gif"
        base_wall, base_rss = timed(
            [
                sys.executable,
                "-m",
                "bench.baseline",
                str(prep / "results/training/history.npz"),
                str(prep / "results/data/train.csv"),
                str(baseline_gif),
                "--dpi",
                str(dpi),
            ],
            cwd=REPO,  # where `bench` is importable
        )
        base_bytes, base_size, base_frames = gif_facts(baseline_gif)

        print(
            f"ours: clean snakemake -j4 of every asset of chapter one, gif_dpi={dpi} ...",
            flush=True,
        )
        ours = copy_workflow(tmp / "ours")
        ours_wall = snakemake(ours, f"gif_dpi={dpi}")
        ours_job, ours_rss = largest_job(job_peaks(ours))
        ours_bytes, ours_size, ours_frames = gif_facts(ours / "figs" / "train-anim.gif")
        mp4_bytes = (ours / "figs" / "train-anim.mp4").stat().st_size
        noop_wall = snakemake(ours, f"gif_dpi={dpi}")

        print(
            f"scaling at gif_dpi={scale_dpi}: 41 frames, then {scale_iterations + 1} ...",
            flush=True,
        )
        small = copy_workflow(tmp / "small")
        small_wall = snakemake(small, f"gif_dpi={scale_dpi}")
        small_peaks = job_peaks(small)
        small_job, small_rss = largest_job(small_peaks)
        small_part_rss = largest_part(small_peaks)
        big = copy_workflow(tmp / "big")
        big_config = [f"gif_dpi={scale_dpi}", f"iterations={scale_iterations}", "snapshot_every=1"]
        big_wall = snakemake(big, *big_config)
        big_peaks = job_peaks(big)
        big_job, big_rss = largest_job(big_peaks)
        big_part_rss = largest_part(big_peaks)
        big_frames = gif_facts(big / "figs" / "train-anim.gif")[2]
        # The same frames with nothing else: what the animation's jobs cost on their own.
        animation_only = copy_workflow(tmp / "animation-only")
        animation_wall = snakemake(
            animation_only, *big_config, targets=("figs/train-anim.gif", "figs/train-anim.mp4")
        )

    # The baseline's tight bounding box makes its frames smaller than ours, so the plain
    # byte ratio understates our advantage; it is the conservative comparison.
    byte_ratio = ours_bytes / base_bytes
    pixel_ratio = (ours_size[0] * ours_size[1]) / (base_size[0] * base_size[1])
    # The largest job may hold no frames at all (the MP4 job): the part jobs must not
    # grow with the frame count either.
    rss_growth = max(big_rss / small_rss, big_part_rss / small_part_rss)
    targets = [
        (
            "clean build of every asset vs baseline GIF alone, speed-up",
            base_wall / ours_wall,
            ">= 6",
            base_wall / ours_wall >= 6,
        ),
        ("largest job peak RSS, MB", ours_rss, "<= 300", ours_rss <= 300),
        (
            f"peak RSS {big_frames} vs 41 frames (dpi {scale_dpi}), ratio: the larger of the "
            "largest job's and the part jobs'",
            rss_growth,
            "<= 1.10",
            rss_growth <= 1.10,
        ),
        (
            f"GIF bytes, ours / baseline (ours has {pixel_ratio:.2f}x the pixels)",
            byte_ratio,
            "<= 0.75",
            byte_ratio <= 0.75,
        ),
        (
            f"{big_frames} frames at dpi {scale_dpi}, clean build wall s",
            big_wall,
            "<= 15",
            big_wall <= 15,
        ),
        ("no-op rerun wall s", noop_wall, "<= 3", noop_wall <= 3),
    ]
    print()
    print(f"Benchmark {datetime.date.today()}, {machine()}" + (" (quick)" if args.quick else ""))
    print()
    print_row("", "wall s", "peak RSS MB", "GIF bytes", "GIF pixels", "frames")
    print_row("---", "---:", "---:", "---:", "---", "---:")
    print_row(
        f"baseline GIF alone (dpi {dpi})", f"{base_wall:.1f}", f"{base_rss:.0f}",
        f"{base_bytes:,}", "x".join(map(str, base_size)), base_frames,
    )  # fmt: skip
    print_row(
        f"ours, every asset (gif_dpi {dpi})", f"{ours_wall:.1f}", f"{ours_rss:.0f} ({ours_job})",
        f"{ours_bytes:,}", "x".join(map(str, ours_size)), ours_frames,
    )  # fmt: skip
    print_row("ours, no-op rerun", f"{noop_wall:.1f}", "", "", "", "")
    print_row(
        f"ours, every asset (gif_dpi {scale_dpi})", f"{small_wall:.1f}",
        f"{small_rss:.0f} ({small_job}); parts {small_part_rss:.0f}", "", "", 41,
    )  # fmt: skip
    print_row(
        f"ours, every asset (gif_dpi {scale_dpi}, {scale_iterations} iterations)",
        f"{big_wall:.1f}", f"{big_rss:.0f} ({big_job}); parts {big_part_rss:.0f}", "", "",
        big_frames,
    )  # fmt: skip
    print_row(
        f"ours, the GIF and MP4 alone, with the data and training they need (gif_dpi "
        f"{scale_dpi}, {scale_iterations} iterations)",
        f"{animation_wall:.1f}", "", "", "", big_frames,
    )  # fmt: skip
    print()
    print(
        f"MP4 companion (gif_dpi {dpi}): {mp4_bytes:,} bytes, {mp4_bytes / ours_bytes:.2f}x the GIF"
    )
    print()
    print_row("target", "measured", "goal", "met")
    print_row("---", "---:", "---", "---")
    for name, value, goal, met in targets:
        print_row(name, f"{value:.2f}", goal, "yes" if met else "NO")


if __name__ == "__main__":
    main()
