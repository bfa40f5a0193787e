// The replay page (docs/explore/replay.md): every saved iteration of a run of the 9-6-2
// network, drawn as train-anim.gif draws it, with the value, gradient and update of any
// parameter the reader points at. Mounts on <div id="replay" data-index="...">.

import { loadArrays, loadJson, showLoadProblem } from "./data.js";
import { cellAt, drawColourBar, drawHeatmap, outlineCell } from "./heatmap.js";
import { drawCurve } from "./curve.js";
import { element } from "./dom.js";
import { readHash, writeHash } from "./state.js";

const CELL = 20; // canvas pixels per matrix cell (CSS scales the canvas to the page)
const PLAY_MS = 50; // one iteration per 50 ms when playing: 200 iterations in 10 s
const PARAMETERS = ["W1", "b1", "W2", "b2"];
const PANELS = {
  W1: { role: "parameter", title: "W1: hidden unit × input pixel" },
  b1: { role: "parameter", title: "b1" },
  A1: { role: "activation", title: "A1 = ReLU(z1): hidden unit × training image" },
  W2: { role: "parameter", title: "W2: class × hidden unit" },
  b2: { role: "parameter", title: "b2" },
  A2: { role: "probability", title: "A2 = softmax(z2): class × training image; dot = prediction" },
};

/**
 * One iteration's slice of a history array: shape (n + 1, rows, cols) -> (rows, cols).
 * @param {{values: Float32Array, shape: number[]}} array
 * @param {number} iteration
 * @returns {{values: Float32Array, rows: number, cols: number}}
 */
function at(array, iteration) {
  const [, rows, cols] = array.shape;
  const size = rows * cols;
  return { values: array.values.subarray(iteration * size, (iteration + 1) * size), rows, cols };
}

/** A number as the page writes it: 5 significant digits. */
const format = (value) => Number(value).toPrecision(5);
const percent = (fraction) => `${Number((fraction * 100).toFixed(1))}%`;

/** Build the page's controls and views inside `root`; returns the elements by name. */
function buildPage(root, index) {
  const ui = {};
  ui.run = element("select", { id: "replay-run" });
  for (const run of index.runs) {
    const never = run.first_full_accuracy === null ? ", never reaches 100%" : "";
    ui.run.append(element("option", { value: run.name }, run.label + never));
  }
  ui.back = element("button", { type: "button", id: "replay-back" }, "◀ Back");
  ui.play = element("button", { type: "button", id: "replay-play", "aria-pressed": "false" }, "Play");
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
    element("label", { for: "replay-iteration", class: "replay-slider-label" }, "Iteration ", ui.iteration),
    ui.slider,
    element("p", { class: "replay-numbers" }, "Loss ", ui.loss, " · training accuracy ", ui.accuracy),
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
    panels.append(element("figure", { class: `replay-panel replay-${name}` }, element("figcaption", {}, title), canvas));
  }
  ui.bars = {};
  const bars = element("div", { class: "replay-colour-bars" });
  for (const [role, label] of [["parameter", "parameter value"], ["activation", "activation"], ["probability", "probability"]]) {
    ui.bars[role] = element("canvas", { role: "img", "aria-label": `colour scale of ${label}` });
    bars.append(element("figure", {}, element("figcaption", {}, label), ui.bars[role]));
  }

  ui.inspector = element("div", { id: "replay-inspector", "aria-live": "polite" });
  ui.unit = element("canvas", { id: "replay-unit", role: "img", "aria-label": "incoming weights of the hidden unit" });
  ui.unitCaption = element("figcaption", {}, "");
  const unit = element("figure", { class: "replay-unit" }, ui.unitCaption, ui.unit);

  ui.lossCurve = element("canvas", { id: "replay-loss-curve", role: "img", "aria-label": "training loss against iteration" });
  ui.accuracyCurve = element("canvas", { id: "replay-accuracy-curve", role: "img", "aria-label": "training accuracy against iteration" });
  const curves = element(
    "div",
    { class: "replay-curves" },
    element("figure", {}, element("figcaption", {}, "Training loss"), ui.lossCurve),
    element("figure", {}, element("figcaption", {}, "Training accuracy"), ui.accuracyCurve),
  );
  const side = element("div", { class: "replay-side" }, ui.inspector, unit);
  root.replaceChildren(controls, panels, bars, element("div", { class: "replay-details" }, side, curves));
  return ui;
}

/**
 * What the inspector says of cell (row, col) of panel `name` at `iteration`: which number
 * it is, its value and, for a parameter, its gradient and the update -lr x gradient.
 * @returns {HTMLElement[]}
 */
function describeCell(index, run, arrays, iteration, { name, row, col }) {
  const matrix = at(arrays[name], iteration);
  const value = matrix.values[row * matrix.cols + col];
  const rows = [];
  const describe = {
    W1: `W1[${row + 1}, ${col + 1}]: from pixel ${index.pixel_names[col]} to hidden unit ${row + 1}`,
    b1: `b1[${row + 1}]: bias of hidden unit ${row + 1}`,
    W2: `W2[${row + 1}, ${col + 1}]: from hidden unit ${col + 1} to class ${index.class_names[row]}`,
    b2: `b2[${row + 1}]: bias of class ${index.class_names[row]}`,
    A1: `A1[${row + 1}, ${col + 1}]: hidden unit ${row + 1} on training image ${col + 1}`,
    A2: `A2[${row + 1}, ${col + 1}]: probability of ${index.class_names[row]} for training image ${col + 1} (a ${index.class_names[index.labels[col]]} line)`,
  }[name];
  rows.push(["value", format(value), "replay-cell-value", value]);
  if (PARAMETERS.includes(name)) {
    if (iteration < run.iterations) {
      const gradient = at(arrays[`d${name}`], iteration);
      const g = gradient.values[row * gradient.cols + col];
      const lr = run.settings.lr;
      rows.push(["gradient", format(g), "replay-cell-gradient", g]);
      rows.push([`update −${lr} × gradient`, format(-lr * g), "replay-cell-update", -lr * g]);
    } else {
      rows.push(["gradient", "none: no update follows the last iteration", "replay-cell-gradient", ""]);
    }
  }
  const list = element("dl");
  for (const [term, text, id, exact] of rows) {
    list.append(element("dt", {}, term), element("dd", { id, "data-value": String(exact) }, text));
  }
  return [element("p", { id: "replay-cell-name" }, describe), list];
}

async function main(root) {
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const index = await loadJson(indexUrl);
  const runs = Object.fromEntries(index.runs.map((run) => [run.name, run]));
  const loaded = {}; // run name -> its arrays, fetched when first chosen
  const arraysOf = async (name) => (loaded[name] ??= await loadArrays(indexUrl, runs[name].data));
  const { maps, named } = index.colours;

  const ui = buildPage(root, index);
  const state = readHash({ iteration: 0, run: index.runs[0].name });
  if (!(state.run in runs)) state.run = index.runs[0].name;
  let pointed = null; // {name, row, col}: the cell the reader points at
  let unitShown = 0; // the hidden unit whose incoming weights are drawn
  let timer = null;

  function draw(run, arrays) {
    const iteration = state.iteration;
    const scales = { parameter: [-run.scales.parameter, run.scales.parameter], activation: [0, run.scales.activation], probability: [0, 1] };
    for (const [name, { role }] of Object.entries(PANELS)) {
      const [vmin, vmax] = scales[role];
      const slice = at(arrays[name], iteration);
      drawHeatmap(ui.canvases[name], slice.values, { ...slice, cell: CELL, table: maps[role].table, vmin, vmax });
    }
    for (const [role, [vmin, vmax]] of Object.entries(scales)) drawColourBar(ui.bars[role], maps[role].table, vmin, vmax);
    // The predicted class of each training image as a dot: green if right, red if wrong.
    const probabilities = at(arrays.A2, iteration);
    const context = ui.canvases.A2.getContext("2d");
    let right = 0;
    for (let image = 0; image < probabilities.cols; image += 1) {
      let predicted = 0;
      for (let c = 1; c < probabilities.rows; c += 1) {
        if (probabilities.values[c * probabilities.cols + image] > probabilities.values[predicted * probabilities.cols + image]) predicted = c;
      }
      const correct = predicted === index.labels[image];
      right += correct;
      context.beginPath();
      context.arc((image + 0.5) * CELL, (predicted + 0.5) * CELL, CELL * 0.3, 0, 2 * Math.PI);
      context.fillStyle = correct ? named.correct : named.wrong;
      context.strokeStyle = "#fff";
      context.lineWidth = 1.5;
      context.fill();
      context.stroke();
    }
    ui.canvases.A2.dataset.right = String(right);
    if (pointed) outlineCell(ui.canvases[pointed.name], pointed, CELL);

    const W1 = at(arrays.W1, iteration);
    // Pixels are numbered column by column (1_1, 1_2, ...): weight col * side + row.
    const side = index.image_side;
    const image = Array.from({ length: side * side }, (_, k) => W1.values[unitShown * W1.cols + (k % side) * side + Math.floor(k / side)]);
    drawHeatmap(ui.unit, image, { rows: side, cols: side, cell: 40, table: maps.parameter.table, vmin: scales.parameter[0], vmax: scales.parameter[1] });
    ui.unitCaption.textContent = `Hidden unit ${unitShown + 1}: its ${side * side} incoming weights as the ${side}×${side} image it responds to`;

    const loss = arrays.loss.values;
    const accuracy = arrays.accuracy.values;
    ui.slider.value = String(iteration);
    ui.iteration.textContent = `${iteration} of ${run.iterations}`;
    ui.loss.textContent = loss[iteration].toFixed(4);
    ui.accuracy.textContent = `${percent(accuracy[iteration])} (${right} of ${index.labels.length} right)`;
    const mark = run.first_full_accuracy;
    const maxLoss = loss.reduce((a, b) => Math.max(a, b), 0);
    drawCurve(ui.lossCurve, loss, { at: iteration, ymax: maxLoss, colour: named.loss, steps: false, mark, markColour: named.mark, format: (v) => v.toFixed(0) });
    drawCurve(ui.accuracyCurve, accuracy, { at: iteration, ymax: 1, colour: named.accuracy, steps: true, mark, markColour: named.mark, format: percent });
    ui.inspector.replaceChildren(
      ...(pointed ? describeCell(index, run, arrays, iteration, pointed) : [element("p", {}, "Point at a cell (or focus a matrix and use the arrow keys) to read its value, gradient and update.")]),
    );
  }

  async function render() {
    const run = runs[state.run];
    state.iteration = Math.min(run.iterations, Math.max(0, Math.round(state.iteration)));
    ui.run.value = state.run;
    ui.slider.max = String(run.iterations);
    const arrays = await arraysOf(state.run);
    draw(run, arrays);
    writeHash(state);
  }

  const go = (iteration) => {
    state.iteration = iteration;
    return render();
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    ui.play.textContent = "Play";
    ui.play.setAttribute("aria-pressed", "false");
  };
  ui.play.addEventListener("click", () => {
    if (timer !== null) return stop();
    const last = runs[state.run].iterations;
    if (state.iteration >= last) state.iteration = 0; // play again from the start
    ui.play.textContent = "Pause";
    ui.play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      if (state.iteration >= runs[state.run].iterations) return stop();
      go(state.iteration + 1);
    }, PLAY_MS);
  });
  ui.back.addEventListener("click", () => go(state.iteration - 1));
  ui.forward.addEventListener("click", () => go(state.iteration + 1));
  ui.slider.addEventListener("input", () => go(Number(ui.slider.value)));
  ui.run.addEventListener("change", () => {
    state.run = ui.run.value; // the iteration stays
    render();
  });
  window.addEventListener("hashchange", () => {
    Object.assign(state, readHash(state));
    if (!(state.run in runs)) state.run = index.runs[0].name;
    render();
  });
  // The arrow keys step through iterations, unless a control or a matrix has the focus.
  document.addEventListener("keydown", (event) => {
    const busy = event.target.closest?.("input, select, textarea, canvas[tabindex]");
    if (busy || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowLeft") go(state.iteration - 1);
    else if (event.key === "ArrowRight") go(state.iteration + 1);
    else return;
    event.preventDefault();
  });

  const point = (cell) => {
    pointed = cell;
    if (cell && ["W1", "b1", "A1"].includes(cell.name)) unitShown = cell.row;
    if (cell && cell.name === "W2") unitShown = cell.col;
    render();
  };
  for (const [name, canvas] of Object.entries(ui.canvases)) {
    const shape = () => at(loaded[state.run][name], 0);
    canvas.addEventListener("pointermove", (event) => {
      const { rows, cols } = shape();
      const cell = cellAt(canvas, event, rows, cols);
      if (cell && (pointed?.name !== name || pointed.row !== cell.row || pointed.col !== cell.col)) point({ name, ...cell });
    });
    canvas.addEventListener("focus", () => point(pointed?.name === name ? pointed : { name, row: 0, col: 0 }));
    canvas.addEventListener("keydown", (event) => {
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (!(event.key in moves) || !pointed) return;
      event.preventDefault();
      const { rows, cols } = shape();
      const [dr, dc] = moves[event.key];
      point({ name, row: Math.min(rows - 1, Math.max(0, pointed.row + dr)), col: Math.min(cols - 1, Math.max(0, pointed.col + dc)) });
    });
  }
  await render();
  root.dataset.ready = "true"; // for the browser tests: the first iteration is drawn
}

const root = document.getElementById("replay");
if (root) main(root).catch((problem) => showLoadProblem(root, problem));
