"""Snakemake script: write validation set 1 (one dimmed pixel per line, or the user's)."""

from scratchnet.joblog import job_log
from scratchnet.lines.datasets import one_dim_pixel_set, read_csv, write_csv

with job_log(snakemake.log[0]):
    user = snakemake.input.user
    dataset = read_csv(user[0]) if user else one_dim_pixel_set(snakemake.params.dim_pixel)
    write_csv(dataset, snakemake.output.csv)
