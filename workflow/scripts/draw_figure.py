"""Snakemake script of every static figure rule: the figure's module (``params.module``,
under ``scratchnet.figures``) reads the rule's inputs and draws; the figure is saved
without run-dependent bytes."""

import importlib

from scratchnet.figures.common import save_figure
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    module = importlib.import_module(f"scratchnet.figures.{snakemake.params.module}")
    fig = module.from_files(snakemake.input, snakemake.params)
    save_figure(fig, snakemake.output[0], dpi=snakemake.params.dpi)
