"""Snakemake script: draw figs/valid-set{n}.png with the network's predictions."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import validation_set
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.evaluation import read_predictions

with job_log(snakemake.log[0]):
    fig = validation_set.draw(
        read_csv(snakemake.input.dataset), read_predictions(snakemake.input.predictions)
    )
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
