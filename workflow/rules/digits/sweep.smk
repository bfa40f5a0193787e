# The hyperparameter sweep: `snakemake -j4 sweep` on a laptop, or
# `snakemake --profile profiles/slurm sweep` on a Slurm cluster. One job per point,
# each declaring what it needs, so any executor can place it. Not part of `all`.


# The sweep's data: the digits chapter's split rule, on the sweep's own dataset.
use rule make_digits_splits as make_sweep_splits with:
    input:
        mnist=mnist_files(SWEEP["mnist_dir"]),
        code=DIGITS_CODE,
    output:
        train="results/sweep/data/train.npz",
        valid="results/sweep/data/valid.npz",
        test="results/sweep/data/test.npz",
    log:
        "results/logs/make_sweep_splits.log",
    benchmark:
        "results/benchmarks/make_sweep_splits.tsv"
    params:
        mnist_dir=SWEEP["mnist_dir"],
        valid_fraction=DIGITS["valid_fraction"],
        test_fraction=DIGITS["test_fraction"],
        seed=SWEEP["split_seed"],


# One point of the grid: its validation accuracy per epoch, or the epoch it diverged.
rule train_sweep_point:
    input:
        train="results/sweep/data/train.npz",
        valid="results/sweep/data/valid.npz",
        code=DIGITS_CODE,
    output:
        point="results/sweep/points/{loss}/{init}/lr{lr}/seed{seed}.json",
    log:
        "results/logs/sweep/{loss}/{init}/lr{lr}/seed{seed}.log",
    benchmark:
        "results/benchmarks/sweep/{loss}/{init}/lr{lr}/seed{seed}.tsv"
    wildcard_constraints:
        loss="|".join(SWEEP["losses"]),
        init="|".join(SWEEP["inits"]),
        lr=r"[0-9.e+-]+",
        seed=r"\d+",
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=SWEEP["mem_mb"],
        runtime=SWEEP["runtime"],
    params:
        settings={key: SWEEP[key] for key in ("hidden", "batch_size", "epochs")},
    script:
        "../../scripts/digits/train_sweep_point.py"


# One row per point: best and final validation accuracy, the best's epoch, divergence.
rule summarise_sweep:
    input:
        points=SWEEP_POINTS,
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
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    script:
        "../../scripts/digits/summarise_sweep.py"
