"""Part three's datasets: shapes, balance, what each looks like, seeds, standardisation,
the reader's points split by class, and the files round trip."""

from __future__ import annotations

import numpy as np
import pytest

from scratchnet.plane import datasets
from scratchnet.plane.datasets import (
    MAKERS,
    load_data,
    make_dataset,
    read_dataset,
    save_data,
)
from scratchnet.plane.seeding import generator
from scratchnet.user_errors import InputProblem

CLASSES = {"moons": 2, "circles": 2, "xor": 2, "spiral": 3, "capacity": 2}


@pytest.mark.parametrize("name", MAKERS)
def test_each_dataset_has_its_points_per_class_twice(plane, name):
    settings = plane["datasets"][name]
    data = make_dataset(name, settings, seed=plane["seed"])
    per_class = settings["points"]
    assert data.classes == CLASSES[name]
    for split in (data.train, data.valid):
        assert split.points.shape == split.x.shape == (per_class * data.classes, 2)
        assert split.points.dtype == split.x.dtype == np.float64
        assert np.bincount(split.labels).tolist() == [per_class] * data.classes
    # Drawn the same way, but two draws: no validation point is a training point (but
    # the spiral's centre, where every arm starts).
    away = data.valid.points[np.hypot(*data.valid.points.T) > 0]
    assert not (data.train.points[:, None] == away[None]).all(axis=2).any()


@pytest.mark.parametrize("name", MAKERS)
def test_a_seed_gives_the_same_points_and_another_seed_others(plane, name):
    settings = plane["datasets"][name]
    a = make_dataset(name, settings, seed=3)
    b = make_dataset(name, settings, seed=3)
    c = make_dataset(name, settings, seed=4)
    np.testing.assert_array_equal(a.train.points, b.train.points)
    np.testing.assert_array_equal(a.valid.points, b.valid.points)
    assert not np.array_equal(a.train.points, c.train.points)


def test_the_noisier_moons_are_drawn_apart_from_the_moons(plane):
    moons = make_dataset("moons", plane["datasets"]["moons"], seed=0)
    settings = {**plane["datasets"]["capacity"], "noise": plane["datasets"]["moons"]["noise"]}
    capacity = make_dataset("capacity", settings, seed=0)  # same noise: only the draw differs
    assert not np.allclose(moons.train.points, capacity.train.points)


def test_each_purpose_has_its_own_generator():
    assert generator(0, "moons", "train").random() == generator(0, "moons", "train").random()
    assert generator(0, "moons", "train").random() != generator(0, "moons", "valid").random()
    assert generator(0, "moons").random() != generator(1, "moons").random()


def test_xor_puts_opposite_corners_in_one_class():
    points, labels = MAKERS["xor"](points=400, noise=0.1, rng=np.random.default_rng(0))
    corner = np.sign(points)  # every point in its blob's quadrant at this noise
    np.testing.assert_array_equal(labels, (corner[:, 0] != corner[:, 1]).astype(int))
    assert np.bincount(labels).tolist() == [400, 400]
    centred = points - corner
    assert abs(centred.std() - 0.1) < 0.01


def test_the_spiral_arms_wind_out_from_the_centre():
    points, labels = MAKERS["spiral"](points=50, noise=0.0, arms=3, rng=np.random.default_rng(0))
    radius = np.hypot(*points.T)
    for arm in range(3):
        np.testing.assert_allclose(radius[labels == arm], np.linspace(0, 1, 50), atol=1e-12)
    # Without noise, arm 1 is arm 0 turned by 4 radians.
    angle = np.arctan2(points[:, 0], points[:, 1])
    turned = np.angle(np.exp(1j * (angle[labels == 1] - angle[labels == 0] - 4)))
    np.testing.assert_allclose(turned[1:], 0, atol=1e-9)


def test_the_circles_are_a_ring_around_a_disc_of_half_its_radius():
    points, labels = MAKERS["circles"](
        points=300, noise=0.0, factor=0.5, rng=np.random.default_rng(0)
    )
    radius = np.hypot(*points.T)
    np.testing.assert_allclose(radius[labels == 0], 1.0)
    np.testing.assert_allclose(radius[labels == 1], 0.5)


def test_the_network_sees_points_standardised_by_the_training_set(moons):
    np.testing.assert_allclose(moons.train.x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(moons.train.x.std(axis=0), 1)
    np.testing.assert_allclose(moons.standardise(moons.valid.points), moons.valid.x)
    assert abs(moons.valid.x.mean()) > 1e-6  # the validation set's own mean is not used


def write_points(path, rows):
    path.write_text("x1,x2,class\n" + "".join(f"{a},{b},{k}\n" for a, b, k in rows))


def test_the_readers_points_are_split_80_20_within_each_class(tmp_path):
    rng = np.random.default_rng(0)
    counts = [50, 20, 30]
    rows = [
        (1000 + 500 * rng.standard_normal(), 0.01 * rng.standard_normal(), k)
        for k, n in enumerate(counts)
        for _ in range(n)
    ]
    write_points(tmp_path / "my points.csv", rows)
    data = read_dataset(tmp_path / "my points.csv", valid_fraction=0.2, seed=0)
    assert data.name == "my points.csv" and data.classes == 3
    assert np.bincount(data.valid.labels).tolist() == [10, 4, 6]
    assert np.bincount(data.train.labels).tolist() == [40, 16, 24]
    given = {tuple(map(float, row[:2])) for row in rows}
    split = {tuple(p) for p in np.concatenate([data.train.points, data.valid.points])}
    assert split == given  # every point once, in the file's own units
    np.testing.assert_allclose(data.train.x.std(axis=0), 1)  # x1 and x2 each scaled
    again = read_dataset(tmp_path / "my points.csv", valid_fraction=0.2, seed=0)
    other = read_dataset(tmp_path / "my points.csv", valid_fraction=0.2, seed=1)
    np.testing.assert_array_equal(again.valid.points, data.valid.points)
    assert not np.array_equal(other.valid.points, data.valid.points)


def test_a_split_that_leaves_a_class_out_of_a_set_names_the_setting(tmp_path):
    write_points(tmp_path / "p.csv", [(i, i % 7, i % 2) for i in range(20)])
    with pytest.raises(InputProblem, match=r"p.csv: the validation set has no point of class"):
        read_dataset(tmp_path / "p.csv", valid_fraction=0.01, seed=0)


def test_a_dataset_file_round_trips(tmp_path, spiral):
    save_data(spiral, tmp_path / "spiral.npz")
    back = load_data(tmp_path / "spiral.npz")
    assert (back.name, back.classes) == (spiral.name, spiral.classes)
    for split in ("train", "valid"):
        for field in ("points", "x", "labels"):
            original = getattr(getattr(spiral, split), field)
            np.testing.assert_array_equal(getattr(getattr(back, split), field), original)
    np.testing.assert_array_equal(back.mean, spiral.mean)
    save_data(back, tmp_path / "again.npz")
    assert (tmp_path / "again.npz").read_bytes() == (tmp_path / "spiral.npz").read_bytes()


def test_a_table_of_points_makes_the_very_same_dataset_again(tmp_path, spiral):
    """The notebook's data cell holds the table's rows as the floats the file reads back
    as: from them, from_rows makes the pipeline's dataset, bit for bit."""
    path = tmp_path / "spiral.csv"
    datasets.write_points(spiral, path)
    header, *lines = path.read_text().splitlines()
    assert header == "x1,x2,class,valid"
    assert len(lines) == len(spiral.train.labels) + len(spiral.valid.labels)
    rows = np.array([[float(cell) for cell in line.split(",")] for line in lines])
    back = datasets.from_rows(rows, spiral.name)
    assert (back.name, back.classes) == (spiral.name, spiral.classes)
    for split in ("train", "valid"):
        for field in ("points", "x", "labels"):
            original = getattr(getattr(spiral, split), field)
            assert getattr(getattr(back, split), field).tobytes() == original.tobytes()
    assert back.mean.tobytes() == spiral.mean.tobytes()
    assert back.std.tobytes() == spiral.std.tobytes()
