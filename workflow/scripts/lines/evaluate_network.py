"""Snakemake script: predict both validation sets and write the tutorial's metrics."""

from scratchnet.atomic import save_json
from scratchnet.joblog import job_log
from scratchnet.lines.datasets import read_csv
from scratchnet.lines.evaluation import evaluate, write_predictions
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import first_full_accuracy

with job_log(snakemake.log[0]):
    history = load_history(snakemake.input.history)
    final_params = history.params_at(history.iterations)
    accuracies, sizes = {}, {}
    for name in ("1", "2"):
        predictions = evaluate(final_params, read_csv(snakemake.input[f"valid_{name}"]))
        write_predictions(predictions, snakemake.output[f"predictions_{name}"])
        accuracies[f"valid_{name}"] = predictions.accuracy
        sizes[f"valid_{name}"] = len(predictions.labels)
    save_json(
        {
            "iterations": history.iterations,
            "training_images": history.A2.shape[-1],
            "first_full_accuracy_iteration": first_full_accuracy(history),
            "initial_loss": float(history.loss[0]),
            "final_loss": float(history.loss[-1]),
            "final_training_accuracy": float(history.accuracy[-1]),
            "validation_accuracy": accuracies,
            "validation_images": sizes,
            # Where each set came from: the tutorial's own, or the user's file.
            "data": {
                name: {
                    "tutorial": file is None,
                    "file": file,
                    "source": "the tutorial's own" if file is None else file,
                }
                for name, file in snakemake.params.user_files.items()
            },
        },
        snakemake.output.metrics,
    )
