"""What every Snakemake script does around its work: write stderr to the job's log, and
turn an expected problem (bad input file, diverged training) into one clear line."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from pathlib import Path

from .datasets import DatasetError
from .docsite.build import SiteBuildFailed
from .training import TrainingDiverged

EXPECTED_PROBLEMS = (DatasetError, TrainingDiverged, SiteBuildFailed)


@contextmanager
def job_log(path: str | Path) -> Iterator[None]:
    """Run the block with stderr going to the log at ``path``.

    An expected problem is logged as one ``error: ...`` line, an unexpected one as its
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
