"""Snakemake script: train one run of part three, and its boundary over the plane."""

from scratchnet.joblog import job_log, print_progress
from scratchnet.plane import grids
from scratchnet.plane.datasets import load_data
from scratchnet.plane.runs import save_run, train_run

with job_log(snakemake.log[0], threads=snakemake.threads):
    params, wildcards = snakemake.params, snakemake.wildcards
    data = load_data(snakemake.input.data)
    stream = f"{wildcards.dataset}/{wildcards.run}"  # each run's own random draws
    run = train_run(data, params.settings, seed=params.seed, stream=stream, progress=print_progress)
    save_run(run, snakemake.output.run)
    grid = grids.plane_grid(data, resolution=params.grid)
    grids.save_arrays(grids.boundary(run, data, grid), snakemake.output.boundary)
