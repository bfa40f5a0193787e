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

from scratchnet.digits.idx import write_mnist
from workflow_copy import copy_workflow, small_digits_config, snakemake

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
    config = small_digits_config(workdir, f"  mnist_dir: {tmp_path / 'mnist'}\n")
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
