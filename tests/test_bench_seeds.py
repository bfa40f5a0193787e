"""The seed benchmark runs (a few seeds) and its counts are those of the seeds it trains."""

import re
import subprocess
import sys

from harness.workflow_copy import REPO


def test_seed_benchmark_prints_its_tables_for_the_seeds_asked():
    result = subprocess.run(
        [sys.executable, "-m", "bench.seeds", "--seeds", "3"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"\| validation set [12] \| (\d+) of (\d+) \| ([\d.]+)% \| ([\d.]+)% \|",
                      result.stdout)  # fmt: skip
    assert len(rows) == 3
    for perfect, seeds, mean, worst in rows:
        assert seeds == "3" and 0 <= int(perfect) <= 3 and float(worst) <= float(mean) <= 100
    assert re.search(
        r"never reached 100% within 200 iterations for [0-3] of 3 seeds", result.stdout
    )
