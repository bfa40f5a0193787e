"""Part three's cost: the CPU seconds of every job `snakemake plane` runs, summed from
the jobs' own records (results/benchmarks/), against the part's budget of 60 CPU s on a
2-core machine. Run by hand from the repository root:

    python -m bench.plane                    # the default settings (about two minutes)
    python -m bench.plane --csv points.csv   # a reader's points instead
    python -m bench.plane --quick            # a few epochs: checks it works, judges nothing

Builds part three alone (`snakemake --cores 2 plane`) in a fresh copy of the workflow, so
every job it needs runs once; each job's CPU time (user + system, its children such as
ffmpeg included) is what Snakemake's `benchmark:` measured. Snakemake's own work
between the jobs is not counted.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from bench.run import machine, print_row
from harness.workflow_copy import copy_workflow, small_parts_config, snakemake

BUDGET = 60  # CPU seconds for all of part three, on a 2-core machine (issue 34)


def job_cpu_seconds(workdir: Path) -> dict[str, float]:
    """Each job's CPU seconds, by its benchmark file's name (rule and wildcards)."""
    seconds = {}
    for path in sorted((workdir / "results" / "benchmarks").rglob("*.tsv")):
        (row,) = csv.DictReader(path.open(), delimiter="\t")
        seconds[str(path.relative_to(workdir / "results" / "benchmarks"))] = float(row["cpu_time"])
    return seconds


def build_part(workdir: Path, *, csv_file: str | None, quick: bool) -> dict[str, float]:
    """Build `plane` in a fresh copy at ``workdir``; each of its jobs' CPU seconds."""
    copy_workflow(workdir)
    config = ["--config", f"plane={{csv: {Path(csv_file).resolve()}}}"] if csv_file else []
    if quick:  # the tests' few epochs and coarse grid: the same jobs
        config += small_parts_config(workdir)
    snakemake(workdir, "--cores", "2", "plane", *config)
    return job_cpu_seconds(workdir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", help="the reader's points file (plane.csv)")
    parser.add_argument("--quick", action="store_true", help="a few epochs; judges nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        seconds = build_part(Path(folder), csv_file=args.csv, quick=args.quick)
    print(f"{machine()}; part three{' on ' + args.csv if args.csv else ''}")
    print("\n| job | CPU s |\n| --- | ---: |")
    for job, cpu in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"| {job.removesuffix('.tsv')} | {cpu:.2f} |")
    total = sum(seconds.values())
    print(f"| {len(seconds)} jobs | {total:.1f} |")
    print("\n| target | measured | goal | met |\n| --- | ---: | --- | --- |")
    goal = "(quick: not judged)" if args.quick else f"<= {BUDGET}"
    met = "-" if args.quick else ("yes" if total <= BUDGET else "NO")
    print_row("part three's jobs, CPU s summed", f"{total:.1f}", goal, met)


if __name__ == "__main__":
    main()
