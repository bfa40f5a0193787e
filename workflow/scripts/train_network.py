"""Snakemake script: train the network and save its history and the settings used."""

import sys

from scratchnet.datasets import read_csv
from scratchnet.snapshots import save_history, save_json
from scratchnet.training import first_full_accuracy, print_progress, train

sys.stderr = open(snakemake.log[0], "w", buffering=1)  # tracebacks go to the rule's log

settings = dict(snakemake.params.items())
train_set = read_csv(snakemake.input.train)
history = train(train_set.x0(), train_set.labels, progress=print_progress, **settings)
save_history(history, snakemake.output.history)
save_json(
    {
        "settings": settings,
        "training_set": snakemake.input.train,
        "first_full_accuracy_iteration": first_full_accuracy(history),
        "final_loss": float(history.loss[-1]),
    },
    snakemake.output.run,
)
