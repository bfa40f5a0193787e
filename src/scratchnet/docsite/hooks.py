"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml) joining the site to the pipeline.

The pipeline's outputs are named under ``extra.pipeline`` in mkdocs.yml, as paths
relative to the directory mkdocs runs in (the one ``snakemake`` built in):

- every other key (``metrics``, ``config``, ``digits``, ``sweep``): a JSON file whose
  values pages quote under that name (see ``quoting``);
- ``figures``: the directory of generated figures, published at ``figs/`` in the site,
  so a page shows ``![...](figs/x0.png)`` and ``--strict`` fails on a missing one.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from scratchnet.docsite.mathml import MathError, typeset_math
from scratchnet.docsite.quoting import QuoteError, fill_numbers

BUILD_HINT = (
    "build the pipeline's outputs first with `snakemake -j4 all docs`, and run mkdocs from "
    "the directory snakemake built in"
)
_quoted_sources: dict[str, dict] = {}


def on_config(config):
    """Read the JSON files pages quote from, once per build."""
    pipeline = _pipeline_paths(config)
    _quoted_sources.clear()
    for source, path in pipeline.items():
        if source == "figures":
            continue
        try:
            _quoted_sources[source] = json.loads(path.read_text())
        except FileNotFoundError:
            raise PluginError(f"{path}: not found; {BUILD_HINT}") from None
        except json.JSONDecodeError as problem:
            raise PluginError(f"{path}: not valid JSON ({problem}); {BUILD_HINT}") from None
    return config


def on_files(files, config):
    """Publish every generated figure at figs/<name> in the site."""
    figures = _pipeline_paths(config)["figures"]
    # Not hidden files, such as the .x.partial.png a killed job leaves behind.
    found = figures.glob("*") if figures.is_dir() else []
    names = sorted(p.name for p in found if p.is_file() and not p.name.startswith("."))
    if not names:
        raise PluginError(f"{figures}: no figures; {BUILD_HINT}")
    for name in names:
        # A virtual file: it pretends to be docs/figs/<name>, read from the pipeline's copy.
        files.append(
            File.generated(config, f"figs/{name}", abs_src_path=str((figures / name).resolve()))
        )
    return files


def on_serve(server, config, builder):
    """Under `mkdocs serve`, rebuild when the pipeline writes new figures or metrics."""
    for path in _pipeline_paths(config).values():
        if path.exists():
            server.watch(str(path))
    return server


def on_page_markdown(markdown, page, config, files):
    """Replace ``{{ metrics.key }}`` and ``{{ config.key }}`` with the pipeline's values."""
    try:
        return fill_numbers(markdown, _quoted_sources, where=page.file.src_uri)
    except QuoteError as problem:
        raise PluginError(str(problem)) from None


def on_page_content(html, page, config, files):
    """Typeset the page's math as MathML."""
    try:
        return typeset_math(html, where=page.file.src_uri)
    except MathError as problem:
        raise PluginError(str(problem)) from None


def _pipeline_paths(config) -> dict[str, Path]:
    settings = config.extra.get("pipeline") or {}
    if "figures" not in settings or len(settings) < 2:
        raise PluginError(
            f"{config.config_file_path}: extra.pipeline needs figures and at least one JSON "
            "source to quote (paths to the pipeline's outputs, relative to where mkdocs runs)"
        )
    return {key: Path(path) for key, path in settings.items()}
