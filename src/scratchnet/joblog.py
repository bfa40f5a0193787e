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

from .user_errors import InputProblem

try:
    import resource
except ImportError:  # Windows has no getrusage: logs then have no memory line
    resource = None


@contextmanager
def job_log(path: str | Path, threads: int | None = None) -> Iterator[None]:
    """Run the block with stderr going to the log at ``path`` and, if ``threads`` is
    given (the rule's ``threads``), at most that many BLAS threads: two jobs on two cores
    must not each start a thread per core.

    A job that succeeds ends its log with its peak memory (``peak_memory_line``). An
    expected problem is logged as one ``error: ...`` line, an unexpected one as its
    traceback; either way the job exits with status 1 so Snakemake marks it failed and
    deletes its outputs.
    """
    with open(path, "w", buffering=1) as log, redirect_stderr(log), blas_threads(threads):
        try:
            yield
        except InputProblem as problem:
            print(f"error: {problem}", file=log)
            sys.exit(1)
        except Exception:
            traceback.print_exc(file=log)
            sys.exit(1)
        if resource is not None:
            print(peak_memory_line(), file=log)


@contextmanager
def blas_threads(threads: int | None) -> Iterator[None]:
    """Limit numpy's BLAS to ``threads`` threads inside the block (no limit if None)."""
    if threads is None:
        yield
        return
    from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

    with threadpool_limits(limits=threads, user_api="blas"):
        yield


def peak_memory_line() -> str:
    """This process's peak resident memory and its largest finished subprocess's (such as
    ffmpeg), as one log line. Snakemake's benchmark files only sample memory about once
    a second, and miss a short job's peak; these are the kernel's exact records."""
    # Linux keeps a process's ru_maxrss across exec(): a job forked from Snakemake would
    # report Snakemake's size. VmHWM counts this program alone.
    own = _status_field("VmHWM")
    # ru_maxrss is in KiB on Linux, in bytes on macOS. A subprocess's starts at our own
    # peak when it was spawned: exact when the subprocess outgrows that, as ffmpeg does.
    unit = 1 if sys.platform == "darwin" else 1024
    if own is None:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    return f"peak memory: {own / 2**20:.0f} MB, largest subprocess {children / 2**20:.0f} MB"


def _status_field(name: str) -> int | None:
    """A size in bytes from /proc/self/status (Linux), or None where there is none."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(f"{name}:"):
                    return int(line.split()[1]) * 1024  # given in kB
    except OSError:
        pass
    return None


def logged_peak_memory(log: str) -> float | None:
    """The job's peak memory in MB from the text of its log: its own peak plus its largest
    subprocess's (an upper bound: the two need not peak together), or None if not logged."""
    found = re.search(r"^peak memory: (\d+) MB, largest subprocess (\d+) MB$", log, re.M)
    return None if found is None else float(found[1]) + float(found[2])


def print_progress(message: str) -> None:
    """Progress reporter for scripts: one flushed line on stderr."""
    print(message, file=sys.stderr, flush=True)
