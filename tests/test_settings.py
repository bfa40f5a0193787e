"""The settings made ready once: checked against the schema (each refusal one line),
unset paths resolved, and the values the rules derive computed from the settings alone."""

from __future__ import annotations

import copy

import pytest

from harness.points_cases import REFUSED, write_case
from harness.settings_files import SCHEMA, shipped_config
from scratchnet.explore.replay import TRAINING_SET
from scratchnet.settings import (
    DEFAULT_RUN,
    SettingsProblem,
    chunked,
    prepare,
    sweep_point_file,
)

CONFIG = shipped_config()


def config_with(**changes) -> dict:
    """The shipped config with ``changes`` merged in, sections into sections (as
    Snakemake merges ``--config`` into config.yaml)."""

    def merged(section: dict, changes: dict) -> dict:
        for key, value in changes.items():
            is_section = isinstance(value, dict) and isinstance(section.get(key), dict)
            section[key] = merged(section[key], value) if is_section else value
        return section

    return merged(copy.deepcopy(CONFIG), changes)


def test_the_shipped_config_is_prepared():
    prepared = prepare(config_with(), SCHEMA)
    assert prepared.lines_animation.shown[-1] == CONFIG["iterations"]
    assert len(prepared.lines_animation.parts) == CONFIG["frame_chunks"]
    assert prepared.digits_animation_frames == CONFIG["digits"]["softmax_regression"]["epochs"] + 1
    assert prepared.loss_names == ["mse", "softmax_mse", "cross_entropy"]


@pytest.mark.parametrize("text", ["null", "~", "", None])
def test_an_unset_setting_is_none_however_it_arrives(text):
    # From the command line a section's values are text: plane.network.batch_size=null
    # is full-batch descent, as null in a YAML file is.
    config = config_with(
        train_csv=text, digits={"mnist_dir": text}, plane={"network": {"batch_size": text}}
    )
    prepare(config, SCHEMA)
    assert config["train_csv"] is None and config["digits"]["mnist_dir"] is None
    assert config["plane"]["network"]["batch_size"] is None


def test_numbers_given_as_text_are_typed_before_anything_reads_them():
    config = config_with(iterations="50", sweep={"epochs": "3"})
    prepared = prepare(config, SCHEMA)
    assert config["iterations"] == 50 and config["sweep"]["epochs"] == 3
    assert prepared.lines_animation.shown[-1] == 50


def test_the_replay_runs_are_the_tutorials_then_each_changed_by_its_seed_or_lr():
    config = config_with(explore={"runs": [{"name": "a", "seed": 3}, {"name": "b", "lr": 0.5}]})
    runs = prepare(config, SCHEMA).replay_runs
    tutorial = {key: CONFIG[key] for key in ("hidden", "lr", "iterations", "seed")}
    assert list(runs) == [DEFAULT_RUN, "a", "b"]
    assert runs == {
        DEFAULT_RUN: tutorial,
        "a": {**tutorial, "seed": 3},
        "b": {**tutorial, "lr": 0.5},
    }


def test_no_run_takes_the_tutorials_name_or_the_training_sets():
    names = SCHEMA["properties"]["explore"]["properties"]["runs"]["items"]["properties"]["name"]
    assert set(names["not"]["enum"]) == {DEFAULT_RUN, TRAINING_SET}


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"explore": {"runs": [{"name": "a", "seed": 1}, {"name": "a", "lr": 0.1}]}},
            "config: explore.runs names two runs 'a'; names must differ",
        ),
        (
            {"snapshot_every": 500},
            "config: snapshot_every (500) must not exceed iterations (200)",
        ),
        ({"lr": 0}, "config: 'lr': 0 is less than or equal to the minimum of 0"),
        ({"learnig_rate": 0.1}, "config: unknown key 'learnig_rate'; did you mean 'learning"),
    ],
)
def test_a_bad_setting_is_one_line(changes, message):
    with pytest.raises(SettingsProblem) as problem:
        prepare(config_with(**changes), SCHEMA)
    assert str(problem.value).startswith(message.split("; did")[0]) and "\n" not in str(
        problem.value
    )


def test_a_users_file_is_checked_and_named_with_its_key(tmp_path):
    missing = tmp_path / "absent.csv"
    with pytest.raises(
        SettingsProblem, match=rf"^error: {missing}: no such file \(config valid_2_csv\)$"
    ):
        prepare(config_with(valid_2_csv=str(missing)), SCHEMA)


def test_the_sweeps_points_keep_the_grids_order_and_are_cut_into_jobs():
    sweep = {"losses": ["mse"], "inits": ["he", "lecun"], "lrs": [0.1, 1.0], "seeds": [0, 1, 2]}
    config = config_with(sweep={**sweep, "points_per_job": 5})
    prepared = prepare(config, SCHEMA)
    points = prepared.sweep_points
    assert len(points) == 12 and points[0] == {"loss": "mse", "init": "he", "lr": 0.1, "seed": 0}
    assert points[1]["seed"] == 1 and points[3] == {
        "loss": "mse",
        "init": "he",
        "lr": 1.0,
        "seed": 0,
    }
    assert [len(chunk) for chunk in prepared.sweep_chunks] == [5, 5, 2]
    assert sum(prepared.sweep_chunks, []) == points
    assert sweep_point_file(points[3]) == "results/sweep/points/mse/he/lr1.0/seed0.json"
    assert chunked([1, 2, 3], 3) == [[1, 2, 3]]


def test_the_names_a_setting_may_give_are_the_ones_the_code_knows():
    from scratchnet.digits.runs import LOSSES
    from scratchnet.nn.init import SCALES

    defs = SCHEMA["$defs"]
    assert defs["loss"]["enum"] == list(LOSSES) == prepare(config_with(), SCHEMA).loss_names
    assert defs["init"]["enum"] == list(SCALES)


def test_what_the_workflow_reads_while_parsing_imports_no_drawing_or_training_code():
    import subprocess
    import sys

    # What the rule files import at every start (config.smk, parts.smk, docs.smk, ...),
    # the user's files' checks included: a no-op build must stay fast.
    code = (
        "import sys, scratchnet.settings, scratchnet.tutorial_parts, scratchnet.config_schema;"
        "from scratchnet.settings import check_user_files;"
        "import scratchnet.digits.idx, scratchnet.lines.datasets, scratchnet.docsite.recipe;"
        "heavy = {'matplotlib', 'scratchnet.nn', 'scratchnet.figures.common', 'sklearn',"
        " 'markdown'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


HEADER = "1_1,1_2,1_3,2_1,2_2,2_3,3_1,3_2,3_3,class\n"
VERTICAL = "1,1,1,0,0,0,0,0,0,0\n"
HORIZONTAL = "1,0,0,1,0,0,1,0,0,1\n"


@pytest.mark.parametrize("key", ["train_csv", "valid_1_csv", "valid_2_csv"])
def test_every_value_of_a_users_csv_is_checked_before_any_job(tmp_path, key):
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + VERTICAL + HORIZONTAL + "1,1.2,1,0,0,0,0,0,0,0\n")
    with pytest.raises(SettingsProblem) as problem:
        prepare(config_with(**{key: str(path)}), SCHEMA)
    assert str(problem.value) == (
        f"error: {path}, row 4, column 1_2: 1.2 is outside [0, 1] (config {key})"
    )


def test_a_training_set_of_one_class_is_refused_but_a_validation_set_may_be(tmp_path):
    path = tmp_path / "vertical.csv"
    path.write_text(HEADER + VERTICAL * 15)
    with pytest.raises(SettingsProblem) as problem:
        prepare(config_with(train_csv=str(path)), SCHEMA)
    assert str(problem.value) == (
        f"error: {path}: every image is class 0 (vertical); a training set needs images of "
        "both classes, 0 (vertical) and 1 (horizontal) (config train_csv)"
    )
    prepare(config_with(valid_1_csv=str(path)), SCHEMA)


@pytest.mark.parametrize("case", REFUSED, ids=[case["name"] for case in REFUSED])
def test_a_refused_points_file_stops_the_settings_with_its_line_naming_the_key(tmp_path, case):
    # Every case of the shared table; tests/workflow/test_plane_own_points.py gives three
    # of them to the workflow, which prints this line and runs no job.
    path = write_case(tmp_path, case)
    with pytest.raises(SettingsProblem) as refused:
        prepare(config_with(plane={"csv": str(path)}), SCHEMA)
    assert str(refused.value) == f"error: {case['message'].format(file=path)} (config plane.csv)"
