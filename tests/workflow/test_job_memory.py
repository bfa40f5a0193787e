"""Chapter two's jobs declare the memory they will hold (mem_mb, from the data they read),
checked against what they held: the MNIST path at full image size (28x28), on a few
thousand generated images, every job's measured peak (its benchmark file's max_rss) at
most what it declared. The same run checks that one setting, digits.mnist_dir, chooses
the data of the whole part: the sweep trains on the same MNIST, and says so."""

from __future__ import annotations

import csv
import json
import os
import re

import numpy as np
import pytest

from harness.workflow_copy import copy_workflow, small_parts_config, snakemake
from scratchnet.digits.idx import write_mnist

pytestmark = pytest.mark.e2e

# Images of the generated MNIST (train, test): REPO's MNIST_IMAGES=60000,10000 runs the
# real size (minutes, gigabytes) instead.
TRAIN, TEST = map(int, os.environ.get("MNIST_IMAGES", "3000,500").split(","))


def declared_and_measured(output: str, workdir) -> dict[str, tuple[float, float]]:
    """Per job (its benchmark file): (declared mem_mb, measured max_rss MB), from the
    job blocks Snakemake prints and the benchmark files it wrote."""
    jobs = {}
    for block in re.split(r"\n(?=(?:local)?rule \w+:)", output):
        benchmark = re.search(r"^\s+benchmark: (\S+)$", block, re.M)
        declared = re.search(r"^\s+resources: .*\bmem_mb=(\d+)", block, re.M)
        if benchmark and declared:
            with open(workdir / benchmark[1]) as f:
                measured = float(next(csv.DictReader(f, delimiter="\t"))["max_rss"])
            jobs[benchmark[1]] = (float(declared[1]), measured)
    return jobs


def test_every_digits_job_holds_at_most_what_it_declared(tmp_path):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(TRAIN + TEST, 28, 28), dtype=np.uint8)
    labels = (np.arange(TRAIN + TEST) % 10).astype(np.uint8)
    write_mnist(tmp_path / "mnist", images[:TRAIN], labels[:TRAIN], images[TRAIN:], labels[TRAIN:])
    workdir = copy_workflow(tmp_path / "pipeline")
    config = small_parts_config(workdir, f"  mnist_dir: {tmp_path / 'mnist'}\n")
    sweep = [
        "--config",
        "sweep={losses: [cross_entropy], inits: [he], lrs: [0.1], seeds: [0], epochs: 1}",
    ]
    output = snakemake(
        workdir,
        "--cores",
        "2",
        "results/digits/metrics.json",
        "results/sweep/metrics.json",
        *config,
        *sweep,
    )
    jobs = declared_and_measured(output, workdir)
    assert len(jobs) >= 10, output  # the split, every training, the sweep's split and chunk
    over = {job: pair for job, pair in jobs.items() if pair[1] > pair[0]}
    assert not over, f"(declared MB, held MB) of jobs over their mem_mb: {over}"
    # digits.mnist_dir alone chose the sweep's data too, and its metrics say which.
    digits = json.loads((workdir / "results" / "digits" / "metrics.json").read_text())["data"]
    sweep = json.loads((workdir / "results" / "sweep" / "metrics.json").read_text())["data"]
    assert sweep["source"] == "MNIST" and sweep["side"] == digits["side"] == 28
    assert (sweep["train_images"], sweep["valid_images"]) == (
        digits["train_images"],
        digits["valid_images"],
    )


# MNIST's size (train + test images), where the split job once held 839 MB.
FULL_MNIST = 70_000


def _split_peak_mb(workdir) -> float:
    """The split job's own peak (its log's last line, from VmHWM: exact, not sampled)."""
    log = (workdir / "results" / "logs" / "make_digits_splits.log").read_text()
    return float(re.search(r"peak memory: (\d+) MB", log)[1])


def _declared_split_mem_mb(output: str) -> int:
    block = re.search(r"rule make_digits_splits:\n(.*?)\n\n", output, flags=re.S)[1]
    return int(re.search(r"\bmem_mb=(\d+)", block)[1])


def test_the_split_declares_what_full_size_mnist_will_hold(tmp_path):
    """The split's peak grows with the images: measured on 1,000 and 4,000 generated
    28x28 images and extrapolated along that line to MNIST's 70,000, it must fit in the
    mem_mb the split declares for files of MNIST's size (a dry run sizes it from them).
    A flat declaration that fits small data (the 500 MB of old) fails here."""
    rng = np.random.default_rng(1)
    workdir = copy_workflow(tmp_path / "pipeline")
    peaks = {}
    for total in (1_000, 4_000, FULL_MNIST):
        images = rng.integers(0, 256, size=(total, 28, 28), dtype=np.uint8)
        labels = (np.arange(total) % 10).astype(np.uint8)
        train = total * 6 // 7
        folder = tmp_path / f"mnist-{total}"
        write_mnist(folder, images[:train], labels[:train], images[train:], labels[train:])
        config = small_parts_config(workdir, f"  mnist_dir: {folder}\n")
        target = "results/digits/train.npz"
        if total == FULL_MNIST:
            output = snakemake(workdir, "--dry-run", "--forceall", target, *config)
            declared = _declared_split_mem_mb(output)
        else:
            snakemake(workdir, "--cores", "1", "--forceall", target, *config)
            peaks[total] = _split_peak_mb(workdir)
    (small, small_peak), (large, large_peak) = sorted(peaks.items())
    per_image = (large_peak - small_peak) / (large - small)
    assert per_image > 0, peaks  # the peak does grow with the data
    expected = large_peak + per_image * (FULL_MNIST - large)
    assert declared >= expected, (
        f"the split declares {declared} MB for {FULL_MNIST} images, but its peak "
        f"({peaks} MB at those image counts) reaches about {expected:.0f} MB there"
    )
