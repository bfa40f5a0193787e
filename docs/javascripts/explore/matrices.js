// The network at an iteration: W1, b1, A1, W2, b2 and A2 drawn as the training animation
// draws them (its colour maps, its fixed scales), A2 with each training image's
// prediction as a dot, green if right and red if wrong, and the three colour scales.

import { element } from "./dom.js";
import { drawColourBar, drawHeatmap } from "./heatmap.js";
import { predict } from "./train.js";

// Canvas pixels per matrix cell (CSS scales the canvas to the page).
export const CELL = 20;

// The matrices, by the colour scale they use and their caption.
export const PANELS = {
  W1: { role: "parameter", title: "W1: hidden unit × input pixel" },
  b1: { role: "parameter", title: "b1" },
  A1: { role: "activation", title: "A1 = ReLU(z1): hidden unit × training image" },
  W2: { role: "parameter", title: "W2: class × hidden unit" },
  b2: { role: "parameter", title: "b2" },
  A2: { role: "probability", title: "A2 = softmax(z2): class × training image; dot = prediction" },
};

const SCALES = [
  ["parameter", "parameter value"],
  ["activation", "activation"],
  ["probability", "probability"],
];

/**
 * The view's elements: a focusable canvas per matrix, in a figure, and the colour bars.
 * @returns {{panels: HTMLElement, bars: HTMLElement,
 *   canvases: Object<string, HTMLCanvasElement>, barCanvases: Object<string, HTMLCanvasElement>}}
 */
export function buildMatrices() {
  const canvases = {};
  const panels = element("div", { class: "replay-panels" });
  for (const [name, { title }] of Object.entries(PANELS)) {
    canvases[name] = element("canvas", {
      id: `replay-${name}`,
      tabindex: "0",
      role: "img",
      "aria-label": `${title}; point at a cell, or focus it and use the arrow keys, to read it`,
    });
    panels.append(
      element(
        "figure",
        { class: `replay-panel replay-${name}` },
        element("figcaption", {}, title),
        canvases[name],
      ),
    );
  }
  const barCanvases = {};
  const bars = element("div", { class: "replay-colour-bars" });
  for (const [role, label] of SCALES) {
    barCanvases[role] = element("canvas", {
      role: "img",
      "aria-label": `colour scale of ${label}`,
    });
    bars.append(element("figure", {}, element("figcaption", {}, label), barCanvases[role]));
  }
  return { panels, bars, canvases, barCanvases };
}

/**
 * Draw every matrix of `now` (Experiment.at(iteration)) and the colour bars; A2's canvas
 * keeps in data-right how many images are classified right, for the tests.
 * @param {object} view buildMatrices'
 * @param {object} now its params and forward pass: W1 (6, 9), b1 (6, 1), A1 (6, m), ...
 * @param {{scales: Object<string, number[]>, maps: object, named: object, labels: number[]}} how
 *   scales: [vmin, vmax] by role; maps: the colour tables by role; named: named colours
 * @returns {number} how many training images are classified right
 */
export function drawMatrices(view, now, { scales, maps, named, labels }) {
  for (const [name, { role }] of Object.entries(PANELS)) {
    const array = now.params[name] ?? now.forward[name];
    const [vmin, vmax] = scales[role];
    drawHeatmap(view.canvases[name], array.values, {
      rows: array.rows,
      cols: array.cols,
      cell: CELL,
      table: maps[role].table,
      vmin,
      vmax,
    });
  }
  for (const [role] of SCALES) {
    drawColourBar(view.barCanvases[role], maps[role].table, ...scales[role]);
  }
  const context = view.canvases.A2.getContext("2d");
  const predicted = predict(now.forward.A2);
  predicted.forEach((c, image) => {
    context.beginPath();
    context.arc((image + 0.5) * CELL, (c + 0.5) * CELL, CELL * 0.3, 0, 2 * Math.PI);
    context.fillStyle = c === labels[image] ? named.correct : named.wrong;
    context.strokeStyle = "#fff";
    context.lineWidth = 1.5;
    context.fill();
    context.stroke();
  });
  const right = predicted.filter((c, image) => c === labels[image]).length;
  view.canvases.A2.dataset.right = String(right);
  return right;
}
