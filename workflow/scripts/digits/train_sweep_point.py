"""Snakemake script: train one point of the sweep; a diverged point is a result too."""

import os
import time

from scratchnet.digits.data import load_split
from scratchnet.digits.sweep import run_point, save_point
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0], threads=snakemake.threads):
    w = snakemake.wildcards
    train, valid = load_split(snakemake.input.train), load_split(snakemake.input.valid)
    started = time.perf_counter()
    record = run_point(
        loss=w.loss,
        init=w.init,
        lr=float(w.lr),
        seed=int(w.seed),
        settings=snakemake.params.settings,
        train=train,
        valid=valid,
    )
    # For the benchmark's share of a sweep's time spent training (logged, not saved).
    print_progress(f"trained in {time.perf_counter() - started:.3f} s")
    diverged = record["diverged_epoch"]
    print_progress(
        f"diverged at epoch {diverged}"
        if diverged is not None
        else f"best validation accuracy {max(record['val_accuracy']):.4f}"
    )
    # Where the job ran (a Slurm job's id), for the log only: the result is the same.
    print_progress(f"slurm job {os.environ.get('SLURM_JOB_ID', 'none')}")
    save_point(record, snakemake.output.point)
