"""Snakemake script: the losses run with one loss, once per seed."""

from scratchnet.atomic import save_npz
from scratchnet.digits.data import load_split
from scratchnet.digits.runs import train_seeds
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0], threads=snakemake.threads):
    settings = {**snakemake.params.settings, "loss": snakemake.wildcards.loss}
    first = snakemake.params.seed
    runs = train_seeds(
        "losses",
        settings,
        load_split(snakemake.input.train),
        load_split(snakemake.input.valid),
        seeds=list(range(first, first + settings["seeds"])),
        progress=print_progress,
    )
    save_npz(snakemake.output.runs, runs)
