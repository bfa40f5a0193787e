"""Snakemake script: each compared run of part three beside scikit-learn's MLPClassifier
trained with the same settings on the same points."""

from pathlib import Path

from scratchnet.atomic import save_json
from scratchnet.joblog import job_log
from scratchnet.plane.datasets import load_data
from scratchnet.plane.runs import load_run
from scratchnet.plane.sklearn_comparison import compare_with_sklearn

with job_log(snakemake.log[0], threads=snakemake.threads):
    data = {Path(path).stem: load_data(path) for path in snakemake.input.data}
    comparisons = {}
    for key, path in zip(snakemake.params.compared, snakemake.input.runs):
        dataset = key.split("/")[0]
        comparisons[key] = compare_with_sklearn(
            load_run(path), data[dataset], seed=snakemake.params.seed
        )
    save_json(comparisons, snakemake.output.comparison)
