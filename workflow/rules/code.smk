# The code and software every job runs: this checkout's package (on the jobs' PYTHONPATH,
# and listed as their inputs, so an edit reruns exactly what it could change) and the
# conda environment of --use-conda.
import os
import sys
from pathlib import Path

# Software of every job under --use-conda (an absolute path: rules live at several depths).
CONDA_ENV = str(Path(workflow.basedir) / "workflow" / "envs" / "scratchnet.yaml")

# The checkout, as a path relative to the working directory (the checkout itself, or the
# folder given with --directory): the rules name their code inputs by it, so a checkout
# moved or copied elsewhere (`cp -a`, a CI cache restored at another path) keeps its
# recorded inputs and a rerun there has nothing to do.
CHECKOUT = Path(os.path.relpath(workflow.basedir))
SOURCE = CHECKOUT / "src"
PACKAGE = SOURCE / "scratchnet"

# Jobs import the package from this checkout, the code the rules list as input, whether
# or not it is pip-installed (e.g. in a --use-conda environment). Set here, the variable
# also reaches jobs on other machines, which parse this file again. The checks made while
# parsing (config.smk, user_files.smk) import it from here too.
os.environ.update(
    PYTHONPATH=os.pathsep.join(
        filter(None, [str(SOURCE.resolve()), os.environ.get("PYTHONPATH")])
    )
)
sys.path.insert(0, str(SOURCE.resolve()))

# What a job's code depends on, as inputs: the shared infrastructure (with the checks
# of a user's CSV and the scikit-learn reference every part may use), plus its part's
# own subpackages, which each part's first rule file registers in PART_CODE
# (`package_code("nn", "digits")`). Figure rules add their drawing code (figure_code).
INFRA_CODE = [
    PACKAGE / name
    for name in (
        "__init__.py",
        "atomic.py",
        "joblog.py",
        "user_errors.py",
        "user_csv.py",
        "reference_mlp.py",
    )
]
PART_CODE = {}
FIGURE_CODE = PACKAGE / "figures"


def package_code(*subpackages):
    """The infrastructure and every module of ``subpackages`` of the package."""
    modules = [
        path for name in subpackages for path in sorted((PACKAGE / name).glob("*.py"))
    ]
    return INFRA_CODE + modules


def figure_code(part, *modules):
    """The source a figure of ``part`` is drawn by, as inputs: its modules (in
    figures/<part>/, or shared in figures/), the shared style and the part's model code.
    Editing a figure's module redraws that figure alone."""
    shared = [FIGURE_CODE / "common.py", FIGURE_CODE / "scratchnet.mplstyle"]
    return (
        PART_CODE[part] + shared + [_figure_module(part, module) for module in modules]
    )


def _figure_module(part, module):
    for path in (FIGURE_CODE / part / f"{module}.py", FIGURE_CODE / f"{module}.py"):
        if path.exists():
            return path
    raise ValueError(f"no figure module {module!r} in figures/{part}/ or figures/")
