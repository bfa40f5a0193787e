"""Snakemake script: the initialisation study's standard deviations per layer."""

import numpy as np

from scratchnet.atomic import written_atomically
from scratchnet.digits.init_study import run_study
from scratchnet.joblog import job_log

with job_log(snakemake.log[0], threads=snakemake.threads):
    params = snakemake.params
    stds = run_study(layers=params.layers, width=params.width, seed=params.seed)
    with written_atomically(snakemake.output.study) as partial, open(partial, "wb") as f:
        np.savez(f, **stds)
