"""Snakemake script: the digits chapter's numbers, in results/digits/metrics.json."""

import json
from pathlib import Path

import numpy as np

from scratchnet.atomic import save_json
from scratchnet.digits.data import load_split
from scratchnet.digits.init_study import by_scheme
from scratchnet.digits.runs import load_run
from scratchnet.digits.summary import init_study_summary, losses_summary, run_summary
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    inputs = snakemake.input
    train, valid, test = (load_split(path) for path in inputs.splits)
    metrics = {
        "data": {
            "side": train.side,
            "pixels": train.side**2,
            "train_images": len(train.labels),
            "valid_images": len(valid.labels),
            "test_images": len(test.labels),
        },
        "runs": {Path(path).stem: run_summary(load_run(path)) for path in inputs.runs},
        "losses": {},
        "reference": json.loads(Path(inputs.comparison).read_text()),
        "init_study": {},
    }
    for path in inputs.losses:
        with np.load(path) as arrays:
            metrics["losses"][Path(path).stem] = losses_summary(
                arrays["val_accuracy"], arrays["active_units"]
            )
    with np.load(inputs.study) as arrays:
        metrics["init_study"] = init_study_summary(by_scheme(arrays))
    save_json(metrics, snakemake.output.metrics)
