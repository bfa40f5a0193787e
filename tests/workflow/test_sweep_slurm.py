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
import time
from pathlib import Path

import pytest

from harness.workflow_copy import REPO, copy_workflow, snakemake
from scratchnet.digits.idx import MNIST_FILES

SLURM_SWEEP = """
sweep:
  losses: [softmax_mse, cross_entropy]
  inits: [he]
  lrs: [0.1, 0.5]
  seeds: [0]
  hidden: 10
  epochs: 3
  runtime: 2
"""
# Two points a job (the profile's own chunks would hold all four): given with --config,
# which replaces the profile's --config.
TWO_PER_JOB = ["--config", "sweep={points_per_job: 2}"]
TIMEOUT = 600  # seconds: a hang (the plugin waiting forever on a job) fails the test


def cluster_is_up() -> bool:
    script = REPO / ".ci" / "slurm-cluster"
    if shutil.which("sinfo") is None:
        return False
    return subprocess.run(["bash", str(script), "status"], capture_output=True).returncode == 0


pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not cluster_is_up() and not os.environ.get("CI"),
        reason="no Slurm cluster: start one with `bash .ci/slurm-cluster up` (as root)",
    ),
]


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
    result = on_slurm(slurm, "sweep", *config, *TWO_PER_JOB)
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
    # All four files there (a missing one stops the build before any job), none readable.
    broken = tmp_path / "not-mnist"
    broken.mkdir()
    for name in MNIST_FILES.values():
        (broken / name).write_bytes(b"not an IDX file")
    workdir, config = sweep_copy(
        tmp_path / "failing", SLURM_SWEEP + f"digits:\n  mnist_dir: {broken}\n"
    )
    result = on_slurm(workdir, "sweep", *config)  # TimeoutExpired if it hangs
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "make_sweep_splits" in output


def test_a_no_op_starts_fast_where_the_controller_is_absent(built, tmp_path):
    # Where Slurm's client is installed but no controller answers (the cluster down, or
    # the machine restarted), the executor plugin's `scontrol show config` at start-up
    # must fail at once, not wait 9 s: the same no-op, against the running cluster and
    # against a port where none listens, takes about as long.
    absent = tmp_path / "slurm.conf"
    conf = Path("/etc/slurm/slurm.conf").read_text()
    absent.write_text(re.sub(r"(?m)^SlurmctldPort=.*\n", "", conf) + "SlurmctldPort=6999\n")

    def no_op_seconds(slurm_conf: Path) -> float:
        started = time.perf_counter()
        output = snakemake(built, "--cores", "1", env={**os.environ, "SLURM_CONF": str(slurm_conf)})
        assert "Nothing to be done" in output
        return time.perf_counter() - started

    up = no_op_seconds(Path("/etc/slurm/slurm.conf"))
    down = no_op_seconds(absent)
    assert down - up < 2, f"no-op: {up:.1f} s with the controller, {down:.1f} s without"


def test_the_cluster_config_is_the_scripts_own_text():
    """slurm.conf as `.ci/slurm-cluster up` wrote it: comments and key=value settings
    only, each key once. (Its text is a here-document, where a backquoted word in a
    comment once ran as a command and pasted a live cluster's settings into the file.)"""
    settings = [
        line
        for line in Path("/etc/slurm/slurm.conf").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"(\w+=\S+)( \w+=\S+)*", line) for line in settings), settings
    keys = [line.split("=", 1)[0] for line in settings]
    assert len(keys) == len(set(keys)), keys
