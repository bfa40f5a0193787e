// The draw-a-digit page (docs/explore/draw-digit.md): the reader paints a digit, or picks
// a test image, and the page runs chapter two's trained models on it. Mounts on
// <div id="draw-digit" data-index="...">. The URL keeps a chosen test image: #test=17.

import { loadArrays, loadJson } from "./data.js";
import { createDigitGrid } from "./digitgrid.js";
import { element, showNotes } from "./dom.js";
import { percent } from "./format.js";
import { argmax, referenceNetwork, softmaxRegression, standardise } from "./forward.js";
import { drawHeatmap } from "./heatmap.js";
import { mountExplorer } from "./mount.js";
import { readState, writeState } from "./state.js";

/** The arrays whose names start with `prefix.`, by the rest of their names. */
function model(arrays, prefix) {
  const entries = Object.entries(arrays).filter(([name]) => name.startsWith(`${prefix}.`));
  return Object.fromEntries(entries.map(([name, array]) => [name.slice(prefix.length + 1), array]));
}

function buildPage(root, index) {
  const ui = {};
  // An application to a screen reader: its arrow keys then reach the grid's cursor.
  ui.grid = element("canvas", {
    id: "digit-grid",
    role: "application",
    "aria-roledescription": "drawing grid",
    "aria-label":
      `a ${index.side}×${index.side} grid to draw a digit on ` +
      "with the mouse, a pen, a finger or the keyboard",
    "aria-describedby": "digit-cursor",
  });
  ui.cursor = element(
    "p",
    { id: "digit-cursor", "aria-live": "polite" },
    "Keyboard: arrow keys move, Space paints, Delete erases.",
  );
  ui.clear = element("button", { type: "button", id: "digit-clear" }, "Clear");
  ui.random = element("button", { type: "button", id: "digit-random" }, "Random test image");
  ui.source = element(
    "p",
    { id: "digit-source", "aria-live": "polite" },
    "Draw a digit, or pick a test image.",
  );
  const drawing = element(
    "div",
    { class: "digit-drawing" },
    ui.grid,
    ui.cursor,
    element("div", { class: "digit-buttons" }, ui.clear, ui.random),
    ui.source,
  );
  ui.note = element("p", { id: "digit-note", class: "explore-note", role: "status" });
  ui.note.hidden = true;

  ui.prediction = element("output", { id: "digit-reference-prediction" });
  ui.bars = element("ol", { id: "digit-probabilities", class: "digit-bars", start: "0" });
  ui.barOf = [];
  for (let digit = 0; digit < 10; digit += 1) {
    const fill = element("span", { class: "digit-bar-fill" });
    const text = element("span", { class: "digit-bar-value" });
    const item = element(
      "li",
      { "data-digit": String(digit) },
      element("span", { class: "digit-bar-label" }, String(digit)),
      element("span", { class: "digit-bar" }, fill),
      text,
    );
    ui.barOf.push({ item, fill, text });
    ui.bars.append(item);
  }
  ui.hidden = element("canvas", {
    id: "digit-hidden",
    role: "img",
    "aria-label": "the hidden units' activations",
  });
  const reference = element(
    "section",
    { class: "digit-model", "aria-labelledby": "digit-reference-title" },
    element("h2", { id: "digit-reference-title" }, "The reference network"),
    element("p", {}, "Prediction: ", ui.prediction),
    ui.bars,
    element(
      "figure",
      {},
      element("figcaption", {}, "Its hidden units' activations (ReLU), brightest = most active"),
      ui.hidden,
    ),
  );

  ui.softmax = element("output", { id: "digit-softmax-prediction" });
  ui.template = element("canvas", {
    id: "digit-template",
    role: "img",
    "aria-label": "the template of the digit softmax regression picked",
  });
  ui.templateCaption = element("figcaption", {}, "");
  const softmax = element(
    "section",
    { class: "digit-model", "aria-labelledby": "digit-softmax-title" },
    element("h2", { id: "digit-softmax-title" }, "Softmax regression"),
    element("p", {}, "Prediction: ", ui.softmax),
    element("figure", {}, ui.templateCaption, ui.template),
  );
  root.replaceChildren(
    ui.note,
    drawing,
    element("div", { class: "digit-models" }, reference, softmax),
  );
  return ui;
}

async function main(root) {
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const index = await loadJson(indexUrl);
  const arrays = await loadArrays(indexUrl, index.data);
  const reference = model(arrays, "reference");
  const regression = model(arrays, "softmax_regression");
  const images = arrays["test.images"];
  const pixelsPer = index.side * index.side;
  const { maps } = index.colours;
  const templateLimit = regression.W1.values.reduce((a, b) => Math.max(a, Math.abs(b)), 0);

  const ui = buildPage(root, index);
  // The link: the test image shown, counted from 0; -1 (left out) for none, as the page's
  // links have always said.
  const count = index.test.labels.length;
  const table = [{ name: "test", kind: "integer", default: -1, min: -1, max: count - 1 }];
  const { state, notes } = readState(table);
  showNotes(ui.note, notes);

  // A blank grid is no digit: the models would still answer (the reference network says
  // 4), so the page shows no prediction until there is ink.
  const showBlank = () => {
    ui.prediction.textContent = "none yet, the grid is blank";
    ui.softmax.textContent = "none yet, the grid is blank";
    delete ui.bars.dataset.predicted;
    delete ui.softmax.dataset.predicted;
    for (const { item, fill, text } of ui.barOf) {
      delete item.dataset.probability;
      item.classList.remove("digit-bar-top");
      fill.style.width = "0";
      text.textContent = "";
    }
    // The hidden units' and the template's pictures answer a drawing: none until then.
    // (Not the hidden attribute: the page's style sheet sets the figures' display.)
    for (const canvas of [ui.hidden, ui.template]) canvas.closest("figure").style.display = "none";
  };

  const update = (pixels) => {
    if (pixels.every((value) => value === 0)) {
      showBlank();
      return;
    }
    for (const canvas of [ui.hidden, ui.template]) canvas.closest("figure").style.display = "";
    const x = standardise(pixels, index.standardise);
    const { hidden, probabilities } = referenceNetwork(reference, x);
    const predicted = argmax(probabilities);
    ui.prediction.textContent = `${predicted} (${percent(probabilities[predicted])})`;
    ui.bars.dataset.predicted = String(predicted);
    probabilities.forEach((p, digit) => {
      const { item, fill, text } = ui.barOf[digit];
      item.dataset.probability = String(p); // every digit, for the tests against numpy
      item.classList.toggle("digit-bar-top", digit === predicted);
      fill.style.width = `${p * 100}%`;
      text.textContent = percent(p);
    });
    const brightest = Math.max(1e-9, ...hidden);
    const cols = 10;
    const padded = Array.from(
      { length: Math.ceil(hidden.length / cols) * cols },
      (_, k) => hidden[k] ?? 0,
    );
    drawHeatmap(ui.hidden, padded, {
      rows: padded.length / cols,
      cols,
      cell: 16,
      table: maps.activation.table,
      vmin: 0,
      vmax: brightest,
    });

    const regressionProbabilities = softmaxRegression(regression, x);
    const picked = argmax(regressionProbabilities);
    ui.softmax.textContent = `${picked} (${percent(regressionProbabilities[picked])})`;
    ui.softmax.dataset.predicted = String(picked);
    // The template of digit d is column d of W1 (pixels x 10), drawn as an image.
    const [nIn, nOut] = regression.W1.shape;
    const template = Array.from({ length: nIn }, (_, i) => regression.W1.values[i * nOut + picked]);
    drawHeatmap(ui.template, template, {
      rows: index.side,
      cols: index.side,
      cell: Math.floor(160 / index.side),
      table: maps.parameter.table,
      vmin: -templateLimit,
      vmax: templateLimit,
    });
    ui.templateCaption.textContent =
      `The template of ${picked}: its weights, ` +
      "red where ink raises the score, blue where it lowers it";
  };

  const yourDrawing = () => {
    if (state.test >= 0) {
      state.test = -1;
      writeState(table, state);
    }
    ui.source.textContent = "Your drawing.";
  };
  const sayCursor = ({ row, col, value }) => {
    const ink = value > 0 ? `ink ${percent(value / index.pixel_max)}` : "blank";
    ui.cursor.textContent = `Row ${row + 1}, column ${col + 1} of ${index.side}: ${ink}`;
  };
  const grid = createDigitGrid(ui.grid, {
    side: index.side,
    max: index.pixel_max,
    table: maps.ink.table,
    onChange: update,
    onPaint: yourDrawing,
    onCursor: sayCursor,
  });
  const showTest = (k) => {
    state.test = k;
    writeState(table, state);
    grid.set(images.values.subarray(k * pixelsPer, (k + 1) * pixelsPer));
    const { labels, reference_predictions: predictions } = index.test;
    ui.source.textContent =
      `Test image ${k + 1} of ${labels.length}: a ${labels[k]} ` +
      `(the pipeline predicted ${predictions[k]})`;
  };
  ui.clear.addEventListener("click", () => {
    state.test = -1;
    writeState(table, state);
    grid.clear();
    ui.source.textContent = "Draw a digit, or pick a test image.";
  });
  ui.random.addEventListener("click", () =>
    showTest(Math.floor(Math.random() * index.test.labels.length)),
  );
  if (state.test >= 0) showTest(state.test);
  else update(grid.pixels);
  root.dataset.ready = "true"; // for the browser tests: the models have answered
}

mountExplorer("draw-digit", main);
