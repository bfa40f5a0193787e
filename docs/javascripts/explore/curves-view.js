// The loss and training-accuracy curves of the run shown, up to the iteration shown, with
// a dashed line at the first iteration at 100% training accuracy and, under a branch, the
// saved run as a faint curve to compare with.

import { drawCurve } from "./curve.js";
import { element } from "./dom.js";

/** The view's elements: a canvas per curve and a sentence under them. */
export function buildCurves() {
  const view = {};
  view.loss = element("canvas", {
    id: "replay-loss-curve",
    role: "img",
    "aria-label": "training loss against iteration",
  });
  view.accuracy = element("canvas", {
    id: "replay-accuracy-curve",
    role: "img",
    "aria-label": "training accuracy against iteration",
  });
  view.note = element("p", { id: "replay-curves-note", class: "replay-curves-note" });
  view.section = element(
    "div",
    { class: "replay-curves" },
    element("figure", {}, element("figcaption", {}, "Training loss"), view.loss),
    element("figure", {}, element("figcaption", {}, "Training accuracy"), view.accuracy),
    view.note,
  );
  return view;
}

/**
 * Draw `experiment`'s curves up to `iteration`.
 * @param {object} view buildCurves'
 * @param {import("./experiment.js").Experiment} experiment
 * @param {number} iteration
 * @param {{loss: string, accuracy: string, mark: string}} colours
 */
export function drawCurves(view, experiment, iteration, colours) {
  const loss = experiment.curve("loss");
  const accuracy = experiment.curve("accuracy");
  const faint = experiment.branch ? experiment.saved : null;
  const finite = [...loss, ...(faint ? faint.loss.values : [])].filter(Number.isFinite);
  const full = accuracy.findIndex((a) => a === 1);
  const mark = full >= 0 ? full : null;
  const common = { at: iteration, mark, markColour: colours.mark };
  drawCurve(view.loss, loss, {
    ...common,
    ymax: Math.max(1e-9, ...finite),
    colour: colours.loss,
    steps: false,
    format: (v) => v.toFixed(0),
    faint: faint?.loss.values,
  });
  drawCurve(view.accuracy, accuracy, {
    ...common,
    ymax: 1,
    colour: colours.accuracy,
    steps: true,
    format: (v) => `${(v * 100).toFixed(0)}%`,
    faint: faint?.accuracy.values,
  });
  view.note.textContent =
    (mark === null
      ? "This run never reaches 100% training accuracy."
      : `The dashed line marks iteration ${mark}, the first at 100% training accuracy: every ` +
        "training image classified right.") +
    (faint ? " The faint curves are the saved run, to compare the branch with." : "");
}
