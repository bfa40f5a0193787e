"""Snakemake script: write validation set 2 (training images plus seeded noise)."""

import sys

from scratchnet.datasets import noisy_copy, read_csv, write_csv

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

noisy = noisy_copy(
    read_csv(snakemake.input.train), snakemake.params.noise_sd, snakemake.params.seed
)
write_csv(noisy, snakemake.output.csv)
