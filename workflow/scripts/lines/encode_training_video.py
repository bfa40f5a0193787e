"""Snakemake script: encode figs/train-anim.gif as the MP4 figs/train-anim.mp4."""

from scratchnet.figures.video import gif_to_mp4
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    gif_to_mp4(
        snakemake.input.gif,
        snakemake.output.mp4,
        frame_ms=snakemake.params.frame_ms,
        frames=snakemake.params.frames,
    )
