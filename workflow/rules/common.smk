# Shared names for the rules: the list of final figures, where the package's code lives,
# and the checks a schema cannot express.
import json
import os
from pathlib import Path

import yaml

# Software of every job under --use-conda (an absolute path: rules live at several depths).
CONDA_ENV = str(Path(workflow.basedir) / "workflow" / "envs" / "scratchnet.yaml")

# The animation is the longest chain of jobs (training set, training, frame parts, GIF,
# MP4): its jobs start first when they can, and the short figure jobs fill the gaps.
ANIMATION_PRIORITY = 10

# The checkout, as a path relative to the working directory (the checkout itself, or the
# folder given with --directory): the rules name their code inputs by it, so a checkout
# moved or copied elsewhere (`cp -a`, a CI cache restored at another path) keeps its
# recorded inputs and a rerun there has nothing to do.
CHECKOUT = Path(os.path.relpath(workflow.basedir))
SOURCE = CHECKOUT / "src"
PACKAGE = SOURCE / "scratchnet"

# Jobs import the package from this checkout, the code the rules list as input, whether
# or not it is pip-installed (e.g. in a --use-conda environment). Set here, the variable
# also reaches jobs on other machines, which parse this file again.
os.environ.update(
    PYTHONPATH=os.pathsep.join(
        filter(None, [str(SOURCE.resolve()), os.environ.get("PYTHONPATH")])
    )
)
# What a job's code depends on, as inputs, so an edit reruns exactly what it could change:
# the shared infrastructure, plus the chapter's own modules (chapter one, `lines`; the
# layer library `nn` and chapter two, `digits`). Figure rules add their drawing code.
INFRA_CODE = [
    PACKAGE / name for name in ("__init__.py", "atomic.py", "joblog.py", "user_errors.py")
]
LINES_CODE = INFRA_CODE + sorted((PACKAGE / "lines").glob("*.py"))
DIGITS_CODE = (
    INFRA_CODE
    + sorted((PACKAGE / "nn").glob("*.py"))
    + sorted((PACKAGE / "digits").glob("*.py"))
)
FIGURE_CODE = PACKAGE / "figures"

# The final assets of each chapter: chapter two's (DIGITS_FIGURES), then chapter one's
# (FIGURES). The sweep's figure is not among them: `snakemake sweep` makes it.
DIGITS_FIGURES = [
    f"figs/{name}.png"
    for name in (
        "digits-samples",
        "normal-densities",
        "sigmoid-derivative",
        "gradient-descent",
        "init-study",
        "digits-training",
        "digits-losses",
        "softmax-templates",
        "confusion-matrix",
        "misclassified",
    )
] + ["figs/digits-anim.gif", "figs/digits-anim.mp4"]

FIGURES = [
    "figs/training-set.png",
    "figs/x0.png",
    "figs/y.png",
    "figs/y_enc.png",
    "figs/nn.svg",
    "figs/mat-init.png",
    "figs/himmelblau-gradient.png",
    "figs/valid-set1.png",
    "figs/valid-set2.png",
    "figs/training-curves.png",
    "figs/train-anim.gif",
    "figs/train-anim.mp4",
]


def whole_numbers_as_int(values, schema):
    """Make every value the schema types as integer a Python int, recursively: JSON
    Schema accepts 200.0 as an integer, but range() and friends downstream do not."""
    for key, spec in schema.get("properties", {}).items():
        if spec.get("type") == "integer":
            values[key] = int(values[key])
        elif spec.get("type") == "object":
            whole_numbers_as_int(values[key], spec)


with open(Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml") as f:
    whole_numbers_as_int(config, yaml.safe_load(f))

if config["snapshot_every"] > config["iterations"]:
    raise ValueError(
        f"config: snapshot_every ({config['snapshot_every']}) must not exceed "
        f"iterations ({config['iterations']}): the animation would show only the first "
        "and the last iteration"
    )


# Frames in the animation (as scratchnet.figures.training_animation.frame_iterations
# counts them: every snapshot_every-th iteration, and the last), and the parts rendered
# by separate jobs: at most one part per frame.
N_FRAMES = -(-config["iterations"] // config["snapshot_every"]) + 1
N_CHUNKS = min(config["frame_chunks"], N_FRAMES)


def user_csv(key):
    """The user's CSV named by config ``key`` as a one-item input list, or [] if unset
    (null in a config file; `--config key=null` arrives as the text "null")."""
    return [] if config[key] in (None, "", "null") else [config[key]]


def figure_code(chapter, *modules):
    """The source a figure of ``chapter`` ("lines" or "digits") is drawn by, as inputs:
    its modules (in figures/<chapter>/, or shared in figures/), the shared style and the
    chapter's model code. Editing a figure's module redraws that figure alone."""
    shared = [FIGURE_CODE / "common.py", FIGURE_CODE / "scratchnet.mplstyle"]
    model = LINES_CODE if chapter == "lines" else DIGITS_CODE
    return model + shared + [_figure_module(chapter, module) for module in modules]


def _figure_module(chapter, module):
    for path in (FIGURE_CODE / chapter / f"{module}.py", FIGURE_CODE / f"{module}.py"):
        if path.exists():
            return path
    raise ValueError(f"no figure module {module!r} in figures/{chapter}/ or figures/")


# The static figures (workflow/figures.yaml), by chapter: file name -> entry.
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


# Chapter two's settings (config/config.yaml, `digits:`).
DIGITS = config["digits"]


def mnist_files(folder):
    """The MNIST files in ``folder`` as inputs (a change reruns what uses them), or none
    for the bundled digits (folder None). Missing or broken files are reported by the
    job that reads them, naming what it looked for."""
    if folder in (None, "", "null"):
        return []
    folder = Path(folder)
    return (
        sorted(p for p in folder.glob("*-ubyte*") if p.is_file())
        if folder.is_dir()
        else []
    )


# Memory a job declares (mem_mb; a cluster that enforces it kills a job using more), from
# what the job will hold: Python with numpy and the package, plus a multiple of the data
# it reads. Measured (results/benchmarks/*.tsv, max_rss) on 28x28 images: with 28,000
# of them the split held 350 MB for 22 MB of pixels (the raw images, their float copy,
# the shuffled and standardised sets: about 14 MB per MB), each training 210-250 MB for
# 170 MB of sets (about 1.1 MB per MB, plus 40). tests/workflow/test_job_memory.py checks
# every job against what it declared.
BASE_MB = 200
SPLIT_DATA_FACTOR = 16
TRAINING_DATA_FACTOR = 1.5


def data_mb(paths):
    """Megabytes of ``paths`` once read: a gzip file's uncompressed size (its last four
    bytes), any other file's size."""
    total = 0
    for path in map(Path, paths):
        with open(path, "rb") as f:
            gzipped = f.read(2) == b"\x1f\x8b"
            f.seek(-4 if gzipped else 0, os.SEEK_END)
            total += int.from_bytes(f.read(4), "little") if gzipped else f.tell()
    return total / 1e6


def split_mem_mb(wildcards, input):
    """mem_mb of a split job: its MNIST files (none for the bundled digits)."""
    return BASE_MB + round(SPLIT_DATA_FACTOR * data_mb(input.mnist))


def training_mem_mb(wildcards, input):
    """mem_mb of a training job: the sets it reads (the .npz inputs, uncompressed)."""
    sets = [path for path in input if str(path).endswith(".npz")]
    return BASE_MB + round(TRAINING_DATA_FACTOR * data_mb(sets))


# The hyperparameter sweep (config `sweep:`): a result file per point of the grid, named
# after the point (scratchnet.digits.sweep.point_of reads it back), in a fixed order, cut
# into chunks of `points_per_job`: one job trains a chunk, point after point.
SWEEP = config["sweep"]
SWEEP_POINTS = expand(
    "results/sweep/points/{loss}/{init}/lr{lr}/seed{seed}.json",
    loss=SWEEP["losses"],
    init=SWEEP["inits"],
    lr=SWEEP["lrs"],
    seed=SWEEP["seeds"],
)
SWEEP_CHUNKS = [
    SWEEP_POINTS[start : start + SWEEP["points_per_job"]]
    for start in range(0, len(SWEEP_POINTS), SWEEP["points_per_job"])
]
