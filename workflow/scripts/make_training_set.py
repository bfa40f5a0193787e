"""Snakemake script: write the 24 training images to results/data/train.csv."""

import sys

from scratchnet.datasets import training_set, write_csv

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

write_csv(training_set(), snakemake.output.csv)
