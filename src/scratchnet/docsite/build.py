"""Put the site's sources together, and run ``mkdocs build --strict`` (or ProperDocs')."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from scratchnet.atomic import written_atomically
from scratchnet.user_errors import InputProblem

# The lines of MkDocs' output that say why a strict build failed.
PROBLEM_PREFIXES = ("WARNING", "ERROR", "Error", "Aborted")
# The command-line tools that build the site from mkdocs.yml: MkDocs 1.6, and ProperDocs,
# its drop-in continuation (same options, same config file).
BUILDERS = ("mkdocs", "properdocs")
# The folder of docs/ holding each part notebook's recipe (their format: recipe.py).
NOTEBOOK_RECIPES = "notebooks"


class SiteBuildFailed(InputProblem, RuntimeError):
    """``mkdocs build --strict`` failed; the message holds MkDocs' own reasons."""


def stage_docs(
    pages: str | Path,
    figures: Iterable[str | Path],
    staged: str | Path,
    data: Mapping[str, str | Path] | None = None,
) -> None:
    """Copy the pages folder ``pages`` (docs/) to ``staged``, with every file of
    ``figures`` in its figs/ folder: the docs_dir mkdocs.yml names, so a page's
    ``![...](figs/x0.png)`` is an ordinary file that ``--strict`` checks. ``data`` maps
    a path inside ``staged`` to the generated file published there (the browser pages'
    exports). The notebooks' recipes (docs/notebooks/) are no pages: they stay out."""
    figures = [Path(figure) for figure in figures]
    if not figures:
        raise SiteBuildFailed(f"{staged}: no figures to publish")
    with written_atomically(staged) as partial:
        shutil.copytree(pages, partial, ignore=_recipes(Path(pages)))
        (partial / "figs").mkdir()
        for figure in figures:
            shutil.copyfile(figure, partial / "figs" / figure.name)
        for destination, source in (data or {}).items():
            (partial / destination).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, partial / destination)


def _recipes(pages: Path):
    top = pages.resolve()
    return lambda folder, names: [NOTEBOOK_RECIPES] if Path(folder).resolve() == top else []


def run_builder(
    config_file: str | Path,
    site_dir: str | Path,
    builder: str = "mkdocs",
    *,
    site_url: str = "",
    repo_url: str = "",
    cwd: str | Path | None = None,
) -> None:
    """``<builder> build --strict`` of ``config_file`` into ``site_dir`` (not atomic), in
    ``cwd`` (where the quoted JSON files are found; default the current directory).

    ``site_url`` and ``repo_url``, if given, are added to the config: the site's address
    (404.html, served for any missing path, then links its style and pages from there)
    and its repository (the pages' "Open in Colab" links). They go into a config beside
    ``config_file`` that inherits it, so its relative paths still hold. MkDocs resolves
    a relative --site-dir against the config's folder: it is passed as an absolute path.
    """
    if builder not in BUILDERS:
        raise ValueError(f"builder {builder!r}; expected one of {', '.join(BUILDERS)}")
    config_file = Path(config_file).resolve()
    settings = {"site_url": site_url, "repo_url": repo_url}
    settings = {key: value for key, value in settings.items() if value}
    if settings:
        derived = config_file.with_name(f".{config_file.stem}.{os.getpid()}.yml")
        lines = [f"INHERIT: {config_file.name}"] + [f"{k}: {v}" for k, v in settings.items()]
        derived.write_text("\n".join(lines) + "\n")
    try:
        _run(derived if settings else config_file, site_dir, builder, cwd)
    finally:
        if settings:
            derived.unlink()


def _run(config_file: Path, site_dir: str | Path, builder: str, cwd) -> None:
    command = [sys.executable, "-m", builder, "build", "--strict", "--clean"]
    command += ["--config-file", str(config_file), "--site-dir", str(Path(site_dir).resolve())]
    # Silence Material's and ProperDocs' notices about MkDocs 2 in every build.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        command, capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )
    print(result.stdout + result.stderr, file=sys.stderr, end="")
    if result.returncode != 0:
        output = (result.stdout + result.stderr).splitlines()
        reasons = [line.strip() for line in output if line.startswith(PROBLEM_PREFIXES)]
        raise SiteBuildFailed(
            f"{builder} build --strict failed for {config_file}:\n  "
            + "\n  ".join(reasons or output[-5:])
        )
