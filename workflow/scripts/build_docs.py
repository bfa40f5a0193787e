"""Snakemake script: build the tutorial's website with `mkdocs build --strict`, then
publish each part's notebook (notebooks/<part>.ipynb) and PDF (pdf/<part>.pdf) in it,
which every page of the part links."""

import shutil
from pathlib import Path

from scratchnet.atomic import written_atomically
from scratchnet.docsite.build import run_builder
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    with written_atomically(snakemake.output.site) as partial:
        run_builder(snakemake.input.site_config, partial, **dict(snakemake.params.items()))
        for folder, files in (
            ("notebooks", snakemake.input.notebooks),
            ("pdf", snakemake.input.pdfs),
        ):
            (partial / folder).mkdir()
            for file in files:
                shutil.copyfile(file, partial / folder / Path(file).name)
