"""Snakemake script: the sweep's summary, one row per point."""

from scratchnet.atomic import save_json
from scratchnet.digits.sweep import sweep_metrics, write_summary
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0]):
    rows = write_summary(snakemake.input.points, snakemake.output.summary)
    diverged = sum(row["diverged_epoch"] is not None for row in rows)
    print_progress(f"{len(rows)} points, {diverged} diverged")
    save_json(sweep_metrics(rows), snakemake.output.metrics)
