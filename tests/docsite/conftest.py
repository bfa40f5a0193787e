"""Toys for the page text pipeline's unit tests: a package of a few modules, and a site
of one part (mkdocs.yml, a page, its quoted results, a recipe) around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# What the toy pages quote (as results/metrics.json would hold it).
METRICS = {
    "final_loss": 1.180332,
    "first": None,
    "accuracy": {"valid_1": 0.9444},
    "data": {"tutorial": True},  # a run on the tutorial's own data
}


def write_toy_package(root: Path) -> Path:
    """Two modules: sub/b.py's section ``loop`` is a loop inside a function that needs
    helpers.py's ``double``, which needs ``SCALE``; ``unused`` is the only user of math."""
    (root / "sub").mkdir(parents=True)
    (root / "helpers.py").write_text(
        "import math\n\n\n# The scale.\nSCALE = 2\n\n\ndef double(x):\n    return SCALE * x\n\n\n"
        "def unused():\n    return math.pi\n"
    )
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "b.py").write_text(
        "import numpy as np\n\nfrom ..helpers import double\n\n\ndef total(values):\n"
        "    result = 0\n    # --8<-- [start:loop]\n    for v in values:\n"
        "        result += double(v)\n        # --8<-- [end:loop]\n    return np.int64(result)\n"
    )
    return root


@pytest.fixture
def toy_package(tmp_path) -> Path:
    return write_toy_package(tmp_path / "pkg")


# The toy part's recipe: its title, where names come from, one cell after its page.
RECIPE = (
    "# Part\n\n<!-- code: sub/b.py -->\n<!-- after: p.md -->\n```python\nprint(total([1]))\n```\n"
)


@pytest.fixture
def toy_site(tmp_path):
    """``make(page_text, recipe_text=RECIPE) -> (mkdocs.yml, recipe)``: a site whose one
    part, "part", is the one page p.md, quoting METRICS, its code from the toy package."""

    def make(page_text: str, recipe_text: str = RECIPE) -> tuple[Path, Path]:
        root = tmp_path / "site"
        if not root.exists():
            write_toy_package(root / "src" / "pkg")
            (root / "docs" / "notebooks").mkdir(parents=True)
            (root / "results.json").write_text(json.dumps(METRICS))
            (root / "mkdocs.yml").write_text(
                "nav:\n  - Part: [{P: p.md}]\nextra:\n  parts:\n    part:\n"
                "      {title: Part, config: null, rules: [], notebook: notebooks/part.md,\n"
                "       exercises: sub/b.py, title_page: {Loss: '{{ metrics.final_loss }}'}}\n"
                "markdown_extensions:\n"
                "  - scratchnet.docsite.run_numbers: "
                f"{{sources: {{metrics: {root / 'results.json'}}}}}\n"
                "  - pymdownx.snippets: {base_path: [src/pkg]}\n"
            )
        (root / "docs" / "p.md").write_text(page_text)
        recipe = root / "docs" / "notebooks" / "part.md"
        recipe.write_text(recipe_text)
        return root / "mkdocs.yml", recipe

    return make
