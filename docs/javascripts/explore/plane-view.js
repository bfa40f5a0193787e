// The plane: the network's boundary (each point of a GRID x GRID grid coloured by its
// predicted class, paler where the network is less sure, as the part's figures shade it),
// the training points solid and the validation points faint on top, and a cursor. The
// reader places points of a chosen class, and removes them, with the mouse, a finger or
// the keyboard (the arrow keys move the cursor, Enter places, Delete removes); the
// cursor is also where the unit view evaluates its formula. Under the plane, the
// boundary's state in words: the accuracy on each class.

import { element } from "./dom.js";
import { percent } from "./format.js";
import { paintClasses } from "./gridimage.js";
import { MOVES, isArrow } from "./keys.js";

export const GRID = 100; // points per side of the boundary's grid
const STEPS = 20; // cursor steps across the plane
// A point's radius in CSS pixels (up to the export's few_points points; fewer, smaller,
// beyond), and a placed point's: the reader aims at it to remove it.
const RADIUS = 4;
const PLACED_RADIUS = 6;
const REACH = 10; // how near (CSS pixels) a click must be to a point to remove it
const PLACE_KEYS = new Set(["Enter", " "]);
const REMOVE_KEYS = new Set(["Delete", "Backspace"]);

/** The view's elements. */
export function buildPlaneView() {
  const view = { cursor: { x: 0, y: 0 }, showCursor: false, placing: false };
  view.boundary = element("canvas", { id: "playground-boundary", width: GRID, height: GRID });
  view.boundary.setAttribute("aria-hidden", "true"); // the points canvas over it speaks
  view.points = element("canvas", {
    id: "playground-plane",
    tabindex: "0",
    role: "application",
    "aria-roledescription": "plane",
    "aria-label": "the plane, coloured by the class the network predicts",
    "aria-describedby": "playground-summary playground-cursor",
  });
  view.image = new ImageData(GRID, GRID);
  view.axes = element("p", { class: "playground-axes" });
  view.summary = element("p", { id: "playground-summary", class: "playground-summary" });
  view.cursorText = element("p", { id: "playground-cursor", "aria-live": "polite" });
  view.section = element(
    "figure",
    { class: "playground-plane" },
    element("div", { class: "playground-plane-box" }, view.boundary, view.points),
    view.axes,
    view.cursorText,
    view.summary,
  );
  return view;
}

/**
 * Paint the boundary from the grid's classes and probabilities (stack.js's gridForward).
 * @param {object} view buildPlaneView's
 * @param {{classes: Uint8Array, probability: Float64Array}} grid (GRID * GRID,) each
 * @param {Uint8ClampedArray[]} tables colourBytes() of each class's shades
 */
export function drawBoundary(view, grid, tables) {
  paintClasses(view.image, grid.classes, grid.probability, tables);
  view.boundary.getContext("2d").putImageData(view.image, 0, 0);
}

/** Where a point in the data's units is on the canvas, in CSS pixels, and back. */
function scales(box, size) {
  return {
    toPixel: (x, y) => [
      ((x - box.xmin) / (box.xmax - box.xmin)) * size,
      ((box.ymax - y) / (box.ymax - box.ymin)) * size,
    ],
    toPlane: (px, py) => [
      box.xmin + (px / size) * (box.xmax - box.xmin),
      box.ymax - (py / size) * (box.ymax - box.ymin),
    ],
  };
}

/**
 * Draw the points of `data` (the validation set faint, the training set solid with a
 * white rim, as the figures do, smaller in a crowd) and the cursor.
 * @param {object} view
 * @param {import("./playground-data.js").Dataset} data
 * @param {{class_colours: string[], valid_alpha: number, few_points: number}} colours
 */
export function drawPoints(view, data, colours) {
  const canvas = view.points;
  const size = canvas.clientWidth || 400;
  const density = window.devicePixelRatio || 1;
  canvas.width = canvas.height = Math.round(size * density);
  const context = canvas.getContext("2d");
  context.scale(density, density);
  const { box } = data;
  const { toPixel } = scales(box, size);
  const span = (low, high) => `${low.toFixed(2)} to ${high.toFixed(2)}`;
  view.axes.textContent =
    `x1 from ${span(box.xmin, box.xmax)}, left to right; ` +
    `x2 from ${span(box.ymin, box.ymax)}, bottom to top.`;
  const crowd = data.train.labels.length + data.valid.labels.length;
  const full = data.name === "points" ? PLACED_RADIUS : RADIUS;
  const radius = full * Math.min(1, (colours.few_points / Math.max(crowd, 1)) ** 0.25);
  const dots = (split, faint) => {
    context.globalAlpha = faint ? colours.valid_alpha : 1;
    context.strokeStyle = "#fff";
    context.lineWidth = faint ? 0 : Math.max(0.5, radius / 4);
    split.labels.forEach((label, i) => {
      const [px, py] = toPixel(split.points.values[2 * i], split.points.values[2 * i + 1]);
      context.fillStyle = colours.class_colours[label];
      context.beginPath();
      context.arc(px, py, radius, 0, 2 * Math.PI);
      context.fill();
      if (!faint) context.stroke();
    });
  };
  dots(data.valid, true);
  dots(data.train, false);
  context.globalAlpha = 1;
  if (view.showCursor) {
    const [px, py] = toPixel(view.cursor.x, view.cursor.y);
    for (const [colour, width] of [["#000", 3], ["#fff", 1.5]]) {
      context.strokeStyle = colour;
      context.lineWidth = width;
      context.beginPath();
      context.moveTo(px - 9, py);
      context.lineTo(px + 9, py);
      context.moveTo(px, py - 9);
      context.lineTo(px, py + 9);
      context.stroke();
    }
  }
}

/**
 * Say in words how the network does on each class of the training and validation sets.
 * @param {object} view
 * @param {{epoch: number, train: {right: number, total: number}[],
 *   valid: {right: number, total: number}[], title: string}} now
 */
export function describeBoundary(view, { epoch, train, valid, title }) {
  const part = (counts, what) => {
    const total = counts.reduce((sum, c) => sum + c.total, 0);
    if (total === 0) return `no ${what} points`;
    const right = counts.reduce((sum, c) => sum + c.right, 0);
    const classes = counts
      .map((c, k) => `class ${k} ${c.right} of ${c.total}`)
      .join(", ");
    return `${what} accuracy ${percent(right / total)} (${classes})`;
  };
  view.summary.textContent =
    `${title}, epoch ${epoch}: ${part(train, "training")}; ${part(valid, "validation")}.`;
}

/**
 * The cursor's place in words, after what was just done there, with what the keys do
 * there while placing.
 * @param {object} view
 * @param {string} done e.g. "Placed a point of class 1 at (0.30, 0.20): 5 of 100."
 * @param {string} placedClass the class Enter places
 */
export function sayCursor(view, done, placedClass) {
  const { x, y } = view.cursor;
  const where = `Cursor at x1 = ${x.toFixed(2)}, x2 = ${y.toFixed(2)}.`;
  const keys = view.placing
    ? ` Enter places a point of class ${placedClass} there, Delete removes the nearest.`
    : "";
  view.cursorText.textContent = `${done}${done ? " " : ""}${where}${keys}`;
}

/**
 * Follow the pointer and the keys on the plane. The cursor follows the pointer (unseen),
 * and moves a step (a twentieth of the plane) per arrow key (drawn). While placing
 * (view.placing), a click or a tap places a point where it lands, or removes the point it
 * lands on; Enter or Space places one at the cursor, Delete or Backspace removes the one
 * nearest it within a step.
 * @param {object} view
 * @param {{box: function(): import("./playground-data.js").Box,
 *   placed: function(): {x: number, y: number}[], onCursor: function(boolean): void,
 *   onPlace: function(number, number): void, onRemove: function(number): void}} how
 *   box: the plane's; placed: the points placed; onCursor(redraw): the cursor moved or
 *   was shown or hidden, redraw: whether it is or was drawn (the points canvas changes)
 */
export function watchPlane(view, { box, placed, onCursor, onPlace, onRemove }) {
  const canvas = view.points;
  const where = (event) => {
    const rect = canvas.getBoundingClientRect();
    const [px, py] = [event.clientX - rect.left, event.clientY - rect.top];
    return { px, py, size: rect.width, ...scales(box(), rect.width) };
  };
  /** Show the cursor or not; whether it is or was drawn. */
  const show = (on) => {
    const was = view.showCursor;
    view.showCursor = on;
    return was || on;
  };
  const moveTo = (x, y, redraw) => {
    const b = box();
    view.cursor = {
      x: Math.min(b.xmax, Math.max(b.xmin, x)),
      y: Math.min(b.ymax, Math.max(b.ymin, y)),
    };
    onCursor(redraw);
  };
  /** The placed point nearest (px, py), if within `reach` CSS pixels: its index, or -1. */
  const nearest = (px, py, reach, toPixel) => {
    let [best, distance] = [-1, reach];
    placed().forEach((point, k) => {
      const [qx, qy] = toPixel(point.x, point.y);
      const d = Math.hypot(qx - px, qy - py);
      if (d <= distance) [best, distance] = [k, d];
    });
    return best;
  };
  canvas.addEventListener("pointermove", (event) => {
    const { px, py, toPlane } = where(event);
    moveTo(...toPlane(px, py), show(false));
  });
  canvas.addEventListener("pointerdown", (event) => {
    if (!view.placing) return;
    event.preventDefault(); // a tap places a point: no scrolling, no double-tap zoom
    const { px, py, toPlane, toPixel } = where(event);
    const hit = nearest(px, py, REACH, toPixel);
    if (hit >= 0) onRemove(hit);
    else onPlace(...toPlane(px, py));
  });
  canvas.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const b = box();
    const step = [(b.xmax - b.xmin) / STEPS, (b.ymax - b.ymin) / STEPS];
    if (isArrow(event.key)) {
      const [down, right] = MOVES[event.key]; // up the screen is x2 growing
      moveTo(view.cursor.x + right * step[0], view.cursor.y - down * step[1], show(true));
    } else if (view.placing && PLACE_KEYS.has(event.key)) {
      view.showCursor = true;
      onPlace(view.cursor.x, view.cursor.y);
    } else if (view.placing && REMOVE_KEYS.has(event.key)) {
      view.showCursor = true;
      const size = canvas.getBoundingClientRect().width || 400;
      const { toPixel } = scales(b, size);
      const [px, py] = toPixel(view.cursor.x, view.cursor.y);
      onRemove(nearest(px, py, size / STEPS, toPixel));
    } else {
      return; // Tab and the rest keep their usual jobs
    }
    event.preventDefault();
  });
  canvas.addEventListener("focus", () => onCursor(show(canvas.matches(":focus-visible"))));
  canvas.addEventListener("blur", () => onCursor(show(false)));
}
