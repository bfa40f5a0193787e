"""Snakemake script: the sweep's summary, one row per point, and its numbers with the
data it trained on."""

from scratchnet.atomic import save_json
from scratchnet.digits.data import load_split
from scratchnet.digits.sweep import sweep_data, sweep_metrics, write_summary
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0]):
    rows = write_summary(snakemake.input.points, snakemake.output.summary)
    diverged = sum(row["diverged_epoch"] is not None for row in rows)
    print_progress(f"{len(rows)} points, {diverged} diverged")
    train, valid = load_split(snakemake.input.train), load_split(snakemake.input.valid)
    metrics = {"data": sweep_data(train, valid, mnist=snakemake.params.mnist)}
    save_json({**metrics, **sweep_metrics(rows)}, snakemake.output.metrics)
