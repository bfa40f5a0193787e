// Branching the run: the learning rate and the last iteration the reader types, Branch
// here and Reset, and a sentence on the branch (where it starts, how far it has trained,
// or why it stopped).

import { element } from "./dom.js";
import { MAX_UNTIL } from "./replay-link.js";

/** The view's elements: a fieldset. */
export function buildBranchView() {
  const view = {};
  view.lr = element("input", {
    type: "number",
    id: "replay-lr",
    min: "0",
    step: "any",
    inputmode: "decimal",
  });
  view.until = element("input", {
    type: "number",
    id: "replay-until",
    min: "0",
    max: String(MAX_UNTIL),
    step: "1",
  });
  view.branchHere = element("button", { type: "button", id: "replay-branch" }, "Branch here");
  view.reset = element("button", { type: "button", id: "replay-reset" }, "Reset");
  view.status = element("p", { id: "replay-branch-status", "aria-live": "polite" });
  view.section = element(
    "fieldset",
    { class: "replay-branch" },
    element("legend", {}, "Branch the run"),
    element("label", { for: "replay-lr" }, "Learning rate"),
    view.lr,
    element("label", { for: "replay-until" }, "Train until iteration"),
    view.until,
    element("div", { class: "replay-buttons" }, view.branchHere, view.reset),
    view.status,
  );
  return view;
}

/** Put a branch's settings (or the run's own) in the boxes. */
export function showSettings(view, { lr, until }) {
  view.lr.value = String(lr);
  view.until.value = String(until);
}

/**
 * The settings the reader typed for a branch from `from`: each null if it cannot be used,
 * and a sentence on the first that cannot.
 * @returns {{lr: number | null, until: number | null, problem: string | null}}
 */
export function typedSettings(view, from) {
  const lr = Number(view.lr.value);
  const until = Number(view.until.value);
  const lrFits = view.lr.value.trim() !== "" && Number.isFinite(lr) && lr > 0;
  const untilFits = Number.isInteger(until) && until >= from && until <= MAX_UNTIL;
  const problem = !lrFits
    ? "The learning rate must be a number above 0."
    : !untilFits
      ? `“Train until” must be a whole iteration from ${from} to ${MAX_UNTIL}.`
      : null;
  return { lr: lrFits ? lr : null, until: untilFits ? until : null, problem };
}

/** A sentence on `experiment`'s branch of `run`, or on the saved run if there is none. */
function statusOf(run, experiment) {
  const branch = experiment.branch;
  if (!branch) {
    return (
      `The saved run, as the pipeline trained it (learning rate ${run.settings.lr}). ` +
      "Branch it at the iteration shown to train on with a learning rate of yours."
    );
  }
  const edits = branch.edits.length;
  const what =
    `Branched at iteration ${branch.from}` +
    (edits ? ` with ${edits} edited ${edits > 1 ? "entries" : "entry"}` : "") +
    `, learning rate ${branch.lr}`;
  if (branch.stopped) return `${what}: ${branch.stopped}.`;
  const updates = experiment.last - branch.from;
  if (!experiment.done) {
    return `${what}: training, iteration ${experiment.last} of ${branch.until}…`;
  }
  const more = branch.until === branch.from ? " Set “Train until” past it to train on." : "";
  return (
    `${what}: ${updates} updates trained in your browser in ` +
    `${Math.ceil(branch.milliseconds)} ms. The faint curves are the saved run.${more}`
  );
}

/**
 * Show the branch's state, at `iteration`: past a branch's start, Branch here retrains
 * it from there.
 */
export function drawBranchView(view, run, experiment, iteration) {
  view.status.textContent = statusOf(run, experiment);
  const branch = experiment.branch;
  view.branchHere.textContent =
    branch && iteration > branch.from ? `Retrain from iteration ${branch.from}` : "Branch here";
}
