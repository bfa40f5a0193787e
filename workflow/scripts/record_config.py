"""Snakemake script: write the build's whole validated configuration as JSON."""

import json

from scratchnet.atomic import save_json
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    save_json(json.loads(snakemake.params.settings), snakemake.output.config)
