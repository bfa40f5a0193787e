"""Snakemake script: draw figs/training-curves.png from the training history."""

import sys

from scratchnet.figures import training_curves
from scratchnet.figures.common import save_figure
from scratchnet.snapshots import load_history
from scratchnet.training import first_full_accuracy

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

history = load_history(snakemake.input.history)
fig = training_curves.draw(history.loss, history.accuracy, first_full_accuracy(history))
save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
