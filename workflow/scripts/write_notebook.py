"""Snakemake script: one part of the tutorial as a Jupyter notebook, without outputs."""

from scratchnet.docsite.notebook import write_part_notebook
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    write_part_notebook(
        snakemake.input.site_config,
        snakemake.wildcards.part,
        snakemake.output.notebook,
        pages_dir=snakemake.input.staged,
    )
