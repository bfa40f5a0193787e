"""Snakemake script: draw figs/y_enc.png from the training CSV."""

import sys

from scratchnet.datasets import read_csv
from scratchnet.figures import one_hot
from scratchnet.figures.common import save_figure

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

fig = one_hot.draw(read_csv(snakemake.input.train))
save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
