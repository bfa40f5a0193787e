# The table of static figures, workflow/figures.yaml, read; and each entry made into its
# rule's settings (figures.smk makes the rules).
import re
from pathlib import Path

import yaml

# The static figures, by chapter: file name (in figs/) -> entry.
with open(Path(workflow.basedir) / "workflow" / "figures.yaml") as f:
    FIGURE_TABLE = yaml.safe_load(f)


def figure_params(chapter, figure):
    """A figure rule's params: its module, the dpi (config's unless the entry fixes it),
    the config values the entry names by key path, and its fixed params."""
    from_config = {
        key: lookup(dpath=path, within=config)
        for key, path in figure.get("config", {}).items()
    }
    return {
        "dpi": config["dpi"],
        "module": f"{chapter}.{figure['draw'][0]}",
        **from_config,
        **figure.get("params", {}),
    }


def figure_caption(file, figure):
    """The report caption of a figure, relative to workflow/rules/ (where its rule is)."""
    return str(Path("..", "report", figure.get("caption", f"{Path(file).stem}.rst")))


def figure_file(folder, figure, suffix):
    """A figure rule's log or benchmark: <rule>.<suffix>, or <rule>_{n}.<suffix> for a
    figure with a wildcard n (one file per value)."""
    wildcards = "".join(f"_{{{name}}}" for name in figure.get("wildcards", {}))
    return f"{folder}/{figure['rule']}{wildcards}.{suffix}"


def figure_wildcards(figure):
    """A figure rule's wildcard constraints: each wildcard matches its values alone."""
    return {
        name: "|".join(re.escape(str(value)) for value in values)
        for name, values in figure.get("wildcards", {}).items()
    }
