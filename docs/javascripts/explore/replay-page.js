// The replay page's views together: each view's elements (built by its own module) in the
// order the page shows them, inside the page's root, and every view drawn at an iteration.
// Behaviour is the controller's (replay.js).

import { buildBackwardView, drawBackwardView } from "./backward-view.js";
import { buildBranchView, drawBranchView } from "./branch-view.js";
import { buildCurves, drawCurves } from "./curves-view.js";
import { element } from "./dom.js";
import { buildEditor, drawEditor } from "./editor.js";
import { buildExplainer, drawExplainer, placeExplainer } from "./explainer.js";
import { outlineCell } from "./heatmap.js";
import { CELL, buildMatrices, drawMatrices } from "./matrices.js";
import { buildTimeline, drawTimeline } from "./timeline.js";
import { buildUnitsView, drawUnitsView } from "./units.js";

/**
 * Build every view inside `root`; returns them by name, and every explorable canvas (the
 * matrices' and the backward pass's) by the name of its array.
 * @param {HTMLElement} root
 * @param {object} index the replay export's index
 * @param {{hidden: number, nudge: number}} how the number of hidden units; the edit box's step
 */
export function buildPage(root, index, { hidden, nudge }) {
  const ui = {
    timeline: buildTimeline(index.runs),
    note: element("p", { id: "replay-note", class: "explore-note", role: "status" }),
    branch: buildBranchView(),
    matrices: buildMatrices(),
    editor: buildEditor(nudge),
    curves: buildCurves(),
    backward: buildBackwardView(),
    units: buildUnitsView(hidden),
  };
  ui.note.hidden = true;
  ui.explainer = buildExplainer(ui.editor);
  ui.canvases = { ...ui.matrices.canvases, ...ui.backward.canvases };
  root.replaceChildren(
    ui.timeline.section,
    ui.note,
    ui.branch.section,
    ui.matrices.panels,
    ui.matrices.bars,
    element("div", { class: "replay-details" }, ui.explainer.section, ui.curves.section),
    element("div", { class: "replay-buttons" }, ui.backward.toggle),
    ui.backward.section,
    ui.units.section,
  );
  return ui;
}

/**
 * Draw every view of `ui` at `iteration` of `experiment`, a run's or its branch's.
 * @param {object} ui buildPage's
 * @param {import("./experiment.js").Experiment} experiment
 * @param {number} iteration 0..experiment.last
 * @param {{index: object, run: object, cells: {pointed: object | null, selected: object | null},
 *   x0: object, Y: object}} with the export's index, the run's entry in it, the cells
 *   explored (cells.js), the training images x0 (9, m) and their one-hot labels Y (2, m)
 */
export function drawPage(ui, experiment, iteration, { index, run, cells, x0, Y }) {
  const last = iteration === experiment.last;
  const now = experiment.at(iteration);
  const { maps, named } = index.colours;
  const limit = run.scales.parameter;
  const scales = {
    parameter: [-limit, limit],
    activation: [0, run.scales.activation],
    probability: [0, 1],
  };
  const { labels } = index;
  const right = drawMatrices(ui.matrices, now, { scales, maps, named, labels });
  if (!ui.backward.section.hidden) {
    const table = maps.parameter.table;
    drawBackwardView(ui.backward, now, { iteration, last, table, cell: CELL });
  }
  const { pointed, selected } = cells;
  if (pointed) outlineCell(ui.canvases[pointed.name], pointed, CELL);
  drawUnitsView(ui.units, now.params, { ink: maps.ink.table, activation: maps.activation.table });
  drawTimeline(ui.timeline, {
    at: iteration,
    last: experiment.last,
    loss: now.loss,
    accuracy: now.accuracy,
    right,
    total: labels.length,
    run: run.name,
  });
  drawCurves(ui.curves, experiment, iteration, named);
  drawBranchView(ui.branch, run, experiment, iteration);
  const branch = experiment.branch;
  const branchFrom = branch && iteration > branch.from ? branch.from : null;
  drawEditor(ui.editor, selected, { params: now.params, iteration, branchFrom });
  const context = {
    x0,
    Y,
    labels,
    lr: experiment.lrAt(iteration),
    last,
    pixelNames: index.pixel_names,
    classNames: index.class_names,
  };
  drawExplainer(ui.explainer, pointed, now, {
    context,
    side: index.image_side,
    table: maps.parameter.table,
    limit,
  });
  placeExplainer(ui.explainer, pointed && ui.canvases[pointed.name]);
}
