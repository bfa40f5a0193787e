"""Snakemake script: fit the animation's one palette and save it as a swatch PNG."""

from scratchnet.datasets import read_csv
from scratchnet.figures.gif_stream import save_palette
from scratchnet.figures.training_animation import fit_palette
from scratchnet.joblog import job_log
from scratchnet.snapshots import load_history

with job_log(snakemake.log[0]):
    palette = fit_palette(
        load_history(snakemake.input.history),
        read_csv(snakemake.input.train).labels,
        every=snakemake.params.every,
        dpi=snakemake.params.dpi,
    )
    save_palette(palette, snakemake.output.palette)
