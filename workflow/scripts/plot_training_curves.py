"""Snakemake script: draw figs/training-curves.png from the training history."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import training_curves
from scratchnet.joblog import job_log
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import first_full_accuracy

with job_log(snakemake.log[0]):
    history = load_history(snakemake.input.history)
    fig = training_curves.draw(history.loss, history.accuracy, first_full_accuracy(history))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
