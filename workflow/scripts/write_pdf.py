"""Snakemake script: one part of the tutorial as a typeset PDF, from the staged pages."""

from scratchnet.docsite.pdf import write_part_pdf
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    write_part_pdf(
        snakemake.input.site_config,
        snakemake.wildcards.part,
        snakemake.output.pdf,
        snakemake.input.staged,
        paper=snakemake.params.paper,
        site_url=snakemake.params.site_url,
    )
