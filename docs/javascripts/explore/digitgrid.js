// A grid of pixels the reader paints with mouse, pen or finger (pointer events) or with
// the keyboard (a cursor cell), drawn as digits-samples.png draws digits: dark ink on white.

import { cellAt, colourOf, outlineCell } from "./heatmap.js";
import { isArrow, moveCell } from "./keys.js";
const PAINT_KEYS = new Set([" ", "Enter"]);
const ERASE_KEYS = new Set(["Delete", "Backspace"]);

/**
 * A paintable side x side grid on `canvas`. The keyboard moves a cursor cell with the
 * arrow keys; Space or Enter paints it, Delete or Backspace erases it, Shift+arrow paints
 * as it moves.
 * @param {HTMLCanvasElement} canvas
 * @param {{side: number, max: number, table: string[], onChange: (pixels: Float64Array) => void,
 *   onPaint: () => void,
 *   onCursor: (cursor: {row: number, col: number, value: number}) => void}} how
 *   max: the value of full ink; table: the ink colour table; onChange: after every stroke
 *   step; onPaint: the reader painted or erased; onCursor: the keyboard cursor moved or its
 *   cell changed (row, col from 0; value its ink)
 * @returns {{pixels: Float64Array, set: (pixels: ArrayLike<number>) => void, clear: () => void}}
 *   pixels: (side * side,) row by row
 */
export function createDigitGrid(canvas, { side, max, table, onChange, onPaint, onCursor }) {
  const cell = Math.max(4, Math.floor(320 / side));
  const pixels = new Float64Array(side * side);
  const cursor = { row: Math.floor(side / 2), col: Math.floor(side / 2) };
  let showCursor = false; // only while the keyboard is in use: a mouse needs no cursor
  canvas.width = canvas.height = side * cell;
  canvas.tabIndex = 0;

  const draw = () => {
    const context = canvas.getContext("2d");
    for (let k = 0; k < pixels.length; k += 1) {
      context.fillStyle = colourOf(pixels[k], table, 0, max);
      context.fillRect((k % side) * cell, Math.floor(k / side) * cell, cell, cell);
    }
    if (showCursor) outlineCell(canvas, cursor, cell);
  };
  const changed = () => {
    draw();
    onChange(pixels);
  };
  const tellCursor = () => onCursor({ ...cursor, value: pixels[cursor.row * side + cursor.col] });

  // A brush a pixel wide, with half ink on its four neighbours: strokes as thick as the
  // dataset's, so the models see digits like the ones they learned.
  const paint = (event) => {
    const at = cellAt(canvas, event, side, side);
    if (!at) return;
    const spots = [
      [0, 0, 1],
      [1, 0, 0.5],
      [-1, 0, 0.5],
      [0, 1, 0.5],
      [0, -1, 0.5],
    ];
    for (const [dr, dc, ink] of spots) {
      const r = at.row + dr;
      const c = at.col + dc;
      if (r >= 0 && r < side && c >= 0 && c < side)
        pixels[r * side + c] = Math.max(pixels[r * side + c], ink * max);
    }
    changed();
  };
  let painting = false;
  canvas.addEventListener("pointerdown", (event) => {
    painting = true;
    showCursor = false;
    canvas.setPointerCapture(event.pointerId);
    onPaint();
    paint(event);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (painting) paint(event);
  });
  const end = () => {
    painting = false;
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);

  // The keyboard sets one cell at a time, to full ink or none: a precise tool, where the
  // mouse's brush is a quick one.
  const setCursorCell = (ink) => {
    pixels[cursor.row * side + cursor.col] = ink;
    onPaint();
    changed();
  };
  canvas.addEventListener("keydown", (event) => {
    if (isArrow(event.key)) {
      Object.assign(cursor, moveCell(cursor, event.key, side, side));
    } else if (!PAINT_KEYS.has(event.key) && !ERASE_KEYS.has(event.key)) {
      return; // Tab and the rest keep their usual jobs
    }
    event.preventDefault(); // no scrolling, no button press, no navigating back
    showCursor = true;
    if (ERASE_KEYS.has(event.key)) setCursorCell(0);
    else if (PAINT_KEYS.has(event.key) || event.shiftKey) setCursorCell(max);
    else draw();
    tellCursor();
  });
  canvas.addEventListener("focus", () => {
    showCursor = canvas.matches(":focus-visible");
    draw();
    if (showCursor) tellCursor();
  });
  canvas.addEventListener("blur", () => {
    showCursor = false;
    draw();
  });

  draw();
  return {
    pixels,
    set(values) {
      pixels.set(values);
      changed();
    },
    clear() {
      pixels.fill(0);
      changed();
    },
  };
}
