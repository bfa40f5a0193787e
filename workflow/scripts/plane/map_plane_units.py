"""Snakemake script: the main run's units over the plane, and its boundary at each frame
of the animation."""

from scratchnet.joblog import job_log
from scratchnet.plane import grids
from scratchnet.plane.datasets import load_data
from scratchnet.plane.runs import load_run

with job_log(snakemake.log[0]):
    data, run = load_data(snakemake.input.data), load_run(snakemake.input.run)
    grid = grids.plane_grid(data, resolution=snakemake.params.grid)
    grids.save_arrays(grids.unit_responses(run, data, grid), snakemake.output.units)
    frames = grids.boundary_frames(run, data, grid, frames=snakemake.params.frames)
    grids.save_arrays(frames, snakemake.output.frames)
