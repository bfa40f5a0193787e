"""The benchmark runs end to end (quick mode: small sizes, no timing judged here)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_quick_benchmark_prints_its_tables():
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "| baseline GIF alone" in result.stdout
    assert "| ours, the GIF and MP4 alone" in result.stdout
    assert "| target | measured | goal | met |" in result.stdout
    assert result.stdout.count("| yes |") + result.stdout.count("| NO |") == 6
