"""Snakemake script: build the tutorial's website with `mkdocs build --strict`."""

from scratchnet.docsite.build import build_site
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    build_site(snakemake.input.config, snakemake.output.site)
