"""Part three's figures, drawn from small saved results: each draws its panels, has a
size that depends only on its number of panels, saves the same bytes twice, keeps the
data's units on its axes and names the reader's file; the animation's frames are one
size and, blitted, are the full redraw."""

from __future__ import annotations

import io
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from scratchnet.figures.common import save_figure, styled
from scratchnet.figures.plane import (
    animation_strip,
    capacity,
    data,
    depth,
    hidden_layer,
    hidden_view,
    units,
)
from scratchnet.figures.plane.animation import BoundaryAnimation, write_gif
from scratchnet.figures.plane.panels import CLASS_COLOURS, shaded
from scratchnet.plane import grids
from scratchnet.plane.datasets import make_dataset, save_data, standardised
from scratchnet.plane.hidden_view import hidden_view as view_of
from scratchnet.plane.runs import save_run, train_run

RESOLUTION, EPOCHS, DPI = 16, 6, 40
NETWORK = dict(
    hidden=[4, 2], activation="tanh", init="glorot", lr=0.3, epochs=EPOCHS, batch_size=None
)
LINEAR = dict(hidden=[], activation=None, init="glorot", lr=0.5, epochs=EPOCHS, batch_size=None)


def small(name: str, settings: dict):
    return make_dataset(name, {**settings, "points": 20}, seed=0)


def trained(data, settings, stream):
    run = train_run(data, settings, seed=0, stream=stream)
    return run, grids.boundary(run, data, grids.plane_grid(data, resolution=RESOLUTION))


@pytest.fixture(scope="module")
def results(plane):
    """Small datasets (20 points a class), runs of a few epochs, and their grids."""
    sets = {name: small(name, plane["datasets"][name]) for name in ("moons", "circles", "spiral")}
    runs = {name: trained(d, NETWORK, f"{name}/network") for name, d in sets.items()}
    linear = {name: trained(sets[name], LINEAR, f"{name}/linear") for name in ("moons", "circles")}
    return sets, runs, linear


@pytest.fixture(scope="module")
def prices():
    """A reader's points in thousands (x1) and hundredths (x2), three classes."""
    rng = np.random.default_rng(0)
    centres = np.array([[1000, 0.01], [2500, 0.05], [1800, 0.09]])
    points = np.concatenate([c + [300, 0.01] * rng.standard_normal((30, 2)) for c in centres])
    labels = np.repeat([0, 1, 2], 30)
    valid = np.arange(90) % 5 == 0
    reader = standardised(
        "house prices.csv", (points[~valid], labels[~valid]), (points[valid], labels[valid])
    )
    return reader, *trained(reader, NETWORK, "csv/network")


def png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def check_saved(draw, tmp_path, inches, *, twice: bool = False):
    """``draw()`` makes a figure ``inches`` big, saved to exactly that many pixels (and,
    ``twice``: drawn again, the same bytes); returns the figure."""
    paths = [tmp_path / "a.png", tmp_path / "b.png"][: 1 + twice]
    for path in paths:
        fig = draw()
        np.testing.assert_allclose(fig.get_size_inches(), inches)
        save_figure(fig, path, dpi=DPI)
    assert paths[0].read_bytes() == paths[-1].read_bytes()
    with Image.open(paths[0]) as image:
        assert image.size == tuple(round(side * DPI) for side in inches)
    return fig


def titles(fig) -> str:
    texts = [ax.get_title() for ax in fig.axes] + [t.get_text() for t in fig.texts]
    subfigures = getattr(fig, "subfigs", [])
    texts += [t.get_text() for sub in subfigures for t in sub.texts]
    return " | ".join(texts + [fig._suptitle.get_text() if fig._suptitle else ""])


def test_the_data_figure_has_a_panel_per_dataset(results, tmp_path):
    sets, _, _ = results
    fig = check_saved(lambda: data.draw(list(sets.values())), tmp_path, (9.4, 3.9), twice=True)
    assert "moons: 2 classes of 20 points" in titles(fig) and "spiral: 3 classes" in titles(fig)
    ax = fig.axes[0]
    assert len(ax.collections) == 2  # validation, then training on top
    assert ax.collections[0].get_alpha() < 1 and ax.collections[1].get_alpha() is None


def test_why_a_hidden_layer_sets_each_linear_boundary_beside_the_networks(results, tmp_path):
    sets, runs, linear = results
    names = ["moons", "circles"]
    fig = check_saved(
        lambda: hidden_layer.draw(
            [sets[n] for n in names], [linear[n][1] for n in names], [runs[n][1] for n in names]
        ),
        tmp_path,
        (2 * 3.2 + 0.6, 2 * 3.2 + 0.5),
    )
    assert "circles: softmax regression 2-2" in titles(fig)
    assert "circles: network 2-4-2-2 tanh" in titles(fig)
    scores = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert all(s.startswith("validation ") and s.endswith("%") for s in scores) and len(scores) == 4


def test_the_animation_frames_are_one_size_and_blitting_is_a_full_redraw(results):
    sets, runs, _ = results
    run, _ = runs["spiral"]
    frames = grids.boundary_frames(
        run, sets["spiral"], grids.plane_grid(sets["spiral"], resolution=RESOLUTION), frames=4
    )
    blitted, redrawn = frames_both_ways(run, sets["spiral"], frames, [3, 0, 2, 1])
    for a, b in zip(blitted, redrawn):
        np.testing.assert_array_equal(a, b)
    assert blitted[0].shape == (round(4.6 * DPI), 10 * DPI, 4)
    assert not np.array_equal(blitted[0], blitted[1])


@styled
def frames_both_ways(run, plane_data, frames, order):
    animation = BoundaryAnimation(run, plane_data, frames, dpi=DPI)
    blitted = [animation.frame(k) for k in order]
    redrawn = []
    for k in order:
        animation.frame(k)  # set the artists' data
        for artist in [*animation.animated, *animation.contours]:
            artist.set_animated(False)
        animation.canvas.draw()
        redrawn.append(np.array(animation.canvas.buffer_rgba()))
        for artist in [*animation.animated, *animation.contours]:
            artist.set_animated(True)
    return blitted, redrawn


def test_the_gif_has_a_frame_per_frame_of_the_file(results, tmp_path):
    sets, runs, _ = results
    run, _ = runs["moons"]
    frames = grids.boundary_frames(
        run, sets["moons"], grids.plane_grid(sets["moons"], resolution=RESOLUTION), frames=5
    )
    count = write_gif(run, sets["moons"], frames, tmp_path / "anim.gif", duration_ms=80, dpi=DPI)
    assert count == 5
    with Image.open(tmp_path / "anim.gif") as gif:
        assert gif.n_frames == 5 and gif.size == (10 * DPI, round(4.6 * DPI))


def test_the_strip_titles_each_frame_with_its_epoch(results, tmp_path):
    sets, runs, _ = results
    run, _ = runs["moons"]
    grid = grids.plane_grid(sets["moons"], resolution=RESOLUTION)
    frames = grids.boundary_frames(run, sets["moons"], grid, frames=EPOCHS + 1)
    fig = animation_strip.draw(run, sets["moons"], frames)
    shown = [ax.get_title().split("\n")[0] for ax in fig.axes]
    assert shown[0] == "epoch 0" and shown[-1] == f"epoch {EPOCHS}" and len(shown) >= 4
    check_saved(
        lambda: animation_strip.draw(run, sets["moons"], frames),
        tmp_path,
        (2.4 * len(shown) + 0.3, 2.4 + 0.75),
    )


def test_the_units_figure_has_a_map_per_hidden_unit(results, tmp_path):
    sets, runs, _ = results
    run, boundary = runs["moons"]
    responses = grids.unit_responses(
        run, sets["moons"], grids.plane_grid(sets["moons"], resolution=RESOLUTION)
    )
    fig = check_saved(
        lambda: units.draw(sets["moons"], responses, boundary), tmp_path, (10.5, 4.6), twice=True
    )
    maps = [ax for ax in fig.axes if ax.get_title().startswith("unit ")]
    assert len(maps) == 4 + 2


def test_the_capacity_figure_puts_both_accuracies_under_each_width(results, tmp_path):
    sets, _, _ = results
    boundaries = [trained(sets["moons"], {**NETWORK, "hidden": [w]}, f"w{w}")[1] for w in (1, 2, 8)]
    fig = check_saved(
        lambda: capacity.draw(sets["moons"], boundaries), tmp_path, (3 * 2.9 + 0.3, 2.9 + 0.85)
    )
    assert [ax.get_title().split(":")[0] for ax in fig.axes] == [
        "1 hidden unit",
        "2 hidden units",
        "8 hidden units",
    ]
    assert all(
        ax.get_xlabel().startswith("training ") and ", validation " in ax.get_xlabel()
        for ax in fig.axes
    )


def test_the_depth_figure_sets_two_boundaries_beside_their_losses(results, tmp_path):
    sets, _, _ = results
    spiral = sets["spiral"]
    pairs = {
        n: trained(spiral, {**NETWORK, "hidden": h}, n)
        for n, h in (("shallow", [6]), ("deep", [3, 3]))
    }
    boundaries = {n: b for n, (_, b) in pairs.items()}
    fig = check_saved(
        lambda: depth.draw(spiral, boundaries, {n: r for n, (r, _) in pairs.items()}),
        tmp_path,
        (3 * 3.4 + 0.6, 3.4 + 0.9),
    )
    assert "2 hidden layers: 2-3-3-3 tanh" in titles(fig)
    assert len(fig.axes[2].lines) == 4


def test_the_hidden_view_has_a_column_per_dataset(results, tmp_path):
    sets, runs, _ = results
    names = ["moons", "circles"]
    views = [view_of(runs[n][0], sets[n], resolution=RESOLUTION) for n in names]
    fig = check_saved(
        lambda: hidden_view.draw([sets[n] for n in names], [runs[n][1] for n in names], views),
        tmp_path,
        (2 * 3.2 + 0.4, 2 * 3.2 + 0.9),
    )
    assert [ax.get_xlabel() for ax in fig.axes] == ["x1", "x1", "hidden unit 1", "hidden unit 1"]


def test_the_readers_figures_are_named_after_the_file_in_its_units(prices, tmp_path):
    reader, run, boundary = prices
    fig = hidden_layer.draw([reader], [boundary], [boundary])
    assert "house prices.csv" in titles(fig)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.xaxis.get_offset_text().get_text() == ""  # no "+1e3" apart from the ticks
    assert ax.yaxis.get_offset_text().get_text() == ""
    ticks = [label.get_text() for label in ax.get_xticklabels()]
    assert "2000" in ticks, ticks
    fig = check_saved(lambda: data.draw([reader]), tmp_path, (6.0, 3.9))
    assert fig._suptitle.get_text().startswith("house prices.csv\n")


def test_the_shading_is_the_class_colour_as_sure_as_the_network():
    probabilities = np.array([[[1.0, 0.0, 0.0], [1 / 3, 1 / 3, 1 / 3], [0.0, 0.5, 0.5]]])
    rgb = shaded(probabilities)
    np.testing.assert_allclose(rgb[0, 1], [1, 1, 1])  # every class as likely: white
    sure = 1 - 0.55 * (
        1 - np.array(Image.new("RGB", (1, 1), CLASS_COLOURS[0]).getpixel((0, 0))) / 255
    )
    np.testing.assert_allclose(rgb[0, 0], sure)
    assert len(set(CLASS_COLOURS)) == 10


def test_from_files_reads_the_saved_results(results, tmp_path):
    sets, runs, _ = results
    for name, plane_data in sets.items():
        save_data(plane_data, tmp_path / f"{name}.npz")
    run, boundary = trained(sets["spiral"], {**NETWORK, "hidden": [3]}, "spiral/width-3")
    save_run(run, tmp_path / "run.npz")
    grids.save_arrays(boundary, tmp_path / "grid.npz")
    inputs = SimpleNamespace(data=[str(tmp_path / f"{n}.npz") for n in sets])
    assert len(data.from_files(inputs, None).axes) == 3
    inputs = SimpleNamespace(
        data=str(tmp_path / "spiral.npz"), boundaries=str(tmp_path / "grid.npz")
    )
    assert len(capacity.from_files(inputs, None).axes) == 1
    fig = depth.from_files(
        SimpleNamespace(
            data=str(tmp_path / "spiral.npz"),
            shallow_boundary=str(tmp_path / "grid.npz"),
            deep_boundary=str(tmp_path / "grid.npz"),
            shallow_run=str(tmp_path / "run.npz"),
            deep_run=str(tmp_path / "run.npz"),
        ),
        None,
    )
    assert len(fig.axes) == 3
    assert png(fig)[:8] == b"\x89PNG\r\n\x1a\n"
