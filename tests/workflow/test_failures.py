"""Bad settings, bad input files, diverging training and killed runs each fail loudly
and cleanly, or recover, through snakemake's command line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness.workflow_copy import REPO, copy_workflow

pytestmark = pytest.mark.e2e

SNAKEMAKE = [sys.executable, "-m", "snakemake"]


def run(workdir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    command = [*SNAKEMAKE, "--snakefile", str(REPO / "Snakefile"), "--directory", str(workdir)]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd or workdir)


@pytest.mark.parametrize(
    "setting, expected",
    [
        ("lr=-1", ["'lr'", "less than or equal to the minimum of 0"]),
        ("lr=fast", ["'lr'", "'fast' is not of type 'number'"]),
        ("iterations=0", ["'iterations'", "less than the minimum of 1"]),
        ("hidden=0", ["'hidden'", "less than the minimum of 1"]),
        ("seed=1.5", ["'seed'", "is not of type 'integer'"]),
        ("learnig_rate=0.1", ["config: unknown key 'learnig_rate'; known keys: seed, "]),
        ("snapshot_every=500", ["snapshot_every (500) must not exceed iterations (200)"]),
    ],
)
def test_bad_config_is_rejected_before_any_job(tmp_path, setting, expected):
    result = run(tmp_path, "--cores", "1", "--config", setting)
    assert result.returncode != 0
    for text in expected:
        assert text in result.stderr + result.stdout
    assert not (tmp_path / "results").exists() and not (tmp_path / "figs").exists()


HEADER = "1_1,1_2,1_3,2_1,2_2,2_3,3_1,3_2,3_3,class\n"
GOOD = "1,1,1,0,0,0,0,0,0,0\n"


@pytest.mark.parametrize(
    "content, problem",
    [
        # (An empty file or a wrong header: test_config_errors.py, with a previous build.)
        (HEADER + GOOD + "1,1,1,0,0,0,0,0\n", "row 3: 8 values; expected 10"),
        (HEADER + GOOD + "1,1.2,1,0,0,0,0,0,0,0\n", "row 3, column 1_2: 1.2 is outside [0, 1]"),
        (HEADER + "1,1,nan,0,0,0,0,0,0,0\n", "row 2, column 1_3: nan is outside [0, 1]"),
        (HEADER + "1,1,1,0,0,0,0,0,0,3\n", "row 2, column class: '3' is not 0 or 1"),
    ],
)
def test_bad_user_csv_is_one_line_before_any_job(tmp_path, content, problem):
    user_csv = tmp_path / "my-train.csv"
    user_csv.write_text(content)
    result = run(tmp_path, "--cores", "1", "--config", f"train_csv={user_csv}")
    assert result.returncode != 0
    assert f"error: {user_csv}, {problem} (config train_csv)" in result.stderr.splitlines()
    assert not (tmp_path / "results").exists()


def test_missing_user_csv_is_named_before_any_job(tmp_path):
    result = run(tmp_path, "--cores", "1", "--config", f"valid_1_csv={tmp_path}/absent.csv")
    assert result.returncode != 0
    assert f"error: {tmp_path}/absent.csv: no such file (config valid_1_csv)" in result.stderr
    assert not (tmp_path / "results" / "data").exists()


def test_user_csv_replaces_the_tutorial_set(tmp_path):
    user_csv = tmp_path / "mine.csv"
    user_csv.write_text(HEADER + GOOD + "0,0,0,1,1,1,0,0,0,0\n1,0,0,1,0,0,1,0,0,1\n")
    target = "results/data/valid-1.csv"  # before --config, which takes every later word
    result = run(tmp_path, "--cores", "1", target, "--config", f"valid_1_csv={user_csv}")
    assert result.returncode == 0, result.stderr
    rows = (tmp_path / "results" / "data" / "valid-1.csv").read_text().splitlines()
    assert len(rows) == 4 and rows[3].endswith(",1")


def test_diverging_training_names_the_iteration_and_keeps_no_snapshot(tmp_path):
    small = ["iterations=12", "snapshot_every=4", "dpi=30", "gif_dpi=30"]
    target = "results/training/history.npz"
    assert run(tmp_path, "--cores", "1", target, "--config", *small).returncode == 0
    result = run(tmp_path, "--cores", "1", target, "--config", *small, "lr=100")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "training diverged at iteration 1" in output
    assert "try a smaller learning rate" in output
    # The good run's snapshots were replaced by nothing, not kept as if they were lr=100's,
    assert not (tmp_path / "results" / "training" / "history.npz").exists()
    assert not (tmp_path / "results" / "training" / "run.json").exists()
    # and the next run trains again.
    dry = run(tmp_path, "--dry-run", target, "--config", *small)
    assert "train_network" in dry.stdout


# Part one alone (the animation's part), with rendering slow enough (301 frames in 2
# parts) to be killed in the middle of it.
KILLABLE = [
    "lines",
    "--config",
    "iterations=300",
    "snapshot_every=1",
    "gif_dpi=60",
    "dpi=40",
    "frame_chunks=2",
]


def in_background(command: list[str], workdir: Path) -> subprocess.Popen:
    """``command`` started in ``workdir`` as its own process group (so a test can kill
    the build and every job it started), its output discarded."""
    return subprocess.Popen(
        command,
        cwd=workdir,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_run_killed_while_rendering_then_restarted_matches_a_clean_build(tmp_path):
    clean = copy_workflow(tmp_path / "clean")
    assert run(clean, "--cores", "2", *KILLABLE).returncode == 0

    killed = copy_workflow(tmp_path / "killed")
    command = [*SNAKEMAKE, "--cores", "2", *KILLABLE]
    process = in_background(command, killed)
    parts = killed / "results" / "animation"

    def rendering() -> bool:
        return parts.is_dir() and any(parts.glob(".part-*.partial.gif"))

    deadline = time.monotonic() + 120
    while not rendering() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before the GIF started rendering"
    time.sleep(0.3)  # a few frames in
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not (killed / "figs" / "train-anim.gif").exists()
    assert rendering()  # killed mid-frame: the half-written parts are still there
    # The build lock's file still names the dead build; the kernel released its lock.
    assert f"process {process.pid}:" in (killed / BUILD_LOCK).read_text()

    again = subprocess.run(command, cwd=killed, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    for figure in sorted((clean / "figs").iterdir()):
        assert (killed / "figs" / figure.name).read_bytes() == figure.read_bytes(), figure.name


BUILD_LOCK = Path(".snakemake") / "scratchnet-build.lock"


def test_a_second_build_in_the_same_folder_stops_at_once_naming_the_first(tmp_path):
    workdir = copy_workflow(tmp_path / "busy")
    command = [*SNAKEMAKE, "--cores", "1", *KILLABLE]
    first = in_background(command, workdir)
    try:
        lock = workdir / BUILD_LOCK
        deadline = time.monotonic() + 120
        while not (lock.is_file() and lock.read_text()) and time.monotonic() < deadline:
            assert first.poll() is None, "the first build ended before it took the lock"
            time.sleep(0.05)
        second = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
        assert first.poll() is None, "the first build must still be running"
        assert second.returncode != 0
        last = (second.stdout + second.stderr).strip().splitlines()[-1]
        assert last.startswith(f"Another build is running in {workdir} (process {first.pid}:")
        assert "Traceback" not in second.stderr and "Error" not in second.stderr
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
