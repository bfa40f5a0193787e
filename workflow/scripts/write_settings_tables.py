"""Snakemake script: the configuration page's tables, one per section of the config."""

from scratchnet.joblog import job_log
from scratchnet.settings_tables import write_tables

with job_log(snakemake.log[0]):
    write_tables(snakemake.input.defaults, snakemake.input.schema, snakemake.output.tables)
