"""Snakemake script: write the training set (the tutorial's, or the user's checked CSV)."""

from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv, training_set, write_csv

with job_log(snakemake.log[0]):
    user = snakemake.input.user
    dataset = read_csv(user[0]) if user else training_set()
    write_csv(dataset, snakemake.output.csv)
