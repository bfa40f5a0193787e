"""Job logs: a finished job records its exact peak memory, its subprocesses' included."""

import subprocess
import sys
import textwrap

from scratchnet.joblog import logged_peak_memory

# A job, in a process of its own as Snakemake runs one, that starts a subprocess which
# fills 80 MB (a bytes object is written, so it is resident).
JOB = """
    import subprocess, sys
    from scratchnet.joblog import job_log
    with job_log(sys.argv[1]):
        print("working", file=sys.stderr)
        subprocess.run([sys.executable, "-c", "x = b'x' * (80 * 2**20)"], check=True)
"""
# What starts the job: a large process, as Snakemake is (Linux hands a process's peak
# memory on to the program it starts, so the job must not report this one's 200 MB).
LARGE_PARENT = """
    import subprocess, sys
    x = b"x" * (200 * 2**20)
    subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]], check=True)
"""


def test_a_finished_job_logs_its_own_peak_memory_and_its_largest_subprocess(tmp_path):
    log = tmp_path / "job.log"
    job = [textwrap.dedent(JOB), str(log)]
    subprocess.run([sys.executable, "-c", textwrap.dedent(LARGE_PARENT), *job], check=True)
    lines = log.read_text().splitlines()
    assert lines[0] == "working" and lines[-1].startswith("peak memory: ")
    own, largest_subprocess = (float(word) for word in lines[-1].split() if word.isdigit())
    assert own < 80  # the job itself holds no such array, whatever size its parent has
    assert 80 <= largest_subprocess < 150
    assert logged_peak_memory(log.read_text()) == own + largest_subprocess


def test_a_log_without_the_line_has_no_peak():
    assert logged_peak_memory("iteration 1/1  loss 0.1\n") is None
