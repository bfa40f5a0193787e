"""Snakemake script: draw figs/mat-init.png from iteration 0 of the training history."""

import sys

from scratchnet.figures import initial_params
from scratchnet.figures.common import save_figure
from scratchnet.snapshots import load_history

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

fig = initial_params.draw(load_history(snakemake.input.history).params_at(0))
save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
