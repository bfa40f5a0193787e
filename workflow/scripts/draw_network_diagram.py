"""Snakemake script: draw the network diagram figs/nn.svg."""

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import network_diagram
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import CLASS_NAMES, PIXEL_COLUMNS

with job_log(snakemake.log[0]):
    fig = network_diagram.draw(
        n_in=len(PIXEL_COLUMNS),
        n_hidden=snakemake.params.hidden,
        n_out=len(CLASS_NAMES),
        input_names=[f"pixel {name}" for name in PIXEL_COLUMNS],
        output_names=[f"{k}: {name}" for k, name in CLASS_NAMES.items()],
    )
    save_figure(fig, snakemake.output.svg, dpi=72)  # vector output: dpi only sizes the page
