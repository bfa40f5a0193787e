"""Snakemake script: draw figs/x0.png from the training CSV."""

import sys

from scratchnet.datasets import read_csv
from scratchnet.figures import input_matrix
from scratchnet.figures.common import save_figure

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

fig = input_matrix.draw(read_csv(snakemake.input.train))
save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
