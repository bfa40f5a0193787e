"""Snakemake script: draw figs/himmelblau-gradient.png."""

import sys

from scratchnet.figures import himmelblau_descent
from scratchnet.figures.common import save_figure
from scratchnet.himmelblau import descent_path

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

params = snakemake.params
path = descent_path(tuple(params.start), params.step_size, params.steps)
fig = himmelblau_descent.draw(path, params.step_size)
save_figure(fig, snakemake.output.png, dpi=params.dpi)
