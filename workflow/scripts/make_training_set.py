"""Snakemake script: write the training set (the tutorial's, or the user's checked CSV)."""

from scratchnet.datasets import read_csv, training_set, write_csv
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    user = snakemake.input.user
    dataset = read_csv(user[0]) if user else training_set()
    write_csv(dataset, snakemake.output.csv)
