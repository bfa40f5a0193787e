"""The hyperparameter sweep through Snakemake: a job trains a chunk of points (the summary
is byte-identical whatever the chunk size), and a sweep killed with SIGKILL resumes with
the chunks that miss a point, its summary byte-identical to an uninterrupted run's."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time

import pytest

from harness.workflow_copy import copy_workflow, planned_jobs, snakemake
from scratchnet.digits.sweep import read_summary

pytestmark = pytest.mark.e2e

SMALL_SWEEP = """
sweep:
  losses: [mse, cross_entropy]
  inits: [lecun, he]
  lrs: [0.1, 50.0]
  seeds: [0, 1]
  hidden: 10
  epochs: 3
"""
POINTS = 16
# The points in the workflow's order (SWEEP_POINTS: loss, init, lr, seed), as files.
ORDER = [
    f"{loss}/{init}/lr{lr}/seed{seed}.json"
    for loss, init, lr, seed in itertools.product(
        ["mse", "cross_entropy"], ["lecun", "he"], [0.1, 50.0], [0, 1]
    )
]


def sweep_copy(path, points_per_job=None):
    workdir = copy_workflow(path)
    chunking = f"  points_per_job: {points_per_job}\n" if points_per_job else ""
    (workdir / "sweep.yaml").write_text(SMALL_SWEEP + chunking)
    return workdir, ["--configfile", str(workdir / "sweep.yaml")]


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    """The sweep at the default chunk size (15): its 16 points in two jobs."""
    workdir, config = sweep_copy(tmp_path_factory.mktemp("sweep-whole"))
    output = snakemake(workdir, "--cores", "2", "sweep", *config)
    assert chunk_jobs(output) == 2
    return workdir


def test_the_summary_has_a_row_per_point_and_marks_divergence(uninterrupted):
    rows = read_summary(uninterrupted / "results" / "sweep" / "summary.csv")
    assert len(rows) == POINTS
    assert {r["lr"] for r in rows if r["diverged_epoch"] is not None} == {50.0}
    assert all(
        r["best_val_accuracy"] > 0.5
        for r in rows
        if r["loss"] == "cross_entropy" and r["lr"] == 0.1
    )
    assert (uninterrupted / "figs" / "sweep-summary.png").stat().st_size > 10_000


def test_a_sweep_killed_mid_way_resumes_only_the_missing_points(uninterrupted, tmp_path):
    # One point per job here, the default's chunks there: the same summary's bytes.
    workdir, config = sweep_copy(tmp_path / "sweep-killed", points_per_job=1)
    points = workdir / "results" / "sweep" / "points"
    command = [sys.executable, "-m", "snakemake", "--directory", str(workdir), "--cores", "1"]
    run = subprocess.Popen(
        [*command, "sweep", *config],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=workdir,
        start_new_session=True,  # its own process group: the kill reaches its jobs too
    )
    deadline = time.monotonic() + 120
    while len(list(points.rglob("*.json"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    written = {p: p.stat().st_mtime_ns for p in points.rglob("*.json")}
    # A point whose job was killed between writing its file and Snakemake recording it is
    # marked incomplete: Snakemake cannot know it finished, and reruns it.
    unsure = {workdir / path for path in incomplete_outputs(workdir)}
    done = {p: mtime for p, mtime in written.items() if p not in unsure}
    assert 4 <= len(written) < POINTS and len(done) >= 3, "kill while points remain"
    output = snakemake(workdir, "--dry-run", "sweep", *config)
    assert chunk_jobs(output) == POINTS - len(done), output
    # In chunks of 4 instead, only the chunks that miss a point would run: changing the
    # chunk size retrains nothing that is done.
    finished = {"/".join(p.parts[-4:]) for p in done}
    missing = {i // 4 for i, name in enumerate(ORDER) if name not in finished}
    in_fours = ["--config", "sweep={points_per_job: 4}"]
    output = snakemake(workdir, "--dry-run", "sweep", *config, *in_fours)
    assert chunk_jobs(output) == len(missing), output
    snakemake(workdir, "--cores", "2", "sweep", *config)
    assert {p: p.stat().st_mtime_ns for p in done} == done  # finished points not rerun
    summary = (workdir / "results" / "sweep" / "summary.csv").read_bytes()
    assert summary == (uninterrupted / "results" / "sweep" / "summary.csv").read_bytes()
    assert planned_jobs(workdir, "sweep", *config) == set()


def chunk_jobs(output: str) -> int:
    """How many chunk jobs (rules train_sweep_chunk_<i>, one job each) the first job-stats
    table in snakemake's ``output`` lists."""
    table = output.split("Job stats:", 1)[1].split("total", 1)[0]
    return sum(
        int(line.split()[1]) for line in table.splitlines() if line.startswith("train_sweep_chunk_")
    )


def incomplete_outputs(workdir) -> list[str]:
    """The outputs Snakemake marked as being written when it was killed (relative paths,
    from its .snakemake/incomplete/ markers, which are named by the base64 of the path)."""
    import base64

    markers = workdir / ".snakemake" / "incomplete"
    if not markers.is_dir():
        return []
    return [base64.b64decode(marker.name).decode() for marker in markers.iterdir()]
