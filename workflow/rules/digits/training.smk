# Chapter two's computing: the digits split once, the training runs (each saving its
# history and parameters after every epoch), the initialisation study, and the numbers
# the text quotes. Figures (digits/figures.smk) only read what these rules write.

# Chapter two's settings (config/config.yaml, `digits:`), and its code: the layer
# library and the part's own modules.
DIGITS = config["digits"]
DIGITS_CODE = PART_CODE["digits"] = package_code("nn", "digits")


# The digits split into training, validation and test sets, stratified by class and
# standardised with the training set's mean and standard deviation.
rule make_digits_splits:
    input:
        mnist=mnist_files(DIGITS["mnist_dir"]),
        code=DIGITS_CODE,
    output:
        train="results/digits/train.npz",
        valid="results/digits/valid.npz",
        test="results/digits/test.npz",
    log:
        "results/logs/make_digits_splits.log",
    benchmark:
        "results/benchmarks/make_digits_splits.tsv"
    conda:
        CONDA_ENV
    resources:
        mem_mb=split_mem_mb,
    params:
        mnist_dir=DIGITS["mnist_dir"],
        valid_fraction=DIGITS["valid_fraction"],
        test_fraction=DIGITS["test_fraction"],
        seed=DIGITS["seed"],
    script:
        "../../scripts/digits/make_digits_splits.py"


# One training run (softmax regression, the sigmoid network, the first training):
# its history and its parameters after every epoch.
rule train_digits_run:
    input:
        train="results/digits/train.npz",
        valid="results/digits/valid.npz",
        code=DIGITS_CODE,
    output:
        run="results/digits/runs/{run}.npz",
    log:
        "results/logs/train_digits_run_{run}.log",
    benchmark:
        "results/benchmarks/train_digits_run_{run}.tsv"
    wildcard_constraints:
        run="softmax_regression|sigmoid_network|first_training",
    conda:
        CONDA_ENV
    resources:
        mem_mb=training_mem_mb,
    params:
        settings=lambda wildcards: DIGITS[wildcards.run],
        seed=DIGITS["seed"],
    script:
        "../../scripts/digits/train_digits_run.py"


# The same network trained with one loss, once per seed.
rule train_digits_losses:
    input:
        train="results/digits/train.npz",
        valid="results/digits/valid.npz",
        code=DIGITS_CODE,
    output:
        runs="results/digits/losses/{loss}.npz",
    log:
        "results/logs/train_digits_losses_{loss}.log",
    benchmark:
        "results/benchmarks/train_digits_losses_{loss}.tsv"
    wildcard_constraints:
        loss="|".join(PREPARED.loss_names),
    conda:
        CONDA_ENV
    resources:
        mem_mb=training_mem_mb,
    params:
        settings=DIGITS["losses"],
        seed=DIGITS["seed"],
    script:
        "../../scripts/digits/train_digits_losses.py"


# The reference model, its test-set predictions, and scikit-learn's MLPClassifier
# trained with the same settings on the same split.
rule train_reference_model:
    input:
        train="results/digits/train.npz",
        valid="results/digits/valid.npz",
        test="results/digits/test.npz",
        code=DIGITS_CODE,
    output:
        run="results/digits/runs/reference.npz",
        predictions="results/digits/reference-test.npz",
        comparison="results/digits/reference.json",
    log:
        "results/logs/train_reference_model.log",
    benchmark:
        "results/benchmarks/train_reference_model.tsv"
    conda:
        CONDA_ENV
    resources:
        mem_mb=training_mem_mb,
    params:
        settings=DIGITS["reference"],
        seed=DIGITS["seed"],
    script:
        "../../scripts/digits/train_reference_model.py"


# The standard deviation after each of many random layers, for four initialisations.
rule run_init_study:
    input:
        code=DIGITS_CODE,
    output:
        study="results/digits/init-study.npz",
    log:
        "results/logs/run_init_study.log",
    benchmark:
        "results/benchmarks/run_init_study.tsv"
    conda:
        CONDA_ENV
    params:
        layers=DIGITS["init_study"]["layers"],
        width=DIGITS["init_study"]["width"],
        seed=DIGITS["seed"],
    script:
        "../../scripts/digits/run_init_study.py"


# The chapter's numbers, as the website quotes them.
rule summarise_digits:
    input:
        splits=rules.make_digits_splits.output,
        runs=expand(
            "results/digits/runs/{run}.npz",
            run=[
                "softmax_regression",
                "sigmoid_network",
                "first_training",
                "reference",
            ],
        ),
        losses=expand("results/digits/losses/{loss}.npz", loss=PREPARED.loss_names),
        comparison="results/digits/reference.json",
        study="results/digits/init-study.npz",
        code=DIGITS_CODE,
    output:
        metrics="results/digits/metrics.json",
    log:
        "results/logs/summarise_digits.log",
    benchmark:
        "results/benchmarks/summarise_digits.tsv"
    conda:
        CONDA_ENV
    resources:
        mem_mb=training_mem_mb,
    script:
        "../../scripts/digits/summarise_digits.py"


PART_OUTPUTS["digits"] = [rules.summarise_digits.output.metrics]
