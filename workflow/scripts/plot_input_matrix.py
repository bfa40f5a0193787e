"""Snakemake script: draw figs/x0.png from the training CSV."""

from scratchnet.datasets import read_csv
from scratchnet.figures import input_matrix
from scratchnet.figures.common import save_figure
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    fig = input_matrix.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
