// The playground's views together: each view's elements (built by its own module) in the
// order the page shows them, and every view drawn for a run at its epoch. Behaviour is
// the controller's (playground.js).

import { buildControls, showNumbers } from "./playground-controls.js";
import { buildCurves, drawCurves } from "./playground-curves.js";
import { element } from "./dom.js";
import { colourBytes } from "./gridimage.js";
import { matrix } from "./matrix.js";
import { standardised } from "./playground-data.js";
import { GRID, buildPlaneView, describeBoundary, drawBoundary } from "./plane-view.js";
import { gridBuffers, gridForward, gridPoints } from "./stack.js";
import { buildUnitMaps, drawUnitMaps, explainUnit } from "./unit-maps.js";

/**
 * Build every view inside `root`; returns them by name.
 * @param {HTMLElement} root
 * @param {object} index the playground export's index
 */
export function buildPage(root, index) {
  const ui = {
    note: element("p", { id: "playground-note", class: "explore-note", role: "status" }),
    controls: buildControls(index),
    plane: buildPlaneView(),
    curves: buildCurves(index.colours),
    units: buildUnitMaps(),
  };
  ui.note.hidden = true;
  ui.shades = index.colours.classes.map(colourBytes);
  ui.unitTable = colourBytes(index.colours.units.table);
  root.replaceChildren(
    ui.note,
    ui.controls.section,
    ui.controls.run,
    element("div", { class: "playground-views" }, ui.plane.section, ui.curves.section),
    ui.units.section,
  );
  return ui;
}

/**
 * The grid a run's boundary and unit maps are computed on: GRID x GRID points over its
 * data's box, standardised as the network sees them, and gridForward's buffers.
 * @param {import("./playground-run.js").PlaygroundRun} run
 */
export function planeGrid(run) {
  const points = gridPoints(run.data.box, GRID);
  const seen = standardised(points.values, run.data);
  return { points: matrix(points.rows, 2, seen), buffers: gridBuffers(run.model, points.rows) };
}

/**
 * Draw every view for `run` at its epoch: the boundary and the unit maps over `grid`
 * (planeGrid's), the curves, the numbers, the boundary in words, the unit explained.
 * @param {object} ui buildPage's
 * @param {import("./playground-run.js").PlaygroundRun} run
 * @param {{points: object, buffers: object}} grid
 * @param {{colours: object, numpy: object | null, cursor: {x: number, y: number}}} how
 *   numpy: the saved run's history, when the run is the saved run retraced
 */
export function drawRun(ui, run, grid, { colours, numpy, cursor }) {
  gridForward(run.model, grid.points, grid.buffers);
  drawBoundary(ui.plane, grid.buffers, ui.shades.slice(0, run.data.classes));
  drawUnitMaps(ui.units, grid.buffers.units, ui.unitTable);
  drawCurves(ui.curves, run, colours, numpy);
  const { history, epoch } = run;
  showNumbers(ui.controls, {
    epoch,
    loss: history.loss[epoch],
    accuracy: history.accuracy[epoch],
    validation: history.val_accuracy[epoch],
  });
  describeBoundary(ui.plane, {
    epoch,
    train: run.perClass("train"),
    valid: run.perClass("valid"),
    title: run.data.title,
  });
  if (ui.units.selected) explainUnit(ui.units, ui.units.selected, { run, cursor });
}

/**
 * Draw the page with no run (no data to train on yet): a blank plane, no numbers.
 * @param {object} ui
 */
export function drawNoRun(ui) {
  const context = ui.plane.boundary.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, GRID, GRID);
  ui.units.rows.replaceChildren();
  ui.units.hidden = null;
  ui.units.selected = null;
  ui.units.explanation.replaceChildren();
  for (const canvas of [ui.curves.loss, ui.curves.accuracy]) {
    canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
  }
  ui.curves.note.textContent = "";
  showNumbers(ui.controls, null);
  ui.plane.summary.textContent = "No network yet: nothing to train on.";
}
