// The tutorial's 9-6-2 network and its training, as scratchnet.lines.network computes them:
// forward, loss, backward and the gradient step, in float64. Examples are columns: x0 is
// (n_in, m) for m images. Every matrix is {rows, cols, values}, values row by row. The
// maths alone, nothing of the page; the browser tests hold it to numpy's saved history.
//
//   z1 = W1 x0 + b1     A1 = ReLU(z1)        W1: (h, n_in)   b1: (h, 1)
//   z2 = W2 A1 + b2     A2 = softmax(z2)     W2: (n_out, h)  b2: (n_out, 1)
//   L = -sum(Y * log A2), summed over classes and examples (Y: one-hot labels)

import { argmax } from "./forward.js";
import { entry, map, matrix, plusColumn, product, rowSums } from "./matrix.js";

/**
 * @typedef {import("./matrix.js").Matrix} Matrix
 * @typedef {{W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix}} Params
 * @typedef {{z1: Matrix, A1: Matrix, z2: Matrix, A2: Matrix}} Forward (h, m) and (n_out, m)
 * @typedef {{dz2: Matrix, dW2: Matrix, db2: Matrix, dz1: Matrix, dW1: Matrix, db1: Matrix}}
 *   Backward the gradients, in the order they are computed, each shaped like its array
 */

export const PARAMETERS = ["W1", "b1", "W2", "b2"];

// --- the network ---

/** ReLU(z) = max(z, 0), entry by entry. */
export const relu = (z) => map(z, (v) => Math.max(v, 0));

/**
 * Softmax of each column of logits z: (n_out, m); each column sums to 1. Subtracting the
 * column's largest logit first changes nothing (it cancels in the ratio) but keeps exp
 * from overflowing.
 */
export function softmax(z) {
  const out = matrix(z.rows, z.cols);
  for (let col = 0; col < z.cols; col += 1) {
    let top = -Infinity;
    for (let row = 0; row < z.rows; row += 1) top = Math.max(top, entry(z, row, col));
    let total = 0;
    for (let row = 0; row < z.rows; row += 1) {
      const e = Math.exp(entry(z, row, col) - top);
      out.values[row * z.cols + col] = e;
      total += e;
    }
    for (let row = 0; row < z.rows; row += 1) out.values[row * z.cols + col] /= total;
  }
  return out;
}

/**
 * The network on x0: (n_in, m).
 * @param {Params} params
 * @param {Matrix} x0
 * @returns {Forward}
 */
export function forward(params, x0) {
  const z1 = plusColumn(product(params.W1, x0), params.b1);
  const A1 = relu(z1);
  const z2 = plusColumn(product(params.W2, A1), params.b2);
  const A2 = softmax(z2);
  return { z1, A1, z2, A2 };
}

/**
 * L = -sum(Y * log A2) over classes and examples. A term with Y = 0 counts as 0 even where
 * A2 = 0 (the limit of y log y; as numpy's where=Y > 0: in JavaScript 0 * -Infinity is
 * NaN). A true class of probability exactly 0 gives Infinity: training checks for it.
 * @param {Matrix} A2 (n_out, m)
 * @param {Matrix} Y (n_out, m) one-hot
 */
export function crossEntropy(A2, Y) {
  let sum = 0;
  Y.values.forEach((y, k) => {
    if (y > 0) sum += y * Math.log(A2.values[k]);
  });
  return -sum;
}

/**
 * The gradients of the summed cross-entropy, in the order backpropagation finds them:
 *   dz2 = A2 - Y                    (softmax and cross-entropy together)
 *   dW2 = dz2 A1^T,  db2 = row sums of dz2
 *   dz1 = (W2^T dz2) * [z1 > 0]     (ReLU passes gradient only where it was active)
 *   dW1 = dz1 x0^T,  db1 = row sums of dz1
 * @param {Params} params
 * @param {Matrix} x0 (n_in, m)
 * @param {Matrix} Y (n_out, m) one-hot
 * @param {Forward} fwd
 * @returns {Backward}
 */
export function backward(params, x0, Y, fwd) {
  const dz2 = map(fwd.A2, (a, y) => a - y, Y);
  const dW2 = product(dz2, fwd.A1, { transposeB: true });
  const db2 = rowSums(dz2);
  const dz1 = map(product(params.W2, dz2, { transposeA: true }), (g, z) => g * (z > 0), fwd.z1);
  const dW1 = product(dz1, x0, { transposeB: true });
  const db1 = rowSums(dz1);
  return { dz2, dW2, db2, dz1, dW1, db1 };
}

/** One gradient-descent update, p <- p - lr * dp, as new matrices. */
export function gradientStep(params, grads, lr) {
  const step = (p, dp) => map(p, (v, d) => v - lr * d, dp);
  return {
    W1: step(params.W1, grads.dW1),
    b1: step(params.b1, grads.db1),
    W2: step(params.W2, grads.dW2),
    b2: step(params.b2, grads.db2),
  };
}

/** Labels (m,) in 0..n_classes-1 -> the one-hot matrix (n_classes, m). */
export function oneHot(labels, nClasses) {
  const Y = matrix(nClasses, labels.length);
  labels.forEach((label, col) => {
    Y.values[label * labels.length + col] = 1;
  });
  return Y;
}

/** The most probable class of each column of A2: (n_out, m) -> (m,). */
export function predict(A2) {
  return Array.from({ length: A2.cols }, (_, col) =>
    argmax(Array.from({ length: A2.rows }, (__, row) => entry(A2, row, col))),
  );
}

/** The fraction of columns of A2 whose most probable class is the label. */
export function accuracy(A2, labels) {
  return predict(A2).filter((p, k) => p === labels[k]).length / labels.length;
}

// --- training ---

/** The loss stopped being a finite number: the learning rate (or an edit) is too large. */
export class TrainingDiverged extends Error {
  constructor(iteration, loss, lr) {
    super(
      `training diverged at iteration ${iteration}: the loss is ${loss} ` +
        `(learning rate ${lr}); try a smaller learning rate`,
    );
    this.iteration = iteration;
  }
}

/**
 * Everything about the network with `params` on the training set, as one iteration of
 * training sees it: the forward pass, the loss, the accuracy and the gradients.
 * @param {Params} params
 * @param {Matrix} x0 (n_in, m)
 * @param {number[]} labels (m,)
 * @returns {{params: Params, forward: Forward, loss: number, accuracy: number,
 *   backward: Backward}}
 */
export function evaluate(params, x0, labels) {
  const Y = oneHot(labels, params.W2.rows);
  const fwd = forward(params, x0);
  return {
    params,
    forward: fwd,
    loss: crossEntropy(fwd.A2, Y),
    accuracy: accuracy(fwd.A2, labels),
    backward: backward(params, x0, Y, fwd),
  };
}

/**
 * Full-batch gradient descent from `start`, one iteration at a time: yields iteration 0
 * (`start` itself), then the network after each update, as evaluate() describes it, for as
 * long as the caller asks. Throws TrainingDiverged at the first iteration whose loss is
 * not finite, as scratchnet.lines.training.train does (`offset` numbers the iterations).
 * @param {Params} start
 * @param {Matrix} x0 (n_in, m)
 * @param {number[]} labels (m,)
 * @param {number} lr
 * @param {number} [offset] the iteration `start` is at, for the message
 */
export function* train(start, x0, labels, lr, offset = 0) {
  let params = start;
  for (let iteration = offset; ; iteration += 1) {
    const now = evaluate(params, x0, labels);
    if (!Number.isFinite(now.loss)) throw new TrainingDiverged(iteration, now.loss, lr);
    yield now;
    params = gradientStep(params, now.backward, lr);
  }
}
