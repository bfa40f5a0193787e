"""The benchmarks run end to end, their builds included (quick mode: small sizes, no
timing judged here)."""

import subprocess
import sys

import pytest

from harness.workflow_copy import REPO

pytestmark = pytest.mark.e2e


def run_quick(script: str) -> subprocess.CompletedProcess:
    """``python -m bench.<script> --quick`` from the repository root, which must succeed."""
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{script}", "--quick"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_quick_benchmark_prints_its_tables():
    result = run_quick("run")
    assert "| baseline GIF alone" in result.stdout
    assert "| ours, the GIF and MP4 alone" in result.stdout
    assert "| target | measured | goal | met |" in result.stdout
    assert result.stdout.count("| yes |") + result.stdout.count("| NO |") == 6


def test_quick_training_benchmark_prints_its_tables():
    result = run_quick("training")
    assert "| scratchnet.nn fit |" in result.stdout
    assert "| hand-written numpy loop |" in result.stdout
    assert "| a user's loop over scratchnet.nn's layers |" in result.stdout
    assert "| sklearn MLPClassifier |" in result.stdout
    assert "| 128, float32 |" in result.stdout
    assert "| target | measured | goal | met |" in result.stdout
    assert "| every part and the website (`all docs`) |" in result.stdout
    assert "| MNIST-shaped, 600 images | 24 |" in result.stdout
    # 18 targets: (1) also judges a user's loop over the layers; (3)-(4) the chunked sweep
    # against one point per job, and all docs / all
    assert result.stdout.count("| yes |") + result.stdout.count("| NO |") == 18


def test_quick_plane_benchmark_sums_the_parts_jobs():
    """Part three built alone in a fresh copy; every job's CPU seconds from its benchmark."""
    result = run_quick("plane")
    rows = [line for line in result.stdout.splitlines() if line.startswith("| train_plane_run_")]
    assert len(rows) == 9  # moons 1, circles 2, XOR 2, spiral 2, capacity 2 (quick widths)
    assert "| part three's jobs, CPU s summed |" in result.stdout
    assert "render_plane_animation" in result.stdout and "plot_plane_units" in result.stdout
