"""The maintainers' page of outputs describes every figure the table of figures makes:
the table (workflow/figures.yaml) is the list, the page its readers' description."""

from itertools import product
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def table_files() -> list[str]:
    """Every file name workflow/figures.yaml makes, its wildcards expanded."""
    table = yaml.safe_load((REPO / "workflow" / "figures.yaml").read_text())
    names = []
    for entries in table.values():
        for name, entry in entries.items():
            wildcards = entry.get("wildcards", {})
            for values in product(*wildcards.values()):
                names.append(name.format(**dict(zip(wildcards, values))))
    return names


def test_the_outputs_page_names_every_figure_of_the_table():
    page = (REPO / "docs" / "maintain" / "outputs.md").read_text()
    names = table_files()
    assert "valid-set2.png" in names and "sweep-summary.png" in names  # expanded, all chapters
    missing = [name for name in names if f"`{name}`" not in page]
    assert not missing, f"docs/maintain/outputs.md does not describe {missing}"
