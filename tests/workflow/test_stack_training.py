"""The plane's trainer (docs/javascripts/explore/stack.js) in headless Chromium, held to
numpy's scratchnet.nn: trained from the same initial parameters, every epoch's loss to a
relative 1e-9 and the final parameters to an absolute 1e-9, for a ReLU network on the whole
set, a two-hidden-layer tanh one, and mini-batches in the order numpy drew them. Also its
forward pass over a grid (numpy's), the loss's sums (numpy's bit for bit), the page's own
random numbers, and the drawing of a grid into pixels. The modules run in a page of their
own (harness/chromium.py's): no site build is needed."""

from __future__ import annotations

import numpy as np
import pytest

from harness.chromium import harness, serve
from harness.stack_runs import blobs, moons, reference_run

pytestmark = pytest.mark.e2e

RTOL = ATOL = 1e-9

# name: (sizes, activation, data), fit's settings. The mini-batch run's 200 points make 12
# batches of 16 and a last one of 8, whose mean divides by 8.
RUNS = {
    "relu-2-8-2-full-batch": (([2, 8, 2], "relu", moons(200, 0)), {"epochs": 300, "lr": 0.5}),
    "tanh-2-8-8-2-full-batch": (([2, 8, 8, 2], "tanh", moons(200, 1)), {"epochs": 300, "lr": 0.3}),
    "sigmoid-2-8-8-3-batches-of-16": (
        ([2, 8, 8, 3], "sigmoid", blobs(200, 2)),
        {"epochs": 100, "lr": 0.5, "batch_size": 16},
    ),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The harness page, with this checkout's page modules beside it (not the site's)."""
    with serve(harness(tmp_path_factory.mktemp("harness"))) as url:
        yield url


@pytest.fixture
def page(open_page):
    return open_page("index.html")


@pytest.fixture(scope="module", params=RUNS)
def run(request):
    args, settings = RUNS[request.param]
    return reference_run(*args, **settings)


def in_page(page, body: str, arg=None):
    """Run ``body``, the inside of an async JavaScript function of ``arg``, in the page,
    with the modules stack.js, matrix.js, random.js and gridimage.js in scope by those
    names (without .js)."""
    return page.evaluate(
        "async (arg) => {\n"
        "  const load = (name) => import(new URL(`${name}.js`, window.location.href));\n"
        "  const [stack, matrix, random, gridimage] = await Promise.all(\n"
        '    ["stack", "matrix", "random", "gridimage"].map(load));\n'
        f"{body}\n}}",
        arg,
    )


# Train as the page will: from numpy's initial model, an epoch at a time over the batches
# numpy took (its orders, or every point in order), each recording the whole set's loss.
TRAIN = """
  const model = stack.modelFrom(arg.layers);
  const x = matrix.matrix(arg.labels.length, 2, Float64Array.from(arg.x));
  const everyPoint = arg.labels.map((_, k) => k);
  const start = stack.evaluate(model, x, arg.labels);
  const [loss, accuracy] = [[start.loss], [start.accuracy]];
  for (let epoch = 1; epoch <= arg.epochs; epoch += 1) {
    const order = arg.orders ? arg.orders[epoch - 1] : everyPoint;
    const batches = stack.batchesOf(order, arg.batch_size);
    const after = stack.trainEpoch(model, x, arg.labels, batches, arg.lr, epoch);
    loss.push(after.loss);
    accuracy.push(after.accuracy);
  }
  const final = model.filter((layer) => layer.kind === "linear")
    .map(({ W, b }) => [Array.from(W.values), Array.from(b.values)]);
  return { loss, accuracy, final };
"""


def linear_arrays(layers: list[dict]) -> list[list[np.ndarray]]:
    """Each Linear's [W, b] of a layer list (stack_runs.layer_list), flat."""
    return [
        [np.array(layer[name]["values"]) for name in ("W", "b")]
        for layer in layers
        if layer["kind"] == "linear"
    ]


def test_the_trainer_retraces_numpys_run_to_1e_9(page, run):
    run, _ = run
    out = in_page(page, TRAIN, run)
    assert len(out["loss"]) == run["epochs"] + 1
    assert run["loss"][-1] < 0.6 * run["loss"][0]  # the run learns: a real test of the steps
    np.testing.assert_allclose(out["loss"], run["loss"], rtol=RTOL, atol=0)
    assert out["accuracy"] == run["accuracy"]
    for k, (shown, expected) in enumerate(zip(out["final"], linear_arrays(run["final"]))):
        for name, got, want in zip("Wb", shown, expected):
            np.testing.assert_allclose(got, want, rtol=0, atol=ATOL, err_msg=f"{name} {k}")
    # Not merely the start: training moved every weight matrix.
    for start, end in zip(linear_arrays(run["layers"]), linear_arrays(run["final"])):
        assert np.abs(start[0] - end[0]).max() > 0.1


def test_a_diverging_run_stops_in_numpys_epoch_with_its_sentence(page):
    from scratchnet.nn import TrainingDiverged

    args, settings = RUNS["relu-2-8-2-full-batch"]
    with pytest.raises(TrainingDiverged) as diverged:
        reference_run(*args, **{**settings, "lr": 1e6})
    run, _ = reference_run(*args, **{**settings, "epochs": 0, "lr": 1e6})
    run["epochs"] = 100
    message = in_page(page, f"try {{ {TRAIN} }} catch (problem) {{ return problem.message; }}", run)
    assert message == (
        f"training diverged in epoch {diverged.value.epoch}: the loss is NaN "
        "(learning rate 1000000); try a smaller learning rate"
    )


GRID = """
  const model = stack.modelFrom(arg.layers);
  const points = stack.gridPoints({ xmin: -2, xmax: 3, ymin: -1.5, ymax: 2 }, arg.side);
  const buffers = stack.gridBuffers(model, points.rows);
  const first = stack.gridForward(model, points, buffers);
  const units = first.units[0];
  const again = stack.gridForward(model, points, buffers);
  return {
    points: Array.from(points.values),
    classes: Array.from(again.classes),
    probability: Array.from(again.probability),
    units: again.units.map((unit) => Array.from(unit)),
    reused: first === buffers && again === buffers && again.units[0] === units,
  };
"""


def test_the_grid_forward_pass_gives_numpys_classes_probabilities_and_units(page, run):
    from scratchnet.nn.modules import Linear, softmax

    run, model = run
    side = 37
    out = in_page(page, GRID, {"layers": run["final"], "side": side})
    assert out["reused"]
    # Cell centres, row by row from the top: pixel k of a side x side image.
    xs = -2 + (np.arange(side) + 0.5) / side * 5
    ys = 2 - (np.arange(side) + 0.5) / side * 3.5
    points = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    np.testing.assert_allclose(out["points"], points.ravel(), rtol=0, atol=1e-15)
    units, h = [], points
    for layer in model.layers:
        h = layer(h)
        if not isinstance(layer, Linear):
            units.extend(h.T)
    hidden = [layer["W"]["shape"][1] for layer in run["layers"] if layer["kind"] == "linear"]
    assert len(out["units"]) == len(units) == sum(hidden[:-1])
    np.testing.assert_allclose(out["units"], units, rtol=0, atol=1e-12)
    p = softmax(h)
    np.testing.assert_allclose(out["probability"], p.max(axis=1), rtol=0, atol=1e-12)
    decided = np.sort(p, axis=1)[:, -1] - np.sort(p, axis=1)[:, -2] > 1e-9  # not a tie
    assert decided.mean() > 0.99
    assert (np.array(out["classes"])[decided] == p.argmax(axis=1)[decided]).all()
    assert len(set(out["classes"])) == p.shape[1]  # every class shows somewhere


SUMS = """
  const sums = arg.arrays.map((values) => matrix.sum(Float64Array.from(values)));
  const columns = matrix.columnSums(
    matrix.matrix(arg.rows, arg.cols, Float64Array.from(arg.table)));
  return { sums, columns: Array.from(columns.values) };
"""


def test_the_loss_sums_as_numpy_does_bit_for_bit(page):
    rng = np.random.default_rng(0)
    lengths = [*range(0, 20), 127, 128, 129, 136, 200, 256, 257, 400, 600, 1000, 4097]
    # Terms of mixed sizes and signs, where the order of the additions shows.
    arrays = [rng.standard_normal(n) * 10.0 ** rng.integers(-8, 8, n) for n in lengths]
    table = rng.standard_normal((200, 3)) * 10.0 ** rng.integers(-8, 8, (200, 3))
    arg = {"arrays": [a.tolist() for a in arrays], "table": table.ravel().tolist()}
    out = in_page(page, SUMS, {**arg, "rows": 200, "cols": 3})
    assert out["sums"] == [float(a.sum()) for a in arrays]
    assert out["columns"] == table.sum(axis=0).tolist()
    sequential = [sum(a.tolist()) for a in arrays]
    assert out["sums"] != sequential  # the order matters for these, so this tests it


def mulberry32(seed: int, n: int) -> list[float]:
    """The first ``n`` uniform draws of mulberry32 from ``seed``, in unsigned 32-bit
    arithmetic (a reference written apart from random.js's)."""
    mask, draws, state = 0xFFFFFFFF, [], seed & 0xFFFFFFFF
    for _ in range(n):
        state = (state + 0x6D2B79F5) & mask
        t = ((state ^ (state >> 15)) * (state | 1)) & mask
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & mask
        draws.append(((t ^ (t >> 14)) & mask) / 2**32)
    return draws


RANDOM = """
  const draws = (seed, n) => {
    const generator = new random.Random(seed);
    return Array.from({ length: n }, () => generator.uniform());
  };
  const generator = new random.Random(arg.seed);
  const normals = Array.from({ length: 20000 }, () => generator.normal());
  const order = Array.from(generator.permutation(200));
  const model = (seed) => stack.initModel([400, 300, 3], "relu", new random.Random(seed));
  const [first, second, other] = [model(7), model(7), model(8)];
  const W = (m, k) => Array.from(m[k].W.values);
  const glorot = stack.initModel([400, 300, 3], "tanh", new random.Random(7));
  return {
    uniforms: draws(arg.seed, 1000),
    again: draws(arg.seed, 1000),
    otherSeed: draws(arg.seed + 1, 5),
    normals,
    order,
    batches: stack.batchesOf(order, 16).map((batch) => Array.from(batch)),
    whole: stack.batchesOf(order, null).map((batch) => batch.length),
    kinds: first.map((layer) => layer.kind),
    he: W(first, 0),
    heOut: W(first, 2),
    same: JSON.stringify(W(first, 0)) === JSON.stringify(W(second, 0)),
    differs: JSON.stringify(W(first, 0)) !== JSON.stringify(W(other, 0)),
    biases: Array.from(first[0].b.values),
    glorot: W(glorot, 0),
  };
"""


def test_the_pages_own_random_numbers_are_seeded_and_well_spread(page):
    seed = 20261207
    out = in_page(page, RANDOM, {"seed": seed})
    assert out["uniforms"] == mulberry32(seed, 1000) == out["again"]
    assert out["otherSeed"] != out["uniforms"][:5]
    normals = np.array(out["normals"])
    assert abs(normals.mean()) < 0.03 and abs(normals.std() - 1) < 0.03
    assert sorted(out["order"]) == list(range(200)) and out["order"] != list(range(200))
    assert [len(b) for b in out["batches"]] == [16] * 12 + [8]
    assert sum(out["batches"], []) == out["order"] and out["whole"] == [200]
    # Fresh weights at the documented scales: He for ReLU, Glorot for tanh; biases zero.
    assert out["kinds"] == ["linear", "relu", "linear"]
    assert np.std(out["he"]) == pytest.approx(np.sqrt(2 / 400), rel=0.03)
    assert np.std(out["heOut"]) == pytest.approx(np.sqrt(2 / 300), rel=0.15)
    assert np.std(out["glorot"]) == pytest.approx(np.sqrt(2 / 700), rel=0.03)
    assert out["same"] and out["differs"] and not any(out["biases"])


BAD = """
  const linear = (nIn, nOut) => ({ kind: "linear",
    W: { values: new Float64Array(nIn * nOut), shape: [nIn, nOut] },
    b: { values: new Float64Array(nOut), shape: [nOut] } });
  const attempts = [
    () => stack.modelFrom([linear(2, 8), { kind: "relu" }, linear(4, 2)]),
    () => stack.modelFrom([linear(2, 8), { kind: "softplus" }, linear(8, 2)]),
    () => stack.batchesOf([0, 1, 2], 0),
  ];
  return attempts.map((attempt) => {
    try { attempt(); return null; } catch (problem) { return problem.message; }
  });
"""


def test_bad_input_gets_one_line_naming_the_layer_or_setting(page):
    shapes, kind, batch = in_page(page, BAD)
    assert shapes.startswith("layer 2: W (4, 2) and b (2,) after a width of 8")
    assert kind == "layer 1: kind softplus; expected one of linear, relu, tanh, sigmoid"
    assert batch == "batch size 0; expected a positive integer or null"
    assert all("\n" not in message for message in (shapes, kind, batch))


PAINT = """
  const image = new ImageData(2, 2);
  const table = gridimage.colourBytes(["#000000", "#ff0000", "#00ff00", "#0000ff"]);
  gridimage.paintValues(image, Float64Array.from([-1, 0.1, 0.6, 5]), table, 0, 1);
  const values = Array.from(image.data);
  const tables = [["#101010", "#202020"], ["#a0a0a0", "#b0b0b0"]].map(gridimage.colourBytes);
  gridimage.paintClasses(image, Uint8Array.from([0, 0, 1, 1]),
    Float64Array.from([0.5, 1, 0.74, 0.76]), tables);
  return { values, classes: Array.from(image.data) };
"""


def test_a_grid_is_painted_pixel_by_pixel_through_the_colour_tables(page):
    out = in_page(page, PAINT)
    pixels = np.array(out["values"]).reshape(4, 4)
    # t = 0.1 -> entry floor(0.4) = 0; 0.6 -> 2; below and above the scale clip to the ends.
    assert pixels.tolist() == [[0, 0, 0, 255], [0, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255]]
    # Probability 1/2 (two classes) is the table's first colour, 1 its last; 0.74 is below
    # the middle, 0.76 above.
    assert np.array(out["classes"]).reshape(4, 4)[:, 0].tolist() == [0x10, 0x20, 0xA0, 0xB0]
