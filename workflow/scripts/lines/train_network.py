"""Snakemake script: train the network; save its history, the settings and the data used."""

import hashlib
from pathlib import Path

from scratchnet.atomic import save_json
from scratchnet.joblog import job_log, print_progress
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.snapshots import save_history
from scratchnet.lines.training import train

with job_log(snakemake.log[0], threads=snakemake.threads):
    settings = snakemake.params.settings
    train_set = read_csv(snakemake.input.train)
    history = train(train_set.x0(), train_set.labels, progress=print_progress, **settings)
    save_history(history, snakemake.output.history)
    save_json(
        {
            "settings": settings,
            "training_set": snakemake.input.train,
            "training_set_sha256": hashlib.sha256(
                Path(snakemake.input.train).read_bytes()
            ).hexdigest(),
        },
        snakemake.output.run,
    )
