# One build at a time in a folder. The default profile turns Snakemake's own lock off,
# because that lock outlives a killed run (a restart would need --unlock). This one is an
# OS file lock (flock) held by the main snakemake process while it runs: the kernel drops
# it when the process dies, however it dies, so a build killed with SIGKILL restarts with
# the same command, while a second build started beside a running one stops at once,
# naming it. Taken in `onstart`, which only the main process runs, and only to run jobs:
# dry runs, no-op runs, --lint, --report and the job processes take no lock.
import fcntl
import os
import sys
from pathlib import Path

BUILD_LOCK = Path(".snakemake") / "scratchnet-build.lock"


def hold_build_lock(path):
    """Take the lock at ``path`` for the life of this process, or stop with one line
    naming the build that holds it. Returns the open file: the lock lasts while it does.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = open(path, "a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        print(
            f"Another build is running in {Path.cwd()} ({holder}): wait for it to "
            "finish, or stop it, then run this command again.",
            file=sys.stderr,
        )
        sys.exit(1)
    lock.truncate(0)
    lock.write(f"process {os.getpid()}: {' '.join(sys.argv)}\n")
    lock.flush()
    return lock


BUILD_LOCKS = []  # the open lock file, kept open (and locked) until the process ends


onstart:
    BUILD_LOCKS.append(hold_build_lock(BUILD_LOCK))
