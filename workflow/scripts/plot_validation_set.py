"""Snakemake script: draw figs/valid-set{n}.png with the network's predictions."""

import sys

from scratchnet.datasets import read_csv
from scratchnet.evaluation import read_predictions
from scratchnet.figures import validation_set
from scratchnet.figures.common import save_figure

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

n_rows, n_cols = snakemake.params.grid
fig = validation_set.draw(
    read_csv(snakemake.input.dataset),
    read_predictions(snakemake.input.predictions),
    n_rows,
    n_cols,
)
save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
