"""Snakemake script: write validation set 2 (training images plus noise, or the user's)."""

from scratchnet.joblog import job_log
from scratchnet.lines.datasets import noisy_copy, read_csv, write_csv

with job_log(snakemake.log[0]):
    user = snakemake.input.user
    if user:
        dataset = read_csv(user[0])
    else:
        params = snakemake.params
        dataset = noisy_copy(read_csv(snakemake.input.train), params.noise_sd, params.seed)
    write_csv(dataset, snakemake.output.csv)
