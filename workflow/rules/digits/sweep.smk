# The hyperparameter sweep: `snakemake -j4 sweep` on a laptop, or
# `snakemake --profile profiles/slurm sweep` on a Slurm cluster. One job per chunk of
# points, each declaring what it needs, so any executor can place it. Not part of `all`.

# The grid (config `sweep:`): a result file per point, in a fixed order, cut into chunks
# of `points_per_job` (config.smk prepares them): one job trains a chunk, point after
# point, each point handed to it as params.
SWEEP = config["sweep"]
SWEEP_POINTS = [sweep_point_file(point) for point in PREPARED.sweep_points]


# The summary and its figure read small files and take a second: on a cluster they run
# where snakemake runs, not as jobs that would each wait for Slurm to start and report them.
localrules:
    summarise_sweep,
    plot_sweep_summary,


# The sweep's data: the digits chapter's split rule, on the chapter's dataset (the
# bundled digits, or MNIST if digits.mnist_dir is set), split with the sweep's own seed.
use rule make_digits_splits as make_sweep_splits with:
    output:
        train="results/sweep/data/train.npz",
        valid="results/sweep/data/valid.npz",
        test="results/sweep/data/test.npz",
    log:
        "results/logs/make_sweep_splits.log",
    benchmark:
        "results/benchmarks/make_sweep_splits.tsv"
    params:
        mnist_dir=DIGITS["mnist_dir"],
        valid_fraction=DIGITS["valid_fraction"],
        test_fraction=DIGITS["test_fraction"],
        seed=SWEEP["split_seed"],


# A chunk of the grid's points, trained one after another in one process (a point of the
# bundled digits trains in less time than a job takes to start): each point saved to its
# own result file as it finishes. A chunk is a job, with its own rule: a killed sweep
# reruns only the chunks that miss a point. Memory is one point's (they run in turn),
# runtime the sum of its points'.
for index, points in enumerate(PREPARED.sweep_chunks):

    rule:
        name:
            f"train_sweep_chunk_{index}"
        input:
            train="results/sweep/data/train.npz",
            valid="results/sweep/data/valid.npz",
            code=DIGITS_CODE,
        output:
            points=[sweep_point_file(point) for point in points],
        log:
            f"results/logs/sweep/chunk-{index}.log",
        benchmark:
            f"results/benchmarks/sweep/chunk-{index}.tsv"
        conda:
            CONDA_ENV
        resources:
            mem_mb=training_mem_mb,
            runtime=SWEEP["runtime"] * len(points),
        params:
            points=points,
            settings={key: SWEEP[key] for key in ("hidden", "batch_size", "epochs")},
        script:
            "../../scripts/digits/train_sweep_chunk.py"


# One row per point: best and final validation accuracy, the best's epoch, divergence.
# With the data it trained on, for its page to say.
rule summarise_sweep:
    input:
        points=SWEEP_POINTS,
        train="results/sweep/data/train.npz",
        valid="results/sweep/data/valid.npz",
        code=DIGITS_CODE,
    output:
        summary="results/sweep/summary.csv",
        metrics="results/sweep/metrics.json",
    log:
        "results/logs/summarise_sweep.log",
    benchmark:
        "results/benchmarks/summarise_sweep.tsv"
    conda:
        CONDA_ENV
    resources:
        mem_mb=training_mem_mb,
        runtime=5,
    params:
        mnist=DIGITS["mnist_dir"] is not None,
    script:
        "../../scripts/digits/summarise_sweep.py"
