"""Snakemake script: figs/plane-anim.gif, the boundary forming over the main run."""

from scratchnet.figures.plane.animation import write_gif
from scratchnet.joblog import job_log, print_progress
from scratchnet.plane.datasets import load_data
from scratchnet.plane.grids import load_arrays
from scratchnet.plane.runs import load_run

with job_log(snakemake.log[0]):
    write_gif(
        load_run(snakemake.input.run),
        load_data(snakemake.input.data),
        load_arrays(snakemake.input.frames),
        snakemake.output.gif,
        duration_ms=snakemake.params.frame_ms,
        dpi=snakemake.params.dpi,
        progress=print_progress,
    )
