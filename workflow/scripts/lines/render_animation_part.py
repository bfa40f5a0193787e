"""Snakemake script: render one part (a run of consecutive frames) of the animation."""

from scratchnet.figures.lines.training_animation import write_gif_part
from scratchnet.joblog import job_log, print_progress
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.snapshots import load_history

with job_log(snakemake.log[0]):
    params = snakemake.params
    write_gif_part(
        load_history(snakemake.input.history),
        read_csv(snakemake.input.train).labels,
        snakemake.output.part,
        iterations=params.iterations,
        palette=params.palette,
        before=params.before,
        duration_ms=params.frame_ms,
        dpi=params.dpi,
        progress=print_progress,
    )
