// The box that explains the cell being explored: the edit box, the cell's value and the
// formula behind it with the numbers plugged in, and the incoming weights of the hidden
// unit it belongs to as the image the unit responds to. Beside the matrices on a desktop;
// on a phone, where they fill the width, right under the row of the cell explored.

import { element } from "./dom.js";
import { explainCell } from "./formulas.js";
import { drawHeatmap } from "./heatmap.js";
import { entry } from "./matrix.js";

// explore.css's phone layout: the matrices fill the width, one or two to a row.
const PHONE = "(max-width: 44em)";
// On a phone, how much of the explanation a keyboard brings in sight with its matrix (the
// cell's name, value, gradient and the formula's first line), and the room the site's
// header (48 px) takes at the top of the screen.
const FIRST_LINES = 200;
const HEADER = 60;

/**
 * The view's elements, around the edit box `editor` (editor.js).
 * @param {{section: HTMLElement}} editor
 */
export function buildExplainer(editor) {
  const view = { unit: 0 }; // unit: the hidden unit whose weights are drawn
  view.inspector = element("div", { id: "replay-inspector", "aria-live": "polite" });
  view.weights = element("canvas", {
    id: "replay-unit",
    role: "img",
    "aria-label": "incoming weights of the hidden unit",
  });
  view.caption = element("figcaption", {}, "");
  view.section = element(
    "div",
    { class: "replay-side" },
    editor.section,
    view.inspector,
    element("figure", { class: "replay-unit" }, view.caption, view.weights),
  );
  return view;
}

/** The hidden unit a cell belongs to, or null: W1's, b1's and A1's rows, W2's columns. */
function unitOf({ name, row, col }) {
  if (["W1", "b1", "A1"].includes(name)) return row;
  return name === "W2" ? col : null;
}

/**
 * Explain `cell` of `now` (Experiment.at(iteration)), or say how to pick one.
 * @param {object} view buildExplainer's
 * @param {{name: string, row: number, col: number} | null} cell
 * @param {object} now
 * @param {{context: object, side: number, table: string[], limit: number}} how context:
 *   formulas.js's; side: the images' side (3); the weights' colours: table from −limit to limit
 */
export function drawExplainer(view, cell, now, { context, side, table, limit }) {
  view.inspector.replaceChildren(
    ...(cell
      ? explainCell(cell, now, context)
      : [
          element(
            "p",
            {},
            "Point at a cell (or focus a matrix and use the arrow keys) to " +
              "read its value and the formula behind it, with the numbers plugged in.",
          ),
        ]),
  );
  view.unit = (cell && unitOf(cell)) ?? view.unit;
  // Pixels are numbered column by column (1_1, 1_2, ...): weight col * side + row.
  const weights = Array.from({ length: side * side }, (_, k) =>
    entry(now.params.W1, view.unit, (k % side) * side + Math.floor(k / side)),
  );
  drawHeatmap(view.weights, weights, {
    rows: side,
    cols: side,
    cell: 40,
    table,
    vmin: -limit,
    vmax: limit,
  });
  view.caption.textContent =
    `Hidden unit ${view.unit + 1}: its ${side * side} incoming ` +
    `weights as the ${side}×${side} image it responds to`;
}

/**
 * Put the box where the reader looks: on a phone, right under the row of figures holding
 * `canvas` (the matrix explored), in the same grid; elsewhere (or with nothing explored)
 * where the page put it first. The page does not jump: the explored canvas stays where it
 * was on the screen. On a phone, a matrix the keyboard has just reached is scrolled up,
 * if need be and as far as it stays in sight, to show the explanation's first lines too.
 * @param {object} view buildExplainer's
 * @param {HTMLCanvasElement | null} canvas
 */
export function placeExplainer(view, canvas) {
  const phone = canvas !== null && window.matchMedia(PHONE).matches;
  const newly = canvas !== view.explored;
  view.explored = canvas;
  moveExplainer(view, canvas, phone);
  // Once per matrix, and for the keyboard alone: a pointer's click must land where it was
  // aimed, and a reader scrolling away while the run plays is not scrolled back.
  if (phone && newly && canvas.matches(":focus-visible")) {
    const hidden = view.inspector.getBoundingClientRect().top + FIRST_LINES - window.innerHeight;
    const room = canvas.getBoundingClientRect().top - HEADER;
    if (hidden > 0 && room > 0) window.scrollBy(0, Math.min(hidden, room));
  }
}

/** Move the box under `canvas`'s row on a phone, home otherwise, keeping `canvas` still. */
function moveExplainer(view, canvas, phone) {
  const { section } = view;
  view.home ??= { parent: section.parentElement, next: section.nextSibling };
  let after = null; // the figure to follow; null: home
  if (phone) {
    // The last figure on the explored one's row: it starts above the explored one's end.
    const figure = canvas.closest("figure");
    const bottom = figure.getBoundingClientRect().bottom;
    after = figure;
    for (let next = figure.nextElementSibling; next; next = next.nextElementSibling) {
      if (next === section) continue;
      if (next.getBoundingClientRect().top >= bottom) break;
      after = next;
    }
  }
  const placed = after
    ? section.previousElementSibling === after
    : section.parentElement === view.home.parent;
  if (placed) return;
  const top = canvas?.getBoundingClientRect().top;
  if (after) after.after(section);
  else view.home.parent.insertBefore(section, view.home.next);
  if (canvas) window.scrollBy(0, canvas.getBoundingClientRect().top - top);
}
