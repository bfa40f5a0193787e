// The replay page's elements: its controls (run, iteration, branch, edit), the matrices'
// canvases, the inspector, the curves, the backward view and the hidden units' view, made
// in code inside the page's root. Drawing and behaviour are replay.js's.

import { buildBackwardView } from "./backward-view.js";
import { element } from "./dom.js";
import { MAX_UNTIL } from "./link.js";
import { buildUnitsView } from "./units.js";

// The forward matrices, by the colour scale they use and their caption.
export const PANELS = {
  W1: { role: "parameter", title: "W1: hidden unit × input pixel" },
  b1: { role: "parameter", title: "b1" },
  A1: { role: "activation", title: "A1 = ReLU(z1): hidden unit × training image" },
  W2: { role: "parameter", title: "W2: class × hidden unit" },
  b2: { role: "parameter", title: "b2" },
  A2: { role: "probability", title: "A2 = softmax(z2): class × training image; dot = prediction" },
};

/**
 * Build the page's controls and views inside `root`; returns the elements by name.
 * @param {HTMLElement} root
 * @param {object} index the replay export's index
 * @param {{hidden: number, nudge: number}} how the number of hidden units; the edit box's step
 */
export function buildPage(root, index, { hidden, nudge }) {
  const ui = {};
  ui.run = element("select", { id: "replay-run" });
  for (const run of index.runs) {
    const never = run.first_full_accuracy === null ? ", never reaches 100%" : "";
    ui.run.append(element("option", { value: run.name }, run.label + never));
  }
  ui.back = element("button", { type: "button", id: "replay-back" }, "◀ Back");
  ui.play = element(
    "button",
    { type: "button", id: "replay-play", "aria-pressed": "false" },
    "Play",
  );
  ui.forward = element("button", { type: "button", id: "replay-forward" }, "Forward ▶");
  ui.slider = element("input", { type: "range", id: "replay-iteration", min: "0", step: "1" });
  ui.iteration = element("output", { id: "replay-iteration-value", for: "replay-iteration" });
  ui.loss = element("output", { id: "replay-loss" });
  ui.accuracy = element("output", { id: "replay-accuracy" });
  const controls = element(
    "div",
    { class: "replay-controls" },
    element("label", { for: "replay-run" }, "Run "),
    ui.run,
    element("div", { class: "replay-buttons" }, ui.back, ui.play, ui.forward),
    element(
      "label",
      { for: "replay-iteration", class: "replay-slider-label" },
      "Iteration ",
      ui.iteration,
    ),
    ui.slider,
    element(
      "p",
      { class: "replay-numbers" },
      "Loss ",
      ui.loss,
      " · training accuracy ",
      ui.accuracy,
    ),
  );
  ui.note = element("p", { id: "replay-note", class: "explore-note", role: "status" });
  ui.note.hidden = true;

  ui.lr = element("input", {
    type: "number",
    id: "replay-lr",
    min: "0",
    step: "any",
    inputmode: "decimal",
  });
  ui.until = element("input", {
    type: "number",
    id: "replay-until",
    min: "0",
    max: String(MAX_UNTIL),
    step: "1",
  });
  ui.branch = element("button", { type: "button", id: "replay-branch" }, "Branch here");
  ui.reset = element("button", { type: "button", id: "replay-reset" }, "Reset");
  ui.status = element("p", { id: "replay-branch-status", "aria-live": "polite" });
  const branch = element(
    "fieldset",
    { class: "replay-branch" },
    element("legend", {}, "Branch the run"),
    element("label", { for: "replay-lr" }, "Learning rate"),
    ui.lr,
    element("label", { for: "replay-until" }, "Train until iteration"),
    ui.until,
    element("div", { class: "replay-buttons" }, ui.branch, ui.reset),
    ui.status,
  );

  ui.canvases = {};
  const panels = element("div", { class: "replay-panels" });
  for (const [name, { title }] of Object.entries(PANELS)) {
    const canvas = element("canvas", {
      id: `replay-${name}`,
      tabindex: "0",
      role: "img",
      "aria-label": `${title}; point at a cell, or focus it and use the arrow keys, to read it`,
    });
    ui.canvases[name] = canvas;
    panels.append(
      element(
        "figure",
        { class: `replay-panel replay-${name}` },
        element("figcaption", {}, title),
        canvas,
      ),
    );
  }
  ui.bars = {};
  const bars = element("div", { class: "replay-colour-bars" });
  const roles = [
    ["parameter", "parameter value"],
    ["activation", "activation"],
    ["probability", "probability"],
  ];
  for (const [role, label] of roles) {
    ui.bars[role] = element("canvas", { role: "img", "aria-label": `colour scale of ${label}` });
    bars.append(element("figure", {}, element("figcaption", {}, label), ui.bars[role]));
  }

  ui.inspector = element("div", { id: "replay-inspector", "aria-live": "polite" });
  ui.editLabel = element("label", { for: "replay-edit" }, "");
  ui.edit = element("input", {
    type: "number",
    id: "replay-edit",
    step: String(nudge),
    inputmode: "decimal",
    "aria-describedby": "replay-edit-help",
  });
  ui.editHelp = element("p", { id: "replay-edit-help" }, "");
  ui.editor = element("div", { id: "replay-editor" }, ui.editLabel, ui.edit, ui.editHelp);
  ui.unit = element("canvas", {
    id: "replay-unit",
    role: "img",
    "aria-label": "incoming weights of the hidden unit",
  });
  ui.unitCaption = element("figcaption", {}, "");
  const unit = element("figure", { class: "replay-unit" }, ui.unitCaption, ui.unit);

  ui.lossCurve = element("canvas", {
    id: "replay-loss-curve",
    role: "img",
    "aria-label": "training loss against iteration",
  });
  ui.accuracyCurve = element("canvas", {
    id: "replay-accuracy-curve",
    role: "img",
    "aria-label": "training accuracy against iteration",
  });
  ui.curvesNote = element("p", { id: "replay-curves-note", class: "replay-curves-note" });
  const curves = element(
    "div",
    { class: "replay-curves" },
    element("figure", {}, element("figcaption", {}, "Training loss"), ui.lossCurve),
    element("figure", {}, element("figcaption", {}, "Training accuracy"), ui.accuracyCurve),
    ui.curvesNote,
  );
  const side = element("div", { class: "replay-side" }, ui.editor, ui.inspector, unit);

  ui.backward = buildBackwardView();
  Object.assign(ui.canvases, ui.backward.canvases);
  ui.showBackward = element(
    "button",
    {
      type: "button",
      id: "replay-show-backward",
      "aria-pressed": "false",
      "aria-controls": "replay-backward-view",
    },
    "Show the backward pass",
  );
  ui.units = buildUnitsView(hidden);
  root.replaceChildren(
    controls,
    ui.note,
    branch,
    panels,
    bars,
    element("div", { class: "replay-details" }, side, curves),
    element("div", { class: "replay-buttons" }, ui.showBackward),
    ui.backward.section,
    ui.units.section,
  );
  return ui;
}
