"""Snakemake script: render figs/train-anim.gif from the training history."""

from scratchnet.datasets import read_csv
from scratchnet.figures.training_animation import write_training_gif
from scratchnet.joblog import job_log
from scratchnet.snapshots import load_history
from scratchnet.training import print_progress

with job_log(snakemake.log[0]):
    write_training_gif(
        load_history(snakemake.input.history),
        read_csv(snakemake.input.train).labels,
        snakemake.output.gif,
        every=snakemake.params.every,
        duration_ms=snakemake.params.frame_ms,
        dpi=snakemake.params.dpi,
        progress=print_progress,
    )
