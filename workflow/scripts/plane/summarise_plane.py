"""Snakemake script: part three's numbers, for its pages to quote."""

import json
from pathlib import Path

from scratchnet.atomic import save_json
from scratchnet.joblog import job_log
from scratchnet.plane.datasets import load_data
from scratchnet.plane.summary import plane_metrics

with job_log(snakemake.log[0]):
    data = {Path(path).stem: load_data(path) for path in snakemake.input.data}
    comparisons = json.loads(Path(snakemake.input.comparison).read_text())
    metrics = plane_metrics(
        data,
        snakemake.params.runs,
        snakemake.input.runs,
        comparisons,
        roles=snakemake.params.roles,
        csv=snakemake.params.csv,
    )
    save_json(metrics, snakemake.output.metrics)
