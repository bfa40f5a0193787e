"""Snakemake script: the points as a network's last hidden layer sees them."""

from scratchnet.joblog import job_log
from scratchnet.plane.datasets import load_data
from scratchnet.plane.grids import save_arrays
from scratchnet.plane.hidden_view import hidden_view
from scratchnet.plane.runs import load_run

with job_log(snakemake.log[0]):
    data, run = load_data(snakemake.input.data), load_run(snakemake.input.run)
    save_arrays(hidden_view(run, data, resolution=snakemake.params.grid), snakemake.output.view)
