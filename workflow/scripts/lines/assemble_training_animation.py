"""Snakemake script: join the animation's parts, in order, into figs/train-anim.gif."""

from scratchnet.figures.gif_stream import join_gif_parts
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    join_gif_parts(snakemake.input.parts, snakemake.output.gif)
