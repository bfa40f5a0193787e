"""Snakemake script: draw figs/y_enc.png from the training CSV."""

from scratchnet.datasets import read_csv
from scratchnet.figures import one_hot
from scratchnet.figures.common import save_figure
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    fig = one_hot.draw(read_csv(snakemake.input.train))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
