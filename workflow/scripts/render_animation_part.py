"""Snakemake script: render one part (a run of consecutive frames) of the animation."""

from scratchnet.datasets import read_csv
from scratchnet.figures.gif_stream import load_palette
from scratchnet.figures.training_animation import frame_chunk, write_gif_part
from scratchnet.joblog import job_log
from scratchnet.snapshots import load_history
from scratchnet.training import print_progress

with job_log(snakemake.log[0]):
    history = load_history(snakemake.input.history)
    params = snakemake.params
    chunk = int(snakemake.wildcards.chunk)
    iterations = frame_chunk(history.iterations, params.every, chunk, params.chunks)
    previous = frame_chunk(history.iterations, params.every, chunk - 1, params.chunks)[-1]
    write_gif_part(
        history,
        read_csv(snakemake.input.train).labels,
        snakemake.output.part,
        palette=load_palette(snakemake.input.palette),
        iterations=iterations,
        previous=previous if chunk > 0 else None,
        duration_ms=params.frame_ms,
        dpi=params.dpi,
        progress=print_progress,
    )
