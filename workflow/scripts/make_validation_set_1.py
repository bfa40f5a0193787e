"""Snakemake script: write validation set 1 (one dimmed pixel per line)."""

import sys

from scratchnet.datasets import one_dim_pixel_set, write_csv

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

write_csv(one_dim_pixel_set(snakemake.params.dim_pixel), snakemake.output.csv)
