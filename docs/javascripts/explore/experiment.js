// One experiment on a saved run: the run as the pipeline trained it, or branched at an
// iteration (its parameters there edited if the reader wishes) and trained on with a
// learning rate of the reader's, by train.js. Iterations keep the run's count: a branch
// at 40 shows iteration 120 after 80 of its own updates. Knows nothing of the page.

import { matrix } from "./matrix.js";
import { PARAMETERS, TrainingDiverged, evaluate, train } from "./train.js";

/**
 * A branch: where it starts, how it trains and what the reader changed there.
 * @typedef {{from: number, lr: number, until: number,
 *   edits: {name: string, row: number, col: number, value: number}[]}} BranchSettings
 *   from: the iteration it starts at; until: the last iteration it trains to;
 *   edits: parameter entries set at `from` (row, col from 0)
 */

export class Experiment {
  /**
   * @param {Object<string, {values: Float64Array, shape: number[]}>} saved the run's
   *   arrays: W1, b1, W2, b2 (n+1, rows, cols) and loss, accuracy (n+1,), numpy's
   * @param {{rows: number, cols: number, values: Float64Array}} x0 (9, m) training images
   * @param {number[]} labels (m,)
   * @param {number} lr the run's learning rate
   */
  constructor(saved, x0, labels, lr) {
    this.saved = saved;
    this.x0 = x0;
    this.labels = labels;
    this.lr = lr;
    this.iterations = saved.loss.values.length - 1;
    this.branch = null;
  }

  /** The saved run's parameters at `iteration`, as train.js's matrices (views, not copies). */
  savedParams(iteration) {
    const params = {};
    for (const name of PARAMETERS) {
      const [, rows, cols] = this.saved[name].shape;
      const size = rows * cols;
      const values = this.saved[name].values.subarray(iteration * size, (iteration + 1) * size);
      params[name] = matrix(rows, cols, values);
    }
    return params;
  }

  /** The last iteration there is: the run's, or the branch's as far as it has trained. */
  get last() {
    return this.branch ? this.branch.from + this.branch.params.length - 1 : this.iterations;
  }

  /** The parameters at `iteration` (0..last), the branch's from where it starts. */
  paramsAt(iteration) {
    const branch = this.branch;
    if (branch && iteration >= branch.from) return branch.params[iteration - branch.from];
    return this.savedParams(iteration);
  }

  /** The learning rate of the update that follows `iteration`. */
  lrAt(iteration) {
    return this.branch && iteration >= this.branch.from ? this.branch.lr : this.lr;
  }

  /** Everything at `iteration`: parameters, forward pass, loss, accuracy, gradients. */
  at(iteration) {
    return evaluate(this.paramsAt(iteration), this.x0, this.labels);
  }

  /** The loss or accuracy (`what`) at every iteration 0..last, the branch's from its start. */
  curve(what) {
    const saved = this.saved[what].values;
    if (!this.branch) return saved;
    return Float64Array.from({ length: this.last + 1 }, (_, k) =>
      k < this.branch.from ? saved[k] : this.branch[what][k - this.branch.from],
    );
  }

  /**
   * Start a branch (replacing any): the saved parameters at `from` with `edits` applied,
   * then trained by grow() up to `until` with learning rate `lr`.
   * @param {BranchSettings} settings
   */
  startBranch({ from, lr, until, edits }) {
    // Copies: an edit must not change the saved run.
    const start = {};
    for (const [name, { rows, cols, values }] of Object.entries(this.savedParams(from))) {
      start[name] = matrix(rows, cols, Float64Array.from(values));
    }
    for (const { name, row, col, value } of edits) {
      start[name].values[row * start[name].cols + col] = value;
    }
    this.branch = {
      from,
      lr,
      until,
      edits,
      params: [],
      loss: [],
      accuracy: [],
      stopped: null, // why training stopped early: the divergence's sentence
      steps: train(start, this.x0, this.labels, lr, from),
      start,
      milliseconds: 0,
    };
  }

  /** End the branch: back to the saved run. */
  endBranch() {
    this.branch = null;
  }

  /** Whether the branch has trained as far as it will (to `until`, or stopped). */
  get done() {
    const branch = this.branch;
    return !branch || branch.stopped !== null || this.last >= branch.until;
  }

  /**
   * Train the branch on for about `budget` milliseconds at most (the page redraws in
   * between, so it stays responsive). Returns whether the branch is done.
   * @param {number} budget
   */
  grow(budget = Infinity) {
    const branch = this.branch;
    if (!branch) return true;
    const started = performance.now();
    while (!this.done && performance.now() - started < budget) {
      try {
        const now = branch.steps.next().value;
        branch.params.push(now.params);
        branch.loss.push(now.loss);
        branch.accuracy.push(now.accuracy);
      } catch (problem) {
        if (!(problem instanceof TrainingDiverged)) throw problem;
        branch.stopped = problem.message;
        // An edit can make the very first loss infinite: still show those parameters.
        if (branch.params.length === 0) {
          const now = evaluate(branch.start, this.x0, this.labels);
          branch.params.push(branch.start);
          branch.loss.push(now.loss);
          branch.accuracy.push(now.accuracy);
        }
      }
    }
    branch.milliseconds += performance.now() - started;
    return this.done;
  }
}
