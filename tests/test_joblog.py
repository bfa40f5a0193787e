"""Job logs: a finished job records its exact peak memory, its subprocesses' included."""

import subprocess
import sys

from scratchnet.joblog import job_log, logged_peak_memory


def test_a_finished_job_logs_its_peak_memory_with_its_largest_subprocess(tmp_path):
    log = tmp_path / "job.log"
    with job_log(log):
        print("working", file=sys.stderr)
        # A subprocess that fills 80 MB (a bytes object is written, so it is resident).
        subprocess.run([sys.executable, "-c", "x = b'x' * (80 * 2**20)"], check=True)
    lines = log.read_text().splitlines()
    assert lines[0] == "working" and lines[-1].startswith("peak memory: ")
    largest_subprocess = float(lines[-1].rsplit(" ", 2)[-2])
    assert 80 <= largest_subprocess < 200
    assert logged_peak_memory(log.read_text()) > largest_subprocess  # plus the job's own


def test_a_log_without_the_line_has_no_peak():
    assert logged_peak_memory("iteration 1/1  loss 0.1\n") is None
