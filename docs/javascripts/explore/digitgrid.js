// A grid of pixels the reader paints with mouse, pen or finger (pointer events), drawn
// as digits-samples.png draws digits: dark ink on white.

import { colourOf } from "./heatmap.js";

/**
 * A paintable side x side grid on `canvas`.
 * @param {HTMLCanvasElement} canvas
 * @param {{side: number, max: number, table: string[], onChange: (pixels: Float64Array) => void}} how
 *   max: the value of full ink; table: the ink colour table; onChange: after every stroke step
 * @returns {{pixels: Float64Array, set: (pixels: ArrayLike<number>) => void, clear: () => void}}
 *   pixels: (side * side,) row by row
 */
export function createDigitGrid(canvas, { side, max, table, onChange }) {
  const cell = Math.max(4, Math.floor(320 / side));
  const pixels = new Float64Array(side * side);
  canvas.width = canvas.height = side * cell;

  const draw = () => {
    const context = canvas.getContext("2d");
    for (let k = 0; k < pixels.length; k += 1) {
      context.fillStyle = colourOf(pixels[k], table, 0, max);
      context.fillRect((k % side) * cell, Math.floor(k / side) * cell, cell, cell);
    }
  };
  const changed = () => {
    draw();
    onChange(pixels);
  };

  // A brush a pixel wide, with half ink on its four neighbours: strokes as thick as the
  // dataset's, so the models see digits like the ones they learned.
  const paint = (event) => {
    const box = canvas.getBoundingClientRect();
    const col = Math.floor(((event.clientX - box.left) / box.width) * side);
    const row = Math.floor(((event.clientY - box.top) / box.height) * side);
    const spots = [[0, 0, 1], [1, 0, 0.5], [-1, 0, 0.5], [0, 1, 0.5], [0, -1, 0.5]];
    for (const [dr, dc, ink] of spots) {
      const r = row + dr;
      const c = col + dc;
      if (r >= 0 && r < side && c >= 0 && c < side) pixels[r * side + c] = Math.max(pixels[r * side + c], ink * max);
    }
    changed();
  };
  let painting = false;
  canvas.addEventListener("pointerdown", (event) => {
    painting = true;
    canvas.setPointerCapture(event.pointerId);
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
