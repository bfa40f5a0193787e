"""Snakemake script: draw figs/mat-init.png from iteration 0 of the training history."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import initial_params
from scratchnet.joblog import job_log
from scratchnet.lines.snapshots import load_history

with job_log(snakemake.log[0]):
    fig = initial_params.draw(load_history(snakemake.input.history).params_at(0))
    save_figure(fig, snakemake.output.png, dpi=snakemake.params.dpi)
