"""The sweep on a real Slurm cluster, through Snakemake's official executor plugin and
profiles/slurm: every chunk of points runs as a Slurm job, the results are byte-identical
to a local run's, and a failing job makes snakemake exit non-zero instead of hanging.

The cluster is the single-node one `.ci/slurm-cluster up` starts (the README's test
command runs it). Without it the tests skip, except in CI, where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from workflow_copy import REPO, copy_workflow, snakemake

SLURM_SWEEP = """
sweep:
  losses: [softmax_mse, cross_entropy]
  inits: [he]
  lrs: [0.1, 0.5]
  seeds: [0]
  hidden: 10
  epochs: 3
  runtime: 2
  points_per_job: 2
"""
TIMEOUT = 600  # seconds: a hang (the plugin waiting forever on a job) fails the test


def cluster_is_up() -> bool:
    script = REPO / ".ci" / "slurm-cluster"
    if shutil.which("sinfo") is None:
        return False
    return subprocess.run(["bash", str(script), "status"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(
    not cluster_is_up() and not os.environ.get("CI"),
    reason="no Slurm cluster: start one with `bash .ci/slurm-cluster up` (as root)",
)


def sweep_copy(path, sweep=SLURM_SWEEP):
    workdir = copy_workflow(path)
    (workdir / "sweep.yaml").write_text(sweep)
    return workdir, ["--configfile", str(workdir / "sweep.yaml")]


def on_slurm(workdir, *args: str) -> subprocess.CompletedProcess:
    profile = workdir / "profiles" / "slurm"
    command = [sys.executable, "-m", "snakemake", "--profile", str(profile), *args]
    return subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=TIMEOUT)


def test_cluster_is_up_in_ci():
    assert cluster_is_up(), "CI starts it with `bash .ci/slurm-cluster up`"


def test_a_sweep_on_slurm_matches_the_same_sweep_run_locally(tmp_path):
    slurm, config = sweep_copy(tmp_path / "slurm")
    result = on_slurm(slurm, "sweep", *config)
    assert result.returncode == 0, result.stdout + result.stderr
    local, config = sweep_copy(tmp_path / "local")
    snakemake(local, "--cores", "2", "sweep", *config)

    points = sorted(p.relative_to(slurm) for p in (slurm / "results/sweep/points").rglob("*"))
    assert len([p for p in points if p.suffix == ".json"]) == 4
    for point in points:
        if point.suffix == ".json":
            assert (slurm / point).read_bytes() == (local / point).read_bytes(), point
    summary = "results/sweep/summary.csv"
    assert (slurm / summary).read_bytes() == (local / summary).read_bytes()
    # Each chunk (two points) ran under Slurm, in a job of its own.
    logs = list((slurm / "results/logs/sweep").rglob("*.log"))
    job_ids = {re.search(r"^slurm job (\d+)$", log.read_text(), re.M)[1] for log in logs}
    assert len(logs) == 2 and len(job_ids) == 2


def test_a_failing_job_makes_snakemake_fail_instead_of_hang(tmp_path):
    broken = tmp_path / "not-mnist"
    broken.mkdir()
    (broken / "train-images-idx3-ubyte").write_bytes(b"not an IDX file")
    workdir, config = sweep_copy(
        tmp_path / "failing", SLURM_SWEEP + f"digits:\n  mnist_dir: {broken}\n"
    )
    result = on_slurm(workdir, "sweep", *config)  # TimeoutExpired if it hangs
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "make_sweep_splits" in output
