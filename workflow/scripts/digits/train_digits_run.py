"""Snakemake script: one training run of the digits chapter, saved with its snapshots."""

from scratchnet.digits.data import load_split
from scratchnet.digits.runs import save_run, train_run
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0], threads=snakemake.threads):
    result = train_run(
        snakemake.wildcards.run,
        snakemake.params.settings,
        load_split(snakemake.input.train),
        load_split(snakemake.input.valid),
        seed=snakemake.params.seed,
        progress=print_progress,
    )
    save_run(result, snakemake.output.run)
