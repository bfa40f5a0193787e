"""Snakemake script: part three's datasets (or the reader's points), one file each."""

from scratchnet.joblog import job_log
from scratchnet.plane.datasets import make_dataset, read_dataset, save_data

with job_log(snakemake.log[0]):
    params = snakemake.params
    for (name, settings), path in zip(params.datasets.items(), snakemake.output.data):
        if settings is None:  # the reader's points
            data = read_dataset(params.csv, valid_fraction=params.valid_fraction, seed=params.seed)
        else:
            data = make_dataset(name, settings, seed=params.seed)
        save_data(data, path)
