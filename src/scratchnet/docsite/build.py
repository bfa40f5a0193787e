"""Run ``mkdocs build --strict`` into a site directory that appears whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scratchnet.atomic import written_atomically
from scratchnet.problems import InputProblem

# The lines of MkDocs' output that say why a strict build failed.
PROBLEM_PREFIXES = ("WARNING", "ERROR", "Error", "Aborted")


class SiteBuildFailed(InputProblem, RuntimeError):
    """``mkdocs build --strict`` failed; the message holds MkDocs' own reasons."""


def build_site(config_file: str | Path, site_dir: str | Path) -> None:
    """Build the site of ``config_file`` into ``site_dir``, echoing MkDocs' output to
    stderr. Raises ``SiteBuildFailed`` on any warning or error, leaving no ``site_dir``.

    MkDocs resolves a relative --site-dir against the config file's directory, so the
    directory is passed as an absolute path: the site lands where the caller runs.
    """
    with written_atomically(site_dir) as partial:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        command += ["--config-file", str(config_file), "--site-dir", str(partial.resolve())]
        # NO_MKDOCS_2_WARNING: silence Material's notice about MkDocs 2 in every build.
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            command, capture_output=True, text=True, env=environment, check=False
        )
        print(result.stdout + result.stderr, file=sys.stderr, end="")
        if result.returncode != 0:
            output = (result.stdout + result.stderr).splitlines()
            reasons = [line.strip() for line in output if line.startswith(PROBLEM_PREFIXES)]
            raise SiteBuildFailed(
                f"mkdocs build --strict failed for {config_file}:\n  "
                + "\n  ".join(reasons or output[-5:])
            )
