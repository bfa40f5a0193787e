// The playground's controls: the data (an exported dataset, a reader's file, or points
// to place, in a chosen class), the network (hidden layers and units, the activation),
// the training (learning rate, batch size, initial parameters), Play, one epoch, Reset,
// and where the run stands. Real inputs, buttons and labels, so the keyboard reaches
// every one. The controller reads them (typedSettings) and shows the state in them
// (showSettings).

import { element, showPlaying } from "./dom.js";
import { percent } from "./format.js";
import { PLACED_CLASSES } from "./playground-data.js";
import { FRESH_SEED } from "./playground-link.js";
import { ACTIVATIONS } from "./stack.js";

/** A label and its control (shown inside `box` if given), in one grid row. */
const labelled = (text, control, box = control) =>
  element("div", { class: "playground-field" }, element("label", { for: control.id }, text), box);

const numberInput = (id, attributes) =>
  element("input", { type: "number", id, inputmode: "decimal", ...attributes });

/**
 * The view's elements.
 * @param {{datasets: {name: string, title: string}[], limits: {layers: number,
 *   units: number}, colours: {class_colours: string[]}}} index the export's
 */
export function buildControls(index) {
  const view = { units: [] };
  view.data = element("select", { id: "playground-data" });
  for (const { name, title } of index.datasets) {
    view.data.append(element("option", { value: name }, title));
  }
  view.data.append(
    element("option", { value: "file" }, "your points file (CSV)"),
    element("option", { value: "points" }, "points you place"),
  );
  view.file = element("input", { type: "file", id: "playground-file", accept: ".csv,text/csv" });
  view.fileStatus = element("p", { id: "playground-file-status", role: "status" });
  view.fileBox = element(
    "div",
    { class: "playground-file" },
    labelled("Your file (header x1,x2,class; read here, sent nowhere)", view.file),
    view.fileStatus,
  );
  view.placedClass = element("select", { id: "playground-class" });
  for (let k = 0; k < PLACED_CLASSES; k += 1) {
    view.placedClass.append(element("option", { value: String(k) }, `class ${k}`));
  }
  // The class's colour beside its name, as its points are drawn.
  const swatch = element("span", { class: "playground-class-swatch", "aria-hidden": "true" });
  const showColour = () => {
    swatch.style.background = index.colours.class_colours[Number(view.placedClass.value)];
  };
  view.placedClass.addEventListener("change", showColour);
  showColour();
  view.count = element("output", { id: "playground-count" });
  view.clear = element("button", { type: "button", id: "playground-clear" }, "Remove all");
  view.placeBox = element(
    "div",
    { class: "playground-place" },
    labelled(
      "Place points of",
      view.placedClass,
      element("span", { class: "playground-class-choice" }, swatch, view.placedClass),
    ),
    element("p", {}, view.count, " ", view.clear),
  );

  view.layers = numberInput("playground-layers", { min: "1", max: String(index.limits.layers) });
  for (let k = 1; k <= index.limits.layers; k += 1) {
    const input = numberInput(`playground-units-${k}`, {
      min: "1",
      max: String(index.limits.units),
      value: "4", // a layer added starts with 4 units
    });
    view.units.push({ input, field: labelled(`Units in layer ${k}`, input) });
  }
  view.activation = element("select", { id: "playground-activation" });
  for (const name of ACTIVATIONS) view.activation.append(element("option", { value: name }, name));

  view.lr = numberInput("playground-lr", { min: "0", step: "any" });
  view.batch = numberInput("playground-batch", { min: "0", step: "1" });
  view.init = element("select", { id: "playground-init" });
  view.init.append(
    element("option", { value: "saved" }, "numpy's, saved"),
    element("option", { value: "seed" }, "drawn from the seed"),
  );
  view.seed = numberInput("playground-seed", { min: "0", step: "1", value: String(FRESH_SEED) });

  view.play = element("button", { type: "button", id: "playground-play", "aria-pressed": "false" });
  view.step = element("button", { type: "button", id: "playground-step" }, "One epoch");
  view.reset = element("button", { type: "button", id: "playground-reset" }, "Reset");
  view.epoch = element("output", { id: "playground-epoch" });
  view.loss = element("output", { id: "playground-loss" });
  view.accuracy = element("output", { id: "playground-accuracy" });
  view.validation = element("output", { id: "playground-validation" });
  view.status = element("p", { id: "playground-status", role: "status" });

  const fieldset = (legend, ...children) =>
    element(
      "fieldset",
      { class: "playground-fieldset" },
      element("legend", {}, legend),
      ...children,
    );
  view.section = element(
    "div",
    { class: "playground-controls" },
    fieldset("Data", labelled("Train on", view.data), view.fileBox, view.placeBox),
    fieldset(
      "Network",
      labelled("Hidden layers", view.layers),
      ...view.units.map((unit) => unit.field),
      labelled("Activation", view.activation),
    ),
    fieldset(
      "Training",
      labelled("Learning rate", view.lr),
      labelled("Batch size (0: every point at once)", view.batch),
      labelled("Initial parameters", view.init),
      labelled("Seed", view.seed),
    ),
  );
  view.run = element(
    "div",
    { class: "playground-run" },
    element("div", { class: "playground-buttons" }, view.play, view.step, view.reset),
    element(
      "p",
      { class: "playground-numbers" },
      "Epoch ",
      view.epoch,
      " · loss ",
      view.loss,
      " · training accuracy ",
      view.accuracy,
      " · validation accuracy ",
      view.validation,
    ),
    view.status,
  );
  showPlaying(view.play, false);
  return view;
}

/**
 * Show `state` in the controls: only the data's own part (the file, or the points to
 * place), the units of as many layers as there are, the seed only with the page's
 * generator, and the saved parameters only where a saved run fits.
 * @param {object} view
 * @param {import("./playground-link.js").PlaygroundState} state
 * @param {{savedFits: boolean, placed: number, most: number}} how whether a saved run's
 *   initial parameters fit this data and network; the points placed, and the most
 */
export function showSettings(view, state, { savedFits, placed, most }) {
  view.data.value = state.data;
  view.fileBox.hidden = state.data !== "file";
  view.placeBox.hidden = state.data !== "points";
  view.count.textContent = `${placed} of ${most} points`;
  view.clear.disabled = placed === 0;
  view.layers.value = String(state.hidden.length);
  view.units.forEach(({ input, field }, k) => {
    field.hidden = k >= state.hidden.length;
    if (k < state.hidden.length) input.value = String(state.hidden[k]);
  });
  view.activation.value = state.activation;
  view.lr.value = String(state.lr);
  view.batch.value = String(state.batch);
  view.init.querySelector("option[value=saved]").disabled = !savedFits;
  view.init.value = state.seed === null ? "saved" : "seed";
  view.seed.disabled = state.seed === null;
  if (state.seed !== null) view.seed.value = String(state.seed);
}

/** A whole number from `input` within [min, max], or null. */
function wholeIn(input, min, max) {
  const value = Number(input.value);
  const ok = input.value.trim() !== "" && Number.isInteger(value) && value >= min && value <= max;
  return ok ? value : null;
}

/**
 * The network and training settings as typed, or the first problem with them.
 * @param {object} view
 * @param {{layers: number, units: number}} limits
 * @returns {{settings: {hidden: number[], activation: string, lr: number, batch: number,
 *   seed: number | null}} | {problem: string}} seed null: the saved parameters chosen
 */
export function typedSettings(view, limits) {
  const layers = wholeIn(view.layers, 1, limits.layers);
  if (layers === null) {
    return { problem: `Hidden layers: a whole number from 1 to ${limits.layers}.` };
  }
  const hidden = [];
  for (let k = 0; k < layers; k += 1) {
    const units = wholeIn(view.units[k].input, 1, limits.units);
    if (units === null) {
      return { problem: `Units in layer ${k + 1}: a whole number from 1 to ${limits.units}.` };
    }
    hidden.push(units);
  }
  const lr = Number(view.lr.value);
  if (!(view.lr.value.trim() !== "" && lr > 0 && Number.isFinite(lr))) {
    return { problem: "Learning rate: a number above 0." };
  }
  const batch = wholeIn(view.batch, 0, 10000);
  if (batch === null) return { problem: "Batch size: a whole number from 0 (every point) up." };
  let seed = null;
  if (view.init.value === "seed") {
    seed = wholeIn(view.seed, 0, 2 ** 32 - 1);
    if (seed === null) return { problem: "Seed: a whole number from 0 to 4294967295." };
  }
  return { settings: { hidden, activation: view.activation.value, lr, batch, seed } };
}

/**
 * Say what the reader's file holds, or what is wrong with it (Python's sentence).
 * @param {object} view
 * @param {{name: string, labels: Uint8Array, classes: number} | Error} read
 */
export function showFile(view, read) {
  const problem = read instanceof Error;
  view.fileStatus.textContent = problem
    ? read.message
    : `${read.name}: ${read.labels.length} points, ${read.classes} classes.`;
  view.fileStatus.classList.toggle("explore-problem", problem);
}

/**
 * Show where the run stands: its epoch, loss and accuracies.
 * @param {object} view
 * @param {{epoch: number, loss: number, accuracy: number, validation: number} | null} now
 *   null: no run (no data to train on yet)
 */
export function showNumbers(view, now) {
  view.epoch.textContent = now ? String(now.epoch) : "–";
  view.loss.textContent = now ? now.loss.toFixed(4) : "–";
  view.loss.dataset.value = now ? String(now.loss) : "";
  view.accuracy.textContent = now ? percent(now.accuracy) : "–";
  const validated = now && Number.isFinite(now.validation);
  view.validation.textContent = validated ? percent(now.validation) : "–";
}
