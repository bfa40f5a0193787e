"""A point of the hyperparameter sweep: a diverged point is a result, and a result file
names its point."""

from scratchnet.digits.sweep import point_of, run_point


def test_a_diverging_point_records_its_epoch_instead_of_failing(splits):
    record = run_point(
        loss="mse",
        init="normal",
        lr=1e4,
        seed=0,
        settings={"hidden": 10, "batch_size": 32, "epochs": 3},
        train=splits["train"],
        valid=splits["valid"],
    )
    assert record["diverged_epoch"] == 1
    assert len(record["val_accuracy"]) == 1  # epoch 0, before it diverged


def test_a_result_file_names_its_point():
    # The chunk job trains the points its output files name, in the workflow's pattern.
    path = "results/sweep/points/softmax_mse/glorot/lr0.03/seed2.json"
    assert point_of(path) == {"loss": "softmax_mse", "init": "glorot", "lr": 0.03, "seed": 2}
