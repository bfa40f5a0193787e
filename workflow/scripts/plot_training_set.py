"""Snakemake script: draw figs/training-set.png from the training CSV."""

from scratchnet.datasets import read_csv
from scratchnet.figures import training_set
from scratchnet.figures.common import save_figure
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    fig = training_set.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
