# Training (the only place the network learns) and its evaluation on both validation sets.


# Gradient descent, saving every parameter, activation, loss and accuracy per iteration.
rule train_network:
    input:
        train="results/data/train.csv",
        code=LINES_CODE,
    output:
        history="results/training/history.npz",
        run="results/training/run.json",
    log:
        "results/logs/train_network.log",
    benchmark:
        "results/benchmarks/train_network.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    params:
        # hidden, lr, iterations and seed, as the replay page's runs have them.
        settings=PREPARED.replay_runs[DEFAULT_RUN],
    script:
        "../../scripts/lines/train_network.py"


# Predictions of the trained network, and the metrics the tutorial text quotes.
rule evaluate_network:
    input:
        history="results/training/history.npz",
        valid_1="results/data/valid-1.csv",
        valid_2="results/data/valid-2.csv",
        code=LINES_CODE,
    output:
        predictions_1="results/predictions/valid-1.csv",
        predictions_2="results/predictions/valid-2.csv",
        metrics="results/metrics.json",
    log:
        "results/logs/evaluate_network.log",
    benchmark:
        "results/benchmarks/evaluate_network.tsv"
    conda:
        CONDA_ENV
    params:
        # Each set's file of the user's own (None: the tutorial's), for the text to say.
        user_files={
            "training": config["train_csv"],
            "valid_1": config["valid_1_csv"],
            "valid_2": config["valid_2_csv"],
        },
    script:
        "../../scripts/lines/evaluate_network.py"


PART_OUTPUTS["lines"] = [rules.evaluate_network.output.metrics]
