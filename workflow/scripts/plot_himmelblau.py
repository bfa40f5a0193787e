"""Snakemake script: draw figs/himmelblau-gradient.png."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import himmelblau_descent
from scratchnet.joblog import job_log
from scratchnet.lines.himmelblau import descent_path

with job_log(snakemake.log[0]):
    params = snakemake.params
    path = descent_path(tuple(params.start), params.step_size, params.steps)
    fig = himmelblau_descent.draw(path, params.step_size)
    save_figure(fig, snakemake.output.png, dpi=params.dpi)
