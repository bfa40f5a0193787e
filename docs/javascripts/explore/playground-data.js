// The playground's data, each kind as the trainer takes it: a dataset the pipeline made
// (exported with the site), a reader's points file, or points placed on the plane. A
// dataset is its training and validation points in the data's units, the same points
// standardised as the network sees them, their labels, the number of classes, and the
// part of the plane to show. Knows nothing of the page.

import { matrix } from "./matrix.js";
import { Random } from "./random.js";

/**
 * @typedef {import("./matrix.js").Matrix} Matrix
 * @typedef {{points: Matrix, x: Matrix, labels: Uint8Array}} Split points: (n, 2) in the
 *   data's units; x: (n, 2) standardised, (points - mean) / std; labels: (n,) 0..classes-1
 * @typedef {{xmin: number, xmax: number, ymin: number, ymax: number}} Box
 * @typedef {{name: string, title: string, classes: number, train: Split, valid: Split,
 *   mean: number[], std: number[], box: Box}} Dataset mean, std: (2,) the training set's
 */

// Points placed on the plane: at most this many classes to choose from, and the square
// they are placed in. Their coordinates are already centred and of unit spread, so the
// network sees them as they are (mean 0, std 1): a point placed moves nothing else.
export const PLACED_CLASSES = 4;
export const PLACED_BOX = { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };

/**
 * Points (x1, x2 row by row) as the network sees them: each coordinate (p - mean) / std,
 * the same operations as numpy's, so the same bits.
 * @param {ArrayLike<number>} points (n * 2,)
 * @param {{mean: ArrayLike<number>, std: ArrayLike<number>}} scaling (2,) each
 * @returns {Float64Array} (n * 2,)
 */
export function standardised(points, { mean, std }) {
  return Float64Array.from(points, (value, k) => (value - mean[k % 2]) / std[k % 2]);
}

/**
 * A split of n points (x1, x2 row by row), standardised with `mean` and `std`.
 * @param {Float64Array} points (n * 2,)
 * @param {ArrayLike<number>} labels (n,)
 * @returns {Split}
 */
function split(points, labels, mean, std) {
  const n = labels.length;
  const x = standardised(points, { mean, std });
  return { points: matrix(n, 2, points), x: matrix(n, 2, x), labels: Uint8Array.from(labels) };
}

/**
 * An exported dataset (scratchnet.explore.playground: its index entry and arrays).
 * @param {{name: string, title: string, classes: number, mean: number[], std: number[],
 *   box: Box}} entry
 * @param {Object<string, {values: ArrayLike<number>}>} arrays the export's, by name
 * @returns {Dataset}
 */
export function exportedDataset(entry, arrays) {
  const [train, valid] = ["train", "valid"].map((part) =>
    split(
      arrays[`${entry.name}.${part}.points`].values,
      arrays[`${entry.name}.${part}.labels`].values,
      entry.mean,
      entry.std,
    ),
  );
  const { name, title, classes, mean, std, box } = entry;
  return { name, title, classes, train, valid, mean, std, box };
}

/**
 * The part of the plane a boundary picture shows for these points, as
 * scratchnet.plane.grids.plane_grid frames it: their span with a margin of `margin` of
 * it on every side, both coordinates given the larger span if the two are within a
 * factor `square_up_to` of each other.
 * @param {Float64Array} points (n * 2,) x1, x2 row by row
 * @param {{margin: number, square_up_to: number}} grid the export's
 * @returns {Box}
 */
export function planeBox(points, { margin, square_up_to: squareUpTo }) {
  const low = [Infinity, Infinity];
  const high = [-Infinity, -Infinity];
  points.forEach((value, k) => {
    low[k % 2] = Math.min(low[k % 2], value);
    high[k % 2] = Math.max(high[k % 2], value);
  });
  const centre = [0, 1].map((i) => (low[i] + high[i]) / 2);
  let span = [0, 1].map((i) => high[i] - low[i]);
  if (Math.max(...span) <= squareUpTo * Math.min(...span)) span = span.map(() => Math.max(...span));
  const half = span.map((s) => (0.5 + margin) * s);
  return {
    xmin: centre[0] - half[0],
    xmax: centre[0] + half[0],
    ymin: centre[1] - half[1],
    ymax: centre[1] + half[1],
  };
}

/** numpy's np.round: halves to the even neighbour (2.5 -> 2, 3.5 -> 4). */
function roundHalfEven(value) {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The mean and the standard deviation (numpy's, dividing by n) of each coordinate. */
function meanAndStd(points) {
  const n = points.length / 2;
  const mean = [0, 1].map((i) => points.filter((_, k) => k % 2 === i).reduce((a, b) => a + b) / n);
  const std = [0, 1].map((i) =>
    Math.sqrt(points.reduce((s, v, k) => (k % 2 === i ? s + (v - mean[i]) ** 2 : s), 0) / n),
  );
  return { mean, std };
}

/**
 * A reader's points (points-csv.js's readPoints) split as scratchnet.plane.datasets
 * splits a file, by class: each class's points shuffled and round(fraction x count) of
 * them kept for validation, each set in the file's order; then standardised with the
 * training points' mean and std. The shuffle is the page's own generator's (random.js,
 * from `seed`), not numpy's: the page's validation points are not the pipeline's.
 * @param {string} name the file's name
 * @param {{points: Float64Array, labels: Uint8Array, classes: number}} file
 * @param {{fraction: number, seed: number, grid: {margin: number, square_up_to: number}}} how
 * @returns {Dataset}
 */
export function fileDataset(name, file, { fraction, seed, grid }) {
  const random = new Random(seed);
  const validation = new Set();
  for (let k = 0; k < file.classes; k += 1) {
    const members = [];
    file.labels.forEach((label, i) => label === k && members.push(i));
    const shuffled = Array.from(random.permutation(members.length), (j) => members[j]);
    shuffled.slice(0, roundHalfEven(fraction * members.length)).forEach((i) => validation.add(i));
  }
  const pick = (inValidation) => {
    const indices = [...file.labels.keys()].filter((i) => validation.has(i) === inValidation);
    const xy = (i) => [file.points[2 * i], file.points[2 * i + 1]];
    const points = Float64Array.from(indices.flatMap(xy));
    return { points, labels: indices.map((i) => file.labels[i]) };
  };
  const [train, valid] = [pick(false), pick(true)];
  const { mean, std } = meanAndStd(train.points);
  const flat = std.findIndex((s) => s === 0);
  if (flat >= 0) throw new Error(`${name}: every training point has the same x${flat + 1}`);
  return {
    name: "file",
    title: name,
    classes: file.classes,
    train: split(train.points, train.labels, mean, std),
    valid: split(valid.points, valid.labels, mean, std),
    mean,
    std,
    box: planeBox(file.points, grid),
  };
}

/**
 * Points placed on the plane, every one a training point (there is no validation set):
 * the classes are 0 to the largest placed (at least two, so softmax has a choice).
 * @param {{x: number, y: number, class: number}[]} placed
 * @returns {Dataset}
 */
export function placedDataset(placed) {
  const points = Float64Array.from(placed.flatMap((point) => [point.x, point.y]));
  const labels = placed.map((point) => point.class);
  const none = split(new Float64Array(0), [], [0, 0], [1, 1]);
  return {
    name: "points",
    title: "your points",
    classes: Math.max(2, ...labels.map((label) => label + 1)),
    train: split(points, labels, [0, 0], [1, 1]),
    valid: none,
    mean: [0, 0],
    std: [1, 1],
    box: PLACED_BOX,
  };
}

/**
 * The dataset a page's state names (state.data): an exported one, the reader's file
 * (once read) or the points placed; and, if there is none to train on yet, why not.
 * @param {{data: string, file: string | null, points: object[], seed: number | null}} state
 * @param {{datasets: Object<string, Dataset>, file: object | null, index: object}} from
 *   the exported datasets, the reader's file as readPoints read it (and its name), the
 *   export's index (the validation fraction and the grid's margin)
 * @returns {{data: Dataset | null, why: string | null}}
 */
export function datasetFor(state, { datasets, file, index }) {
  if (state.data === "points") {
    const enough = new Set(state.points.map((point) => point.class)).size >= 2;
    const why =
      "Place points of two classes at least: pick a class, then click the plane " +
      "(or focus it, move the cursor with the arrow keys and press Enter).";
    return { data: placedDataset(state.points), why: enough ? null : why };
  }
  if (state.data !== "file") return { data: datasets[state.data], why: null };
  if (!file) {
    const why = state.file
      ? `This link's run was on your file ${state.file}, which no link can carry: ` +
        "choose it again above to train on it with the link's settings."
      : "Choose a points file above: a CSV with the header x1,x2,class.";
    return { data: null, why };
  }
  try {
    const how = { fraction: index.valid_fraction, seed: state.seed ?? 0, grid: index.grid };
    return { data: fileDataset(file.name, file, how), why: null };
  } catch (problem) {
    return { data: null, why: problem.message };
  }
}

/**
 * A run numpy saved, to start from: its settings, the model it started from
 * (stack.js's modelFrom takes it), numpy's history, and for
 * mini-batches the order each epoch took the points in.
 * @typedef {{name: string, dataset: string, settings: {hidden: number[],
 *   activation: string, lr: number, batch_size: number | null, epochs: number},
 *   initial: object[], history: Object<string, Float64Array>, orders: Uint16Array[]}} SavedRun
 *   initial: the layers (each Linear's W and b, each activation by name); history: loss,
 *   accuracy, val_loss, val_accuracy (epochs + 1,); orders: (n,) per epoch, as many as
 *   were exported
 */

/**
 * A saved run from the export (its index entry and arrays).
 * @param {{name: string, dataset: string, settings: object, parameters: string[],
 *   order_epochs: number}} entry
 * @param {Object<string, {values: ArrayLike<number>, shape: number[]}>} arrays
 * @returns {SavedRun}
 */
export function savedRun(entry, arrays) {
  const { name, settings, parameters } = entry;
  const initial = [];
  for (let k = 1; k <= parameters.length / 2; k += 1) {
    if (k > 1) initial.push({ kind: settings.activation });
    const [W, b] = ["W", "b"].map((p) => arrays[`${name}.initial.${p}${k}`]);
    initial.push({ kind: "linear", W, b });
  }
  const history = Object.fromEntries(
    ["loss", "accuracy", "val_loss", "val_accuracy"].map((h) => [h, arrays[`${name}.${h}`].values]),
  );
  const orders = [];
  if (entry.order_epochs > 0) {
    const { values, shape } = arrays[`${name}.order`];
    const n = shape[1];
    for (let e = 0; e < shape[0]; e += 1) orders.push(values.subarray(e * n, (e + 1) * n));
  }
  return { name, dataset: entry.dataset, settings, initial, history, orders };
}

/**
 * The saved run whose initial parameters fit a state's data and network, or null.
 * @param {SavedRun[]} runs
 * @param {{data: string, hidden: number[], activation: string}} state
 * @returns {SavedRun | null}
 */
export function savedRunFor(runs, state) {
  const fits = (run) =>
    run.dataset === state.data &&
    run.settings.hidden.join() === state.hidden.join() &&
    run.settings.activation === state.activation;
  return runs.find(fits) ?? null;
}

/**
 * numpy's history of the run a state retraces (a saved run's start, learning rate and
 * batch size), to draw under the page's; null for any other run.
 * @param {SavedRun[]} runs
 * @param {{seed: number | null, lr: number, batch: number}} state batch 0: full batch
 */
export function numpyHistoryFor(runs, state) {
  const saved = state.seed === null ? savedRunFor(runs, state) : null;
  if (!saved || saved.settings.lr !== state.lr) return null;
  return (saved.settings.batch_size ?? 0) === state.batch ? saved.history : null;
}
