"""Snakemake script: the reference model, its test predictions, and scikit-learn's
MLPClassifier trained with the same settings on the same split."""

import numpy as np

from scratchnet.atomic import save_json, save_npz
from scratchnet.digits.data import load_split
from scratchnet.digits.runs import predict, save_run, train_run
from scratchnet.digits.sklearn_comparison import mlp_classifier_accuracy
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0], threads=snakemake.threads):
    settings, seed = snakemake.params.settings, snakemake.params.seed
    train, test = load_split(snakemake.input.train), load_split(snakemake.input.test)
    result = train_run(
        "reference",
        settings,
        train,
        load_split(snakemake.input.valid),
        seed=seed,
        progress=print_progress,
    )
    save_run(result, snakemake.output.run)
    predicted = predict(result.model, test.x)
    save_npz(snakemake.output.predictions, {"labels": test.labels, "predicted": predicted})
    ours = float(np.mean(predicted == test.labels))
    print_progress(f"our test accuracy {ours:.4f}; training MLPClassifier")
    theirs = mlp_classifier_accuracy(settings, train, test, seed=seed)
    print_progress(f"MLPClassifier test accuracy {theirs:.4f}")
    save_json(
        {"test_images": len(test.labels), "test_accuracy": ours, "mlp_classifier": theirs},
        snakemake.output.comparison,
    )
