// A stack of layers and its training, as scratchnet.nn computes them, in float64, for
// networks on points of the plane. Examples are rows: x is (m, n_in) for m points. The
// maths alone, nothing of the page; the browser tests hold it to numpy's runs to 1e-9.
//
//   Linear    y = x W + b          W: (n_in, n_out), b: (1, n_out) (numpy's (n_out,))
//   ReLU      y = max(x, 0)        Tanh  y = tanh(x)        Sigmoid  y = 1 / (1 + e^-x)
//   loss      L = -(1/m) sum_i log p_i[label_i], p_i = softmax(z_i), z: (m, K) the last
//             layer's output (scratchnet.nn.CrossEntropy, reduction "mean")
//   SGD       p <- p - lr dL/dp for every W and b, in place, after each batch
//
// Where numpy's order of operations decides the last bits, this keeps it: the loss's sums
// (matrix.js's sum), db as numpy's column sums, (p - t) / m, p -= lr * grad. Numpy's
// matrix products (BLAS) and its exp, log and tanh may differ in the last bit; over a few
// hundred epochs that stays far below 1e-9.

import { columnSums, map, matrix, pickRows, plusRow, product, sum } from "./matrix.js";

/**
 * @typedef {import("./matrix.js").Matrix} Matrix
 * @typedef {{kind: "linear", W: Matrix, b: Matrix}} Linear W: (n_in, n_out), b: (1, n_out)
 * @typedef {{kind: "relu" | "tanh" | "sigmoid"}} Activation
 * @typedef {(Linear | Activation)[]} Model the layers in order, from the points to logits
 * @typedef {{dW: Matrix, db: Matrix}} LinearGradient dL/dW, dL/db: W's and b's shapes
 * @typedef {{values: ArrayLike<number>, shape: number[]}} SavedArray as data.js loads it
 */

/** 1 / (1 + e^-x) without overflow, as scratchnet.nn.sigmoid: e^-|x| never overflows. */
function sigmoid(x) {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

// Each activation entrywise, and its backward: grad_in from grad_out g and the output y.
// ReLU's [x > 0] is [y > 0]; tanh' = 1 - y^2; sigmoid' = y (1 - y), multiplied in numpy's
// order (g * y * (1 - y) is (g * y) * (1 - y)).
const ACTIVATION = {
  relu: { forward: (x) => Math.max(x, 0), backward: (g, y) => g * (y > 0) },
  tanh: { forward: Math.tanh, backward: (g, y) => g * (1 - y * y) },
  sigmoid: { forward: sigmoid, backward: (g, y) => g * y * (1 - y) },
};

/** The activations a model may use, by name. */
export const ACTIVATIONS = Object.keys(ACTIVATION);

// --- the model ---

/**
 * The width of each layer's output, and of the input before them.
 * @param {Model} model
 * @returns {number[]} (layers + 1,): n_in, then each layer's n_out
 */
export function widths(model) {
  const first = model.find((layer) => layer.kind === "linear");
  const out = [first.W.rows];
  for (const layer of model) out.push(layer.kind === "linear" ? layer.W.cols : out.at(-1));
  return out;
}

/**
 * A model from arrays as numpy saved them: each Linear's W (n_in, n_out) and b (n_out,),
 * copied (training changes the model, never the saved arrays). An error names the layer
 * whose kind is unknown or whose shapes do not chain.
 * @param {({kind: "linear", W: SavedArray, b: SavedArray} | Activation)[]} layers
 * @returns {Model}
 */
export function modelFrom(layers) {
  let width = null;
  return layers.map((layer, k) => {
    if (layer.kind !== "linear") {
      if (!(layer.kind in ACTIVATION)) {
        const kinds = ["linear", ...ACTIVATIONS].join(", ");
        throw new Error(`layer ${k}: kind ${layer.kind}; expected one of ${kinds}`);
      }
      return { kind: layer.kind };
    }
    const [nIn, nOut] = layer.W.shape;
    if ((width !== null && nIn !== width) || layer.b.values.length !== nOut) {
      const shapes = `W (${layer.W.shape.join(", ")}) and b (${layer.b.values.length},)`;
      throw new Error(
        `layer ${k}: ${shapes} after a width of ${width ?? "any"}; ` +
          "expected W (n_in, n_out) and b (n_out,) that chain",
      );
    }
    width = nOut;
    return {
      kind: "linear",
      W: matrix(nIn, nOut, Float64Array.from(layer.W.values)),
      b: matrix(1, nOut, Float64Array.from(layer.b.values)),
    };
  });
}

/** The initialisations of scratchnet.nn.init: W from N(0, scale^2), by name. */
export const SCALES = {
  normal: () => 1,
  lecun: (nIn) => 1 / Math.sqrt(nIn),
  glorot: (nIn, nOut) => Math.sqrt(2 / (nIn + nOut)),
  he: (nIn) => Math.sqrt(2 / nIn),
};

/** Each activation's usual initialisation: He for ReLU, Glorot for the saturating ones. */
export const DEFAULT_INIT = { relu: "he", tanh: "glorot", sigmoid: "glorot" };

/**
 * A fresh model: Linear layers of `sizes` with `activation` between them (none after the
 * last), each W drawn row by row from N(0, scale^2) by `random` with `init`'s scale,
 * each b zero, as scratchnet.nn.Linear starts (but from the page's generator, not numpy's).
 * @param {number[]} sizes e.g. [2, 8, 8, 2]: the input, hidden and output widths
 * @param {string} activation one of ACTIVATIONS
 * @param {{normal: () => number}} random random.js's Random
 * @param {string} [init] a key of SCALES; DEFAULT_INIT's for the activation if not given
 * @returns {Model}
 */
export function initModel(sizes, activation, random, init = DEFAULT_INIT[activation]) {
  const model = [];
  for (let k = 0; k + 1 < sizes.length; k += 1) {
    const [nIn, nOut] = [sizes[k], sizes[k + 1]];
    const scale = SCALES[init](nIn, nOut);
    const W = matrix(nIn, nOut, Float64Array.from({ length: nIn * nOut }, () => random.normal()));
    model.push({ kind: "linear", W: map(W, (w) => w * scale), b: matrix(1, nOut) });
    if (k + 2 < sizes.length) model.push({ kind: activation });
  }
  return model;
}

// --- forward, loss, backward, step ---

/**
 * The model on a batch of rows, every layer's output kept for backward.
 * @param {Model} model
 * @param {Matrix} x (m, n_in)
 * @returns {Matrix[]} (layers + 1): x, then each layer's output; the last is the logits
 *   (m, K)
 */
export function forward(model, x) {
  const outputs = [x];
  for (const layer of model) {
    const input = outputs.at(-1);
    outputs.push(
      layer.kind === "linear"
        ? plusRow(product(input, layer.W), layer.b)
        : map(input, ACTIVATION[layer.kind].forward),
    );
  }
  return outputs;
}

/**
 * Softmax cross-entropy of logits against labels, averaged over the rows, and its
 * gradient, as scratchnet.nn.CrossEntropy: row by row log p = z - max - log(sum e^(z -
 * max)) (the shift keeps exp from overflowing); L = -(sum of t * log p over all entries)
 * / m with t the one-hot labels, summed in numpy's order; dL/dz = (p - t) / m, p = e^log p.
 * @param {Matrix} z (m, K) logits
 * @param {ArrayLike<number>} labels (m,) classes 0..K-1
 * @returns {{loss: number, grad: Matrix}} grad: (m, K)
 */
export function crossEntropy(z, labels) {
  const { rows: m, cols: K } = z;
  const exps = new Float64Array(K);
  const terms = new Float64Array(m * K);
  const grad = matrix(m, K);
  for (let i = 0; i < m; i += 1) {
    const row = i * K;
    let top = -Infinity;
    for (let k = 0; k < K; k += 1) top = Math.max(top, z.values[row + k]);
    for (let k = 0; k < K; k += 1) exps[k] = Math.exp(z.values[row + k] - top);
    const logTotal = Math.log(sum(exps));
    for (let k = 0; k < K; k += 1) {
      const logP = z.values[row + k] - top - logTotal;
      const t = k === labels[i] ? 1 : 0;
      terms[row + k] = t * logP; // 0 * -Infinity is NaN, as in numpy: a diverged run
      grad.values[row + k] = (Math.exp(logP) - t) / m;
    }
  }
  return { loss: -sum(terms) / m, grad };
}

/**
 * Every Linear layer's gradients from dL/d(logits), the layers taken in reverse as
 * scratchnet.nn.Sequential.backward takes them, g being dL/d(the layer's output):
 *   Linear       dW = x^T g,  db = column sums of g,  then g <- g W^T (not for the first:
 *                nothing needs the gradient of the data)
 *   activation   g <- g * f'(x), written in its output y
 * @param {Model} model
 * @param {Matrix[]} outputs forward()'s, for the batch
 * @param {Matrix} grad (m, K) dL/d(logits)
 * @returns {(LinearGradient | null)[]} one per layer, null for an activation
 */
export function backward(model, outputs, grad) {
  const grads = model.map(() => null);
  let g = grad;
  for (let k = model.length - 1; k >= 0; k -= 1) {
    const layer = model[k];
    if (layer.kind === "linear") {
      grads[k] = { dW: product(outputs[k], g, { transposeA: true }), db: columnSums(g) };
      if (k > 0) g = product(g, layer.W, { transposeB: true });
    } else {
      g = map(g, ACTIVATION[layer.kind].backward, outputs[k + 1]);
    }
  }
  return grads;
}

/**
 * One SGD update of every W and b, p <- p - lr * dp, in place as scratchnet.nn.SGD: the
 * model is the training's state (copy it first to keep a version).
 * @param {Model} model
 * @param {(LinearGradient | null)[]} grads backward()'s
 * @param {number} lr
 */
export function sgdStep(model, grads, lr) {
  const step = (p, dp) => {
    for (let k = 0; k < p.values.length; k += 1) p.values[k] -= lr * dp.values[k];
  };
  model.forEach((layer, k) => {
    if (layer.kind !== "linear") return;
    step(layer.W, grads[k].dW);
    step(layer.b, grads[k].db);
  });
}

// --- training ---

/** The loss stopped being a finite number: scratchnet.nn's TrainingDiverged, in words. */
export class TrainingDiverged extends Error {
  /** @param {number} epoch @param {number} lr @param {number} loss */
  constructor(epoch, lr, loss) {
    super(
      `training diverged in epoch ${epoch}: the loss is ${loss} (learning rate ${lr}); ` +
        "try a smaller learning rate",
    );
    this.epoch = epoch;
  }
}

/**
 * One epoch's batches: `order` cut into runs of `batchSize`, the last holding the rest, as
 * scratchnet.nn.train.batches cuts its permutation; `batchSize` null: one batch of all.
 * @param {Int32Array | number[]} order (n,) each point once: random.js's permutation, or
 *   the order numpy drew
 * @param {number | null} batchSize
 * @returns {Int32Array[]} the batches' indices
 */
export function batchesOf(order, batchSize) {
  const indices = Int32Array.from(order);
  if (batchSize === null) return [indices];
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new Error(`batch size ${batchSize}; expected a positive integer or null`);
  }
  const batches = [];
  for (let start = 0; start < indices.length; start += batchSize) {
    batches.push(indices.subarray(start, start + batchSize));
  }
  return batches;
}

/**
 * The index of each row's largest entry (the first on a tie, as numpy's argmax).
 * @param {Float64Array} values (rows * cols,) row by row
 * @param {number} row
 * @param {number} cols
 */
export function rowArgmax(values, row, cols) {
  let best = 0;
  for (let k = 1; k < cols; k += 1) {
    if (values[row * cols + k] > values[row * cols + best]) best = k;
  }
  return best;
}

/**
 * The fraction of rows whose largest logit is the label's, as scratchnet.nn.accuracy.
 * @param {Matrix} z (m, K) logits
 * @param {ArrayLike<number>} labels (m,)
 * @returns {number}
 */
export function accuracy(z, labels) {
  let right = 0;
  for (let i = 0; i < z.rows; i += 1) right += rowArgmax(z.values, i, z.cols) === labels[i];
  return right / z.rows;
}

/**
 * The model's mean loss and accuracy on a whole set, as scratchnet.nn.evaluate (and fit's
 * record of each epoch) computes them.
 * @param {Model} model
 * @param {Matrix} x (n, n_in)
 * @param {ArrayLike<number>} labels (n,)
 * @returns {{loss: number, accuracy: number, logits: Matrix}} logits: (n, K), for a caller
 *   that counts more than the accuracy
 */
export function evaluate(model, x, labels) {
  const logits = forward(model, x).at(-1);
  return { loss: crossEntropy(logits, labels).loss, accuracy: accuracy(logits, labels), logits };
}

/**
 * One epoch of SGD in place, as scratchnet.nn.fit's: for each batch its mean loss,
 * backward and a step; then the loss and accuracy on the whole set, as fit records the
 * epoch. Throws TrainingDiverged where fit raises its own: at a batch whose loss is not
 * finite (before its step), or when the whole set's loss after the epoch is not.
 * @param {Model} model
 * @param {Matrix} x (n, n_in) every point
 * @param {ArrayLike<number>} labels (n,)
 * @param {Int32Array[]} batches batchesOf()'s
 * @param {number} lr
 * @param {number} [epoch] its number, for the message
 * @returns {{loss: number, accuracy: number, logits: Matrix}} evaluate()'s on every point,
 *   after the epoch
 */
export function trainEpoch(model, x, labels, batches, lr, epoch = 1) {
  for (const batch of batches) {
    const outputs = forward(model, pickRows(x, batch));
    const { loss, grad } = crossEntropy(outputs.at(-1), Array.from(batch, (k) => labels[k]));
    if (!Number.isFinite(loss)) throw new TrainingDiverged(epoch, lr, loss);
    sgdStep(model, backward(model, outputs, grad), lr);
  }
  const after = evaluate(model, x, labels);
  if (!Number.isFinite(after.loss)) throw new TrainingDiverged(epoch, lr, after.loss);
  return after;
}

// --- the model over a grid of the plane, for drawing ---

/**
 * The centres of a side x side grid of cells over [xmin, xmax] x [ymin, ymax], row by row
 * from the top (ymax) down, each row left to right: point k is pixel k of a side x side
 * image.
 * @param {{xmin: number, xmax: number, ymin: number, ymax: number}} box
 * @param {number} side
 * @returns {Matrix} (side * side, 2) rows (x, y)
 */
export function gridPoints({ xmin, xmax, ymin, ymax }, side) {
  const points = matrix(side * side, 2);
  for (let row = 0; row < side; row += 1) {
    for (let col = 0; col < side; col += 1) {
      const k = 2 * (row * side + col);
      points.values[k] = xmin + ((col + 0.5) / side) * (xmax - xmin);
      points.values[k + 1] = ymax - ((row + 0.5) / side) * (ymax - ymin);
    }
  }
  return points;
}

/**
 * What gridForward writes, made once for a model's shape and n points and reused frame
 * after frame.
 * @typedef {{classes: Uint8Array, probability: Float64Array, units: Float64Array[],
 *   layers: Float64Array[]}} GridBuffers classes, probability: (n,) each point's most
 *   probable class and its probability; units: (n,) for each hidden unit, the outputs of
 *   each activation layer in order, unit by unit; layers: the input and each layer's
 *   output, (width, n) unit by unit (units are views of these)
 */

/**
 * Buffers for gridForward of `model` over n points.
 * @param {Model} model
 * @param {number} n
 * @returns {GridBuffers}
 */
export function gridBuffers(model, n) {
  const layers = widths(model).map((width) => new Float64Array(width * n));
  const units = [];
  model.forEach((layer, k) => {
    if (layer.kind === "linear") return;
    for (let start = 0; start < layers[k + 1].length; start += n) {
      units.push(layers[k + 1].subarray(start, start + n));
    }
  });
  return { classes: new Uint8Array(n), probability: new Float64Array(n), units, layers };
}

/**
 * The model at every point, a layer at a time over all points, into `buffers` (nothing
 * allocated): each point's most probable class (the first on a tie), its softmax
 * probability, and every hidden unit's activation. Each layer's loop calls nothing but
 * Math: a frame's 100 x 100 grid through 2-8-8-2 takes a few milliseconds.
 * @param {Model} model
 * @param {Matrix} points (n, n_in), e.g. gridPoints()'s
 * @param {GridBuffers} buffers gridBuffers(model, n)'s
 * @returns {GridBuffers} buffers, filled
 */
export function gridForward(model, points, buffers) {
  const { classes, probability, layers } = buffers;
  const n = points.rows;
  // The points unit by unit (x of every point, then y), as every layer's output is kept.
  for (let p = 0; p < n; p += 1) {
    for (let i = 0; i < points.cols; i += 1) {
      layers[0][i * n + p] = points.values[p * points.cols + i];
    }
  }
  for (let k = 0; k < model.length; k += 1) {
    const layer = model[k];
    if (layer.kind === "linear") linearOverPoints(layer, layers[k], layers[k + 1], n);
    else activateAll(layer.kind, layers[k], layers[k + 1]);
  }
  const logits = layers[model.length];
  const K = logits.length / n;
  for (let p = 0; p < n; p += 1) {
    let best = 0;
    for (let k = 1; k < K; k += 1) if (logits[k * n + p] > logits[best * n + p]) best = k;
    let total = 0;
    for (let k = 0; k < K; k += 1) total += Math.exp(logits[k * n + p] - logits[best * n + p]);
    classes[p] = best;
    probability[p] = 1 / total;
  }
  return buffers;
}

/**
 * A Linear layer over n points kept unit by unit: output (n_out, n) from input (n_in, n),
 * unit j of the output from offset j n (offsets, not subarrays: no view allocated).
 */
function linearOverPoints({ W, b }, input, output, n) {
  for (let j = 0; j < W.cols; j += 1) {
    const out = j * n;
    output.fill(0, out, out + n);
    for (let i = 0; i < W.rows; i += 1) {
      const x = i * n;
      const w = W.values[i * W.cols + j];
      for (let p = 0; p < n; p += 1) output[out + p] += input[x + p] * w;
    }
    const bj = b.values[j];
    for (let p = 0; p < n; p += 1) output[out + p] += bj;
  }
}

/** An activation on every entry; a loop per kind, so that each calls Math directly. */
function activateAll(kind, input, output) {
  if (kind === "relu") {
    for (let q = 0; q < input.length; q += 1) output[q] = Math.max(input[q], 0);
  } else if (kind === "tanh") {
    for (let q = 0; q < input.length; q += 1) output[q] = Math.tanh(input[q]);
  } else {
    for (let q = 0; q < input.length; q += 1) output[q] = sigmoid(input[q]);
  }
}
