"""Snakemake script: the replay page's data from the saved training runs."""

from scratchnet.explore.replay import ReplayRun, export_replay
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    runs = [
        ReplayRun(name, history, settings)
        for (name, settings), history in zip(
            snakemake.params.runs.items(), snakemake.input.histories
        )
    ]
    export_replay(runs, snakemake.input.train, snakemake.output.index)
