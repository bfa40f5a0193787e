"""A part is declared once: a stub third part, added to a copy of the built tree with its
own files (a page, a recipe, a rule file) and its declaration in mkdocs.yml, gets its
target, its notebook and its PDF, and joins `all` and the website, with no list in the
workflow's code or the docs rules changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from harness.workflow_copy import planned_jobs, snakemake

pytestmark = pytest.mark.e2e

PAGE = "# The stub\n\nIts run says {{ stub.answer }}.\n"
RECIPE = (
    "# The stub part\n\nA notebook of one page.\n\n"
    "<!-- after: stub/index.md -->\n```python\nprint(1)\n```\n"
)
RULES = """
# The stub part's one number.
rule write_stub_number:
    output:
        metrics="results/stub/metrics.json",
    log:
        "results/logs/write_stub_number.log",
    shell:
        "echo '{{\\"answer\\": 42}}' > {output.metrics} 2> {log}"


PART_OUTPUTS["stub"] = [rules.write_stub_number.output.metrics]
"""


def add_stub_part(workdir: Path) -> None:
    """The stub's own files, and its declaration (a nav section, its quoted numbers)."""
    (workdir / "docs" / "stub").mkdir()
    (workdir / "docs" / "stub" / "index.md").write_text(PAGE)
    (workdir / "docs" / "notebooks" / "stub.md").write_text(RECIPE)
    (workdir / "workflow" / "rules" / "stub").mkdir()
    (workdir / "workflow" / "rules" / "stub" / "numbers.smk").write_text(RULES)
    site = workdir / "mkdocs.yml"
    text = site.read_text()
    text = text.replace(
        "  - For maintainers:\n",
        '  - "Part three: a stub":\n      - The stub: stub/index.md\n  - For maintainers:\n',
        1,
    )
    text = text.replace(
        "    sweep: results/sweep/metrics.json",
        "    sweep: results/sweep/metrics.json\n    stub: results/stub/metrics.json",
        1,
    )
    declaration = {
        "title": "Part three: a stub",
        "config": None,
        "rules": ["stub/numbers.smk"],
        "notebook": "notebooks/stub.md",
        "exercises": None,
        "title_page": {"Answer": "{{ stub.answer }}"},
    }
    block = yaml.safe_dump({"stub": declaration}, sort_keys=False, allow_unicode=True)
    indented = "".join(f"    {line}\n" for line in block.splitlines())
    text = text.replace("  # With repo_url set", indented + "  # With repo_url set", 1)
    site.write_text(text)


def test_a_stub_third_part_gets_its_target_notebook_and_pdf(built, tmp_path):
    workdir = shutil.copytree(built, tmp_path / "copy", symlinks=True)
    before = {
        path: (workdir / path).read_bytes()
        for path in ("workflow/rules/docs.smk", "workflow/rules/targets.smk", "Snakefile")
    }
    add_stub_part(workdir)
    assert planned_jobs(workdir, "stub") == {"write_stub_number", "stub"}
    assert "write_stub_number" in planned_jobs(workdir, "all")
    snakemake(workdir, "--cores", "2", "stub", "build/notebooks/stub.ipynb", "build/pdf/stub.pdf")
    assert json.loads((workdir / "results/stub/metrics.json").read_text()) == {"answer": 42}
    notebook = nbformat.read(workdir / "build/notebooks/stub.ipynb", as_version=4)
    sources = [cell.source for cell in notebook.cells]
    assert sources[0] == "# The stub part\n\nA notebook of one page."
    assert "Its run says 42." in "\n".join(sources) and sources[-1] == "print(1)"
    assert (workdir / "build/pdf/stub.pdf").read_bytes().startswith(b"%PDF-")
    planned = planned_jobs(workdir, "docs")
    assert {"write_notebook", "write_pdf", "build_docs"} <= planned
    assert {path: (workdir / path).read_bytes() for path in before} == before
