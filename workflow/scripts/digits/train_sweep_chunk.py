"""Snakemake script: train a chunk of the sweep's points, one after another, each saved
to its own result file; a diverged point is a result too."""

import os

from scratchnet.digits.data import load_split
from scratchnet.digits.sweep import run_chunk
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0], threads=snakemake.threads):
    train, valid = load_split(snakemake.input.train), load_split(snakemake.input.valid)
    run_chunk(
        snakemake.params.points,
        snakemake.output.points,
        settings=snakemake.params.settings,
        train=train,
        valid=valid,
        report=print_progress,
    )
    # Where the job ran (a Slurm job's id), for the log only: the results are the same.
    print_progress(f"slurm job {os.environ.get('SLURM_JOB_ID', 'none')}")
