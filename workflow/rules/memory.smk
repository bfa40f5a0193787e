# Memory a job declares (mem_mb; a cluster that enforces it kills a job using more), from
# what the job will hold: Python with numpy and the package, plus a multiple of the data
# it reads. Measured (results/benchmarks/*.tsv, max_rss) on 28x28 images: with 28,000
# of them the split held 350 MB for 22 MB of pixels (the raw images, their float copy,
# the shuffled and standardised sets: about 14 MB per MB), each training 210-250 MB for
# 170 MB of sets (about 1.1 MB per MB, plus 40). tests/workflow/test_job_memory.py checks
# every job against what it declared. Jobs of fixed size take the profile's
# default-resources (profiles/default/config.yaml).
import os
from pathlib import Path

BASE_MB = 200
SPLIT_DATA_FACTOR = 16
TRAINING_DATA_FACTOR = 1.5


def data_mb(paths):
    """Megabytes of ``paths`` once read: a gzip file's uncompressed size (its last four
    bytes), any other file's size."""
    total = 0
    for path in map(Path, paths):
        with open(path, "rb") as f:
            gzipped = f.read(2) == b"\x1f\x8b"
            f.seek(-4 if gzipped else 0, os.SEEK_END)
            total += int.from_bytes(f.read(4), "little") if gzipped else f.tell()
    return total / 1e6


def split_mem_mb(wildcards, input):
    """mem_mb of a split job: its MNIST files (none for the bundled digits)."""
    return BASE_MB + round(SPLIT_DATA_FACTOR * data_mb(input.mnist))


def training_mem_mb(wildcards, input):
    """mem_mb of a training job: the sets it reads (the .npz inputs, uncompressed)."""
    sets = [path for path in input if str(path).endswith(".npz")]
    return BASE_MB + round(TRAINING_DATA_FACTOR * data_mb(sets))
