// The backward pass step by step: the arrays backpropagation computes at one iteration,
// in the order it computes them, each drawn like the forward ones, with a sentence of what
// the step does. Every array on its own symmetric colour scale, written in its caption.

import { element } from "./dom.js";
import { drawHeatmap } from "./heatmap.js";

// The steps, in order: the array, its formula, and what the step does.
export const STEPS = [
  [
    "dz2",
    "dz2 = A2 − Y",
    "How far each probability is from the truth (Y: 1 for the image's " +
      "class, 0 for the other): softmax and cross-entropy together give this plain difference.",
  ],
  [
    "dW2",
    "dW2 = dz2 A1ᵀ",
    "Each weight from a hidden unit to a class: that class's error " +
      "times the unit's activation, summed over the images.",
  ],
  ["db2", "db2 = row sums of dz2", "Each class's bias: its errors summed over the images."],
  [
    "dz1",
    "dz1 = (W2ᵀ dz2) × [z1 > 0]",
    "The errors flow back through W2 to the hidden units, " +
      "and only through the units that were active: where z1 ≤ 0, ReLU passes nothing (0).",
  ],
  [
    "dW1",
    "dW1 = dz1 x0ᵀ",
    "Each weight from a pixel to a hidden unit: the unit's error times " +
      "the pixel, summed over the images; a pixel at 0 adds nothing.",
  ],
  ["db1", "db1 = row sums of dz1", "Each hidden unit's bias: its errors summed over the images."],
];

/**
 * The view's elements: one figure per step, its canvas `replay-<name>` focusable like the
 * forward matrices', in a section hidden until its toggle button shows it.
 * @returns {{section: HTMLElement, toggle: HTMLButtonElement,
 *   canvases: Object<string, HTMLCanvasElement>, captions: Object<string, HTMLElement>,
 *   heading: HTMLElement}}
 */
export function buildBackwardView() {
  const canvases = {};
  const captions = {};
  const heading = element("p", { class: "replay-backward-intro" });
  const list = element("div", { class: "replay-backward-steps" });
  for (const [name, formula, sentence] of STEPS) {
    canvases[name] = element("canvas", {
      id: `replay-${name}`,
      tabindex: "0",
      role: "img",
      "aria-label": `${formula}; point at a cell, or focus it and use the arrow keys, to read it`,
    });
    captions[name] = element("span", { class: "replay-scale" });
    const caption = element("figcaption", {}, element("strong", {}, formula), " ", sentence);
    caption.append(" ", captions[name]);
    list.append(
      element("figure", { class: `replay-backward-step replay-${name}` }, caption, canvases[name]),
    );
  }
  const section = element(
    "section",
    { id: "replay-backward-view", hidden: "" },
    element("h2", {}, "The backward pass"),
    heading,
    list,
  );
  const toggle = element(
    "button",
    {
      type: "button",
      id: "replay-show-backward",
      "aria-pressed": "false",
      "aria-controls": "replay-backward-view",
    },
    "Show the backward pass",
  );
  return { section, toggle, canvases, captions, heading };
}

/** Show the view if hidden, hide it if shown, and say so on its button. */
export function toggleBackwardView(view) {
  const show = view.section.hidden;
  view.section.hidden = !show;
  view.toggle.setAttribute("aria-pressed", String(show));
  view.toggle.textContent = show ? "Hide the backward pass" : "Show the backward pass";
}

/**
 * Draw each step's array of `now` (Experiment.at(iteration)) with `table`, `cell` pixels a
 * cell; each canvas keeps its numbers in data-values (row by row) for the tests.
 */
export function drawBackwardView(view, now, { iteration, last, table, cell }) {
  view.heading.textContent = last
    ? `At iteration ${iteration}, the last: the gradients computed there (no update follows).`
    : `At iteration ${iteration}: the gradients the update to iteration ${iteration + 1} uses.`;
  for (const [name] of STEPS) {
    const array = now.backward[name];
    const limit = Math.max(1e-12, ...array.values.map(Math.abs));
    drawHeatmap(view.canvases[name], array.values, {
      rows: array.rows,
      cols: array.cols,
      cell,
      table,
      vmin: -limit,
      vmax: limit,
    });
    view.canvases[name].dataset.values = Array.from(array.values).join(" ");
    view.captions[name].textContent =
      `(${array.rows}×${array.cols}; colours from ` +
      `−${limit.toPrecision(2)}, blue, to +${limit.toPrecision(2)}, red)`;
  }
}
