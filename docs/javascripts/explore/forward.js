// The forward pass of chapter two's trained models, as scratchnet.nn computes it, in
// float64: standardise, Linear (x W + b), ReLU, softmax. Knows nothing of the page.

/**
 * Standardise raw pixels as training did: (pixels - mean) / std.
 * @param {ArrayLike<number>} pixels (side * side,) row by row
 * @param {{mean: number, std: number}} statistics the training set's
 * @returns {Float64Array} (side * side,)
 */
export function standardise(pixels, { mean, std }) {
  return Float64Array.from(pixels, (p) => (p - mean) / std);
}

/**
 * A Linear layer on one input: x W + b.
 * @param {Float64Array} x (n_in,)
 * @param {{values: Float64Array, shape: number[]}} W (n_in, n_out), row-major
 * @param {{values: Float64Array}} b (n_out,)
 * @returns {Float64Array} (n_out,)
 */
export function linear(x, W, b) {
  const [nIn, nOut] = W.shape;
  const out = Float64Array.from(b.values);
  for (let i = 0; i < nIn; i += 1) {
    const xi = x[i];
    for (let j = 0; j < nOut; j += 1) out[j] += xi * W.values[i * nOut + j];
  }
  return out;
}

/** ReLU: max(0, z) elementwise. @param {Float64Array} z @returns {Float64Array} */
export const relu = (z) => z.map((v) => Math.max(0, v));

/**
 * Softmax of logits, shifted by their maximum first so exp never overflows.
 * @param {Float64Array} z (10,)
 * @returns {Float64Array} (10,) probabilities summing to 1
 */
export function softmax(z) {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/**
 * The reference network, Linear -> ReLU -> Linear -> softmax, on standardised pixels.
 * @param {Object<string, {values: Float64Array, shape: number[]}>} p
 *   W1 (n_in, h), b1 (h,), W2 (h, 10), b2 (10,)
 * @param {Float64Array} x (n_in,)
 * @returns {{hidden: Float64Array, probabilities: Float64Array}} hidden (h,), probabilities (10,)
 */
export function referenceNetwork(p, x) {
  const hidden = relu(linear(x, p.W1, p.b1));
  return { hidden, probabilities: softmax(linear(hidden, p.W2, p.b2)) };
}

/**
 * Softmax regression, one Linear layer -> softmax.
 * @param {Object<string, {values: Float64Array, shape: number[]}>} p W1 (n_in, 10), b1 (10,)
 * @param {Float64Array} x (n_in,)
 * @returns {Float64Array} (10,)
 */
export const softmaxRegression = (p, x) => softmax(linear(x, p.W1, p.b1));

/** The index of the largest value (the first, on a tie, as numpy's argmax). */
export function argmax(values) {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if (values[k] > values[best]) best = k;
  return best;
}
