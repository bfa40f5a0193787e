"""Snakemake script: part three's datasets (or the reader's points), one file each, and
each role's points as a table."""

from scratchnet.joblog import job_log
from scratchnet.plane.datasets import make_dataset, read_dataset, save_data, write_points

with job_log(snakemake.log[0]):
    params = snakemake.params
    made = {}
    for (name, settings), path in zip(params.datasets.items(), snakemake.output.data):
        if settings is None:  # the reader's points
            data = read_dataset(params.csv, valid_fraction=params.valid_fraction, seed=params.seed)
        else:
            data = make_dataset(name, settings, seed=params.seed)
        save_data(data, path)
        made[name] = data
    for dataset, path in zip(params.roles.values(), snakemake.output.points):
        write_points(made[dataset], path)
