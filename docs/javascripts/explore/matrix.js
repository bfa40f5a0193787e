// Matrices of float64 and the few operations the page's trainers need (train.js, stack.js):
// products with either side transposed, entrywise maps, a row or a column added to every
// column or row, sums. Every matrix is {rows, cols, values}, values row by row; every
// operation returns a new matrix. Sums run in numpy's order where the trainers' fidelity
// to numpy needs it (each function says which order it keeps).

/** @typedef {{rows: number, cols: number, values: Float64Array}} Matrix */

/**
 * A rows x cols matrix of `values` (row by row), zeros if none are given.
 * @param {number} rows
 * @param {number} cols
 * @param {Float64Array} [values] (rows * cols,), kept, not copied
 * @returns {Matrix}
 */
export function matrix(rows, cols, values = new Float64Array(rows * cols)) {
  return { rows, cols, values };
}

/** The entry at (row, col). @param {Matrix} a @param {number} row @param {number} col */
export const entry = (a, row, col) => a.values[row * a.cols + col];

/**
 * f applied to every entry of a (and b's entry at the same place): a new matrix.
 * @param {Matrix} a
 * @param {(v: number, w: number) => number} f
 * @param {Matrix} [b] a's shape
 * @returns {Matrix} a's shape
 */
export function map(a, f, b = a) {
  const out = matrix(a.rows, a.cols);
  for (let k = 0; k < out.values.length; k += 1) out.values[k] = f(a.values[k], b.values[k]);
  return out;
}

/**
 * The product a b, with a or b transposed first if asked: (n, k) x (k, m) -> (n, m). Each
 * entry sums its k terms in order (numpy's BLAS may order and fuse them otherwise: the
 * trainers agree with numpy to about 1e-15 a product, not bit for bit).
 * @param {Matrix} a
 * @param {Matrix} b
 * @param {{transposeA?: boolean, transposeB?: boolean}} [how]
 * @returns {Matrix}
 */
export function product(a, b, { transposeA = false, transposeB = false } = {}) {
  // Entry (i, l) of a (transposed or not) is a.values[i * rowStep + l * colStep].
  const [n, k, aRow, aCol] = transposeA ? [a.cols, a.rows, 1, a.cols] : [a.rows, a.cols, a.cols, 1];
  const [m, bRow, bCol] = transposeB ? [b.rows, 1, b.cols] : [b.cols, b.cols, 1];
  const out = matrix(n, m);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < m; j += 1) {
      let sum = 0;
      for (let l = 0; l < k; l += 1) {
        sum += a.values[i * aRow + l * aCol] * b.values[l * bRow + j * bCol];
      }
      out.values[i * m + j] = sum;
    }
  }
  return out;
}

/**
 * z + b with the column b: (rows, 1) added to every column of z.
 * @param {Matrix} z (rows, cols)
 * @param {Matrix} b (rows, 1)
 * @returns {Matrix} (rows, cols)
 */
export function plusColumn(z, b) {
  const out = matrix(z.rows, z.cols);
  for (let k = 0; k < out.values.length; k += 1) {
    out.values[k] = z.values[k] + b.values[Math.floor(k / z.cols)];
  }
  return out;
}

/**
 * z + b with the row b: (1, cols) added to every row of z (numpy's broadcast of b: (cols,)).
 * @param {Matrix} z (rows, cols)
 * @param {Matrix} b (1, cols)
 * @returns {Matrix} (rows, cols)
 */
export function plusRow(z, b) {
  const out = matrix(z.rows, z.cols);
  for (let k = 0; k < out.values.length; k += 1) out.values[k] = z.values[k] + b.values[k % z.cols];
  return out;
}

/**
 * The sum of each row: (rows, cols) -> (rows, 1), left to right.
 * @param {Matrix} a
 * @returns {Matrix}
 */
export function rowSums(a) {
  const out = matrix(a.rows, 1);
  a.values.forEach((v, k) => {
    out.values[Math.floor(k / a.cols)] += v;
  });
  return out;
}

/**
 * The sum of each column: (rows, cols) -> (1, cols), top to bottom, as numpy's
 * `a.sum(axis=0)` adds a C-ordered array's rows (bit for bit).
 * @param {Matrix} a
 * @returns {Matrix}
 */
export function columnSums(a) {
  const out = matrix(1, a.cols);
  for (let k = 0; k < a.values.length; k += 1) out.values[k % a.cols] += a.values[k];
  return out;
}

/**
 * The rows of `a` at `indices`, in that order (numpy's `a[indices]`).
 * @param {Matrix} a (rows, cols)
 * @param {ArrayLike<number>} indices (n,)
 * @returns {Matrix} (n, cols)
 */
export function pickRows(a, indices) {
  const out = matrix(indices.length, a.cols);
  for (let i = 0; i < indices.length; i += 1) {
    const start = indices[i] * a.cols;
    out.values.set(a.values.subarray(start, start + a.cols), i * a.cols);
  }
  return out;
}

/**
 * The sum of `values` in numpy's order for `array.sum()` of a contiguous float64 array
 * (pairwise summation: blocks of up to 128 summed in 8 running sums, halves of longer runs
 * summed apart), so that a mean loss is numpy's bit for bit, given the same terms.
 * @param {Float64Array} values (n,)
 * @param {number} [start] where the run starts
 * @param {number} [n] its length
 * @returns {number}
 */
export function sum(values, start = 0, n = values.length - start) {
  if (n < 8) {
    let total = 0;
    for (let i = start; i < start + n; i += 1) total += values[i];
    return total;
  }
  if (n <= 128) {
    const r = Array.from(values.subarray(start, start + 8));
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j += 1) r[j] += values[start + i + j];
    }
    let total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i += 1) total += values[start + i];
    return total;
  }
  const half = Math.floor(n / 2) - (Math.floor(n / 2) % 8);
  return sum(values, start, half) + sum(values, start + half, n - half);
}
