# The site's browser pages (docs/explore/): the data they load, exported from the saved
# runs into results/explore/data/, which the docs build stages as explore/data/.
# At the depth of the chapters' rule files: train_explore_run reuses train_network's script.
import re

EXPLORE = config["explore"]
# The replay page's runs: the tutorial's own, then the config's (explore.runs), each
# name -> its training settings (config.smk prepares them: scratchnet.settings).
REPLAY_RUNS = PREPARED.replay_runs
EXPLORE_RUNS = [name for name in REPLAY_RUNS if name != DEFAULT_RUN]
EXPLORE_DATA = Path("results/explore/data")
EXPLORE_EXPORTS = [
    EXPLORE_DATA / "replay" / "index.json",
    EXPLORE_DATA / "replay" / "training-set.bin",
    *(EXPLORE_DATA / "replay" / f"{name}.bin" for name in REPLAY_RUNS),
    EXPLORE_DATA / "digits" / "index.json",
    EXPLORE_DATA / "digits" / "model.bin",
    EXPLORE_DATA / "playground" / "index.json",
    EXPLORE_DATA / "playground" / "playground.bin",
]
# Each page's exporter, with the modules every exporter shares (the format, the colours).
EXPLORE_SHARED = [
    PACKAGE / "explore" / name for name in ("__init__.py", "pack.py", "colours.py")
]
EXPLORE_CODE = (
    EXPLORE_SHARED
    + [PACKAGE / "explore" / name for name in ("replay.py", "digits.py")]
    + figure_code("lines", "training_animation")
)
PLAYGROUND_CODE = (
    EXPLORE_SHARED
    + [PACKAGE / "explore" / "playground.py"]
    + figure_code("lines", "training_animation")
    + figure_code("plane", "panels", "units", "animation")
)
# The playground's mini-batch run (its dataset, its run).
PLAYGROUND_BATCHES, PLAYGROUND_BATCHES_RUN = PLANE_PLAN.playground_batches


# Where each replay run's history.npz and run.json are saved.
REPLAY_FOLDERS = {
    name: "results/training" if name == DEFAULT_RUN else f"results/explore/runs/{name}"
    for name in REPLAY_RUNS
}


# A run of the 9-6-2 network for the replay page: the tutorial's training with the
# seed and learning rate that explore.runs gives it.
use rule train_network as train_explore_run with:
    output:
        history="results/explore/runs/{run}/history.npz",
        run="results/explore/runs/{run}/run.json",
    log:
        "results/logs/train_explore_run_{run}.log",
    benchmark:
        "results/benchmarks/train_explore_run_{run}.tsv"
    wildcard_constraints:
        run="|".join(map(re.escape, EXPLORE_RUNS)) or "no-runs",
    priority: 0
    params:
        settings=lambda wildcards: REPLAY_RUNS[wildcards.run],


# The replay page's data: every run's parameters at every iteration and the training
# images, in float64 for the page's trainer, with the colours of the GIF.
rule export_replay:
    input:
        train="results/data/train.csv",
        histories=[f"{folder}/history.npz" for folder in REPLAY_FOLDERS.values()],
        code=EXPLORE_CODE,
    output:
        index=EXPLORE_DATA / "replay" / "index.json",
        training_set=EXPLORE_DATA / "replay" / "training-set.bin",
        runs=[EXPLORE_DATA / "replay" / f"{name}.bin" for name in REPLAY_RUNS],
    log:
        "results/logs/export_replay.log",
    benchmark:
        "results/benchmarks/export_replay.tsv"
    conda:
        CONDA_ENV
    params:
        runs=REPLAY_RUNS,
    script:
        "../../scripts/explore/export_replay.py"


# The draw-a-digit page's data: the trained models, the standardisation, test images.
rule export_digits_models:
    input:
        train="results/digits/train.npz",
        test="results/digits/test.npz",
        reference="results/digits/runs/reference.npz",
        predictions="results/digits/reference-test.npz",
        softmax_regression="results/digits/runs/softmax_regression.npz",
        code=EXPLORE_CODE + DIGITS_CODE,
    output:
        index=EXPLORE_DATA / "digits" / "index.json",
        model=EXPLORE_DATA / "digits" / "model.bin",
    log:
        "results/logs/export_digits_models.log",
    benchmark:
        "results/benchmarks/export_digits_models.tsv"
    conda:
        CONDA_ENV
    params:
        test_images=EXPLORE["test_images"],
    script:
        "../../scripts/explore/export_digits.py"


# The playground page's data: every dataset of part three, its main run and one
# mini-batch run (initial and final parameters, numpy's history, the batch order), and
# the figures' colours, for the page's trainer held to numpy's.
rule export_playground:
    input:
        data=expand("results/plane/data/{dataset}.npz", dataset=PLANE_PLAN.datasets),
        main=f"results/plane/runs/{PLANE_PLAN.main}/network.npz",
        batches=f"results/plane/runs/{PLAYGROUND_BATCHES}/{PLAYGROUND_BATCHES_RUN}.npz",
        code=PLAYGROUND_CODE,
    output:
        index=EXPLORE_DATA / "playground" / "index.json",
        data=EXPLORE_DATA / "playground" / "playground.bin",
    log:
        "results/logs/export_playground.log",
    benchmark:
        "results/benchmarks/export_playground.tsv"
    conda:
        CONDA_ENV
    params:
        datasets=PLANE_PLAN.datasets,
        main=PLANE_PLAN.main,
        batches=PLAYGROUND_BATCHES,
        valid_fraction=PLANE["valid_fraction"],
    script:
        "../../scripts/explore/export_playground.py"
