"""What every Snakemake script does around its work: write stderr to the job's log, turn
an expected problem (bad input file, diverged training) into one clear line, and record
the job's peak memory."""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from pathlib import Path

from .datasets import DatasetError
from .docsite.build import SiteBuildFailed
from .training import TrainingDiverged

try:
    import resource
except ImportError:  # Windows has no getrusage: logs then have no memory line
    resource = None

EXPECTED_PROBLEMS = (DatasetError, TrainingDiverged, SiteBuildFailed)


@contextmanager
def job_log(path: str | Path) -> Iterator[None]:
    """Run the block with stderr going to the log at ``path``.

    A job that succeeds ends its log with its peak memory (``peak_memory_line``). An
    expected problem is logged as one ``error: ...`` line, an unexpected one as its
    traceback; either way the job exits with status 1 so Snakemake marks it failed and
    deletes its outputs.
    """
    with open(path, "w", buffering=1) as log, redirect_stderr(log):
        try:
            yield
        except EXPECTED_PROBLEMS as problem:
            print(f"error: {problem}", file=log)
            sys.exit(1)
        except Exception:
            traceback.print_exc(file=log)
            sys.exit(1)
        if resource is not None:
            print(peak_memory_line(), file=log)


def peak_memory_line() -> str:
    """The kernel's exact record of this process's peak resident memory, and of its
    largest finished subprocess (such as ffmpeg), as one log line. Snakemake's benchmark
    files only sample memory about once a second, and miss a short job's peak."""
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    unit = 1 if sys.platform == "darwin" else 1024
    own, children = (
        resource.getrusage(who).ru_maxrss * unit / 2**20
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return f"peak memory: {own:.0f} MB, largest subprocess {children:.0f} MB"


def logged_peak_memory(log: str) -> float | None:
    """The job's peak memory in MB from the text of its log: its own peak plus its largest
    subprocess's (an upper bound: the two need not peak together), or None if not logged."""
    found = re.search(r"^peak memory: (\d+) MB, largest subprocess (\d+) MB$", log, re.M)
    return None if found is None else float(found[1]) + float(found[2])
