# The table of static figures, workflow/figures.yaml, read; and each entry made into its
# rule's settings (figures.smk makes the rules).
import itertools
import re
import string
from pathlib import Path

import yaml

# The static figures, by chapter: file name (in figs/) -> entry.
with open(Path(workflow.basedir) / "workflow" / "figures.yaml") as f:
    FIGURE_TABLE = yaml.safe_load(f)


# The datasets a part's figures are drawn from, by role (`{main}` in an entry's inputs):
# its rule files set them from its settings (part three's are the reader's points under
# plane.csv). A role is one name, or a list (the input is then a list of files).
FIGURE_ROLES = {}


def figure_inputs(part, figure):
    """A figure rule's inputs: the entry's, each role filled in (a wildcard of the
    entry, `{n}`, is left for Snakemake to fill per job)."""
    roles = FIGURE_ROLES.get(part, {})
    kept = {name: f"{{{name}}}" for name in figure.get("wildcards", {})}
    return {
        name: _filled(pattern, roles, kept)
        for name, pattern in figure.get("inputs", {}).items()
    }


def _filled(pattern, roles, kept):
    """``pattern`` with its roles filled: one file, or one per value of its list roles."""
    fields = [field for _, field, _, _ in string.Formatter().parse(pattern) if field]
    unknown = [field for field in fields if field not in roles and field not in kept]
    if unknown:
        raise ValueError(
            f"workflow/figures.yaml: {pattern!r} names no role {unknown[0]!r}"
        )
    single = {
        field: roles[field] for field in fields if isinstance(roles.get(field), str)
    }
    many = {
        field: roles[field] for field in fields if isinstance(roles.get(field), list)
    }
    if not many:
        return pattern.format(**single, **kept)
    return [
        pattern.format(**single, **kept, **dict(zip(many, values)))
        for values in itertools.product(*many.values())
    ]


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
