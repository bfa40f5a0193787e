// A run of the playground: a network trained epoch by epoch on a dataset, with its loss
// and accuracy on the training and validation sets after every epoch, as
// scratchnet.nn.fit records them. It starts from numpy's saved initial parameters (and,
// in mini-batches, takes the points in numpy's order for as many epochs as were
// exported), or from the page's own generator (random.js) with a seed: fresh weights at
// the library's scale for the activation, then each epoch's shuffle from the same
// generator. The maths is stack.js's; nothing here knows the page.

import { matrix } from "./matrix.js";
import { standardised } from "./playground-data.js";
import { Random } from "./random.js";
import {
  TrainingDiverged,
  batchesOf,
  evaluate,
  forward,
  initModel,
  modelFrom,
  rowArgmax,
  trainEpoch,
} from "./stack.js";

/**
 * @typedef {import("./playground-data.js").Dataset} Dataset
 * @typedef {import("./playground-data.js").SavedRun} SavedRun
 * @typedef {{hidden: number[], activation: string, lr: number, batchSize: number | null,
 *   seed: number | null}} Settings batchSize null: every point in one batch (full-batch
 *   descent); seed null: start from the saved run's parameters
 */

export class PlaygroundRun {
  /**
   * @param {Dataset} data
   * @param {Settings} settings
   * @param {SavedRun | null} saved the run whose initial parameters (and batch order, for
   *   the same batch size) to start from when settings.seed is null
   */
  constructor(data, settings, saved = null) {
    this.data = data;
    this.settings = settings;
    const sizes = [2, ...settings.hidden, data.classes];
    // One generator for all the page's own draws: the weights first, then each shuffle.
    this.random = new Random(settings.seed ?? 0);
    this.model =
      settings.seed === null
        ? modelFrom(saved.initial)
        : initModel(sizes, settings.activation, this.random);
    this.orders = saved && settings.batchSize === saved.settings.batch_size ? saved.orders : [];
    this.epoch = 0;
    this.diverged = null; // the sentence saying why training stopped, if it did
    this.history = { loss: [], accuracy: [], val_loss: [], val_accuracy: [] };
    this.counts = { train: [], valid: [] }; // perClass's, at the last epoch recorded
    this.record(evaluate(this.model, data.train.x, data.train.labels));
  }

  /**
   * Keep the epoch's numbers on the training set (`trained`, evaluate()'s) and the
   * validation set, and each class's right points in both.
   */
  record(trained) {
    const { x, labels } = this.data.valid;
    const none = { loss: NaN, accuracy: NaN, logits: null }; // no validation set: placed points
    const validated = labels.length ? evaluate(this.model, x, labels) : none;
    this.history.loss.push(trained.loss);
    this.history.accuracy.push(trained.accuracy);
    this.history.val_loss.push(validated.loss);
    this.history.val_accuracy.push(validated.accuracy);
    this.counts.train = rightByClass(trained.logits, this.data.train.labels, this.data.classes);
    this.counts.valid = rightByClass(validated.logits, labels, this.data.classes);
  }

  /** The order of the training points in the next epoch: numpy's, or the page's shuffle. */
  nextOrder() {
    const n = this.data.train.labels.length;
    if (this.settings.batchSize === null) return Int32Array.from({ length: n }, (_, k) => k);
    return this.orders[this.epoch] ?? this.random.permutation(n);
  }

  /**
   * Train one epoch, as fit does; after a loss that is not a number, nothing more (the
   * sentence is kept in `diverged`). Returns whether it trained.
   * @returns {boolean}
   */
  step() {
    if (this.diverged) return false;
    const { x, labels } = this.data.train;
    const batches = batchesOf(this.nextOrder(), this.settings.batchSize);
    try {
      const epoch = this.epoch + 1;
      const trained = trainEpoch(this.model, x, labels, batches, this.settings.lr, epoch);
      this.epoch = epoch;
      this.record(trained);
      return true;
    } catch (problem) {
      if (!(problem instanceof TrainingDiverged)) throw problem;
      this.diverged = problem.message;
      return false;
    }
  }

  /**
   * The points of each class the network classifies right, in a split, at its epoch.
   * @param {"train" | "valid"} part
   * @returns {{right: number, total: number}[]} one per class
   */
  perClass(part) {
    return this.counts[part];
  }

  /**
   * Every layer's output at one point of the plane in the data's units (standardised
   * first, as the network sees it).
   * @param {number} x1
   * @param {number} x2
   * @returns {import("./matrix.js").Matrix[]} forward()'s: the standardised point (1, 2),
   *   then each layer's output (1, width)
   */
  at(x1, x2) {
    return forward(this.model, matrix(1, 2, standardised([x1, x2], this.data)));
  }
}

/**
 * The rows of each class whose largest logit is the label's, and the class's rows.
 * @param {import("./matrix.js").Matrix | null} logits (n, K); null: no rows
 * @param {ArrayLike<number>} labels (n,)
 * @param {number} classes K
 * @returns {{right: number, total: number}[]} one per class
 */
function rightByClass(logits, labels, classes) {
  const counts = Array.from({ length: classes }, () => ({ right: 0, total: 0 }));
  for (let i = 0; i < labels.length; i += 1) {
    counts[labels[i]].total += 1;
    counts[labels[i]].right += rowArgmax(logits.values, i, logits.cols) === labels[i];
  }
  return counts;
}
