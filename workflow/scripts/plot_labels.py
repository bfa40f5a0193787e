"""Snakemake script: draw figs/y.png from the training CSV."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import labels
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv

with job_log(snakemake.log[0]):
    fig = labels.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
