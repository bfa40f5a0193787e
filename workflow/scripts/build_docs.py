"""Snakemake script: build the tutorial's website with `mkdocs build --strict`, then write
each part's notebook into it (notebooks/<part>.ipynb) and publish its PDF (pdf/<part>.pdf),
which every page of the part links."""

import shutil
from pathlib import Path

from scratchnet.atomic import written_atomically
from scratchnet.docsite.build import run_builder
from scratchnet.docsite.notebook import write_part_notebook
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    config = Path(snakemake.input.config)
    with written_atomically(snakemake.output.site) as partial:
        run_builder(config, partial, **dict(snakemake.params.items()))
        (partial / "notebooks").mkdir()
        for recipe in snakemake.input.recipes:
            notebook = partial / "notebooks" / f"{Path(recipe).stem}.ipynb"
            write_part_notebook(config, recipe, notebook, pages_dir=snakemake.input.staged)
        (partial / "pdf").mkdir()
        for pdf in snakemake.input.pdfs:
            shutil.copyfile(pdf, partial / "pdf" / Path(pdf).name)
