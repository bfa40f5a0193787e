"""Snakemake script: the playground page's data from part three's datasets and runs."""

from scratchnet.explore.playground import SavedRun, export_playground
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    params, inputs = snakemake.params, snakemake.input
    export_playground(
        datasets=dict(zip(params.datasets, inputs.data)),
        main=params.main,
        runs=[
            SavedRun("main", params.main, inputs.main),
            SavedRun("batches", params.batches, inputs.batches),
        ],
        valid_fraction=params.valid_fraction,
        index_path=snakemake.output.index,
    )
