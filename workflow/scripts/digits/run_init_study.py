"""Snakemake script: the initialisation study: each scheme's spread per layer."""

from scratchnet.atomic import save_npz
from scratchnet.digits.init_study import run_study
from scratchnet.joblog import job_log

with job_log(snakemake.log[0], threads=snakemake.threads):
    params = snakemake.params
    study = run_study(layers=params.layers, width=params.width, seed=params.seed)
    save_npz(snakemake.output.study, study, compress=False)
