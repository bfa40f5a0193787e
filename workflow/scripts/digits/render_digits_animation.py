"""Snakemake script: figs/digits-anim.gif, one frame per epoch of the softmax regression."""

from scratchnet.digits.runs import load_run
from scratchnet.figures.digits.animation import write_gif
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0]):
    write_gif(
        load_run(snakemake.input.run),
        snakemake.output.gif,
        duration_ms=snakemake.params.frame_ms,
        dpi=snakemake.params.dpi,
        progress=print_progress,
    )
