"""Snakemake script: draw figs/x0.png from the training CSV."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import input_matrix
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv

with job_log(snakemake.log[0]):
    fig = input_matrix.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
