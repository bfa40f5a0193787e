"""Snakemake script: draw figs/y_enc.png from the training CSV."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import one_hot
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv

with job_log(snakemake.log[0]):
    fig = one_hot.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
