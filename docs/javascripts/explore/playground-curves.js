// The playground's curves: loss and accuracy after every epoch, on the training set and
// on the validation set, in plane-anim.gif's colours; under the main run as the pipeline
// trained it, numpy's own training curve, faint, which the page's retraces.

import { drawCurve } from "./curve.js";
import { element } from "./dom.js";

/** The view's elements: a canvas per curve, a key to the colours and a sentence. */
export function buildCurves(colours) {
  const view = {};
  const canvas = (id, what) =>
    element("canvas", { id, role: "img", "aria-label": `${what} against epoch` });
  view.loss = canvas("playground-loss-curve", "loss on the training and validation sets");
  view.accuracy = canvas("playground-accuracy-curve", "accuracy on both sets");
  const swatch = (colour, text) =>
    element(
      "span",
      { class: "playground-key" },
      element("span", { class: "playground-swatch", style: `background: ${colour}` }),
      text,
    );
  view.note = element("p", { id: "playground-curves-note", class: "playground-curves-note" });
  view.section = element(
    "div",
    { class: "playground-curves" },
    element("figure", {}, element("figcaption", {}, "Loss (cross-entropy, mean)"), view.loss),
    element("figure", {}, element("figcaption", {}, "Accuracy"), view.accuracy),
    element(
      "p",
      { class: "playground-keys" },
      swatch(colours.training, "training"),
      swatch(colours.validation, "validation"),
    ),
    view.note,
  );
  return view;
}

/**
 * Draw the run's curves up to its epoch, numpy's under them if given.
 * @param {object} view buildCurves'
 * @param {import("./playground-run.js").PlaygroundRun} run
 * @param {{training: string, validation: string}} colours
 * @param {{loss: Float64Array, accuracy: Float64Array} | null} numpy the saved history
 */
export function drawCurves(view, run, colours, numpy) {
  const { history, epoch } = run;
  const common = { at: epoch, mark: null, markColour: "", steps: false, xlabel: "epoch" };
  let top = 1e-9; // the largest finite loss, a loop (thousands of epochs are too many to spread)
  for (const curve of [history.loss, history.val_loss, numpy?.loss ?? []]) {
    for (const value of curve) if (Number.isFinite(value)) top = Math.max(top, value);
  }
  drawCurve(view.loss, history.loss, {
    ...common,
    ymax: top,
    colour: colours.training,
    also: [{ values: history.val_loss, colour: colours.validation }],
    faint: numpy?.loss,
    format: (v) => v.toFixed(2),
  });
  drawCurve(view.accuracy, history.accuracy, {
    ...common,
    ymax: 1,
    colour: colours.training,
    also: [{ values: history.val_accuracy, colour: colours.validation }],
    faint: numpy?.accuracy,
    format: (v) => `${(v * 100).toFixed(0)}%`,
  });
  view.note.textContent = numpy
    ? "Faint: the pipeline's own run, trained by numpy from the same initial parameters, " +
      "which this page's run retraces to within a part in a billion."
    : "";
}
