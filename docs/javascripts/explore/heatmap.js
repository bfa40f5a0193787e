// A matrix drawn as coloured cells on a canvas, with matplotlib's colour tables (exported
// by scratchnet.explore.colours) and fixed scales, so a cell has its colour in the GIF.

/**
 * The colour matplotlib gives `value` on the scale vmin..vmax: entry floor(t * N) of the
 * N-entry table, t = (value - vmin) / (vmax - vmin), clipped to the table's ends.
 * @param {number} value
 * @param {string[]} table N colours "#rrggbb"
 * @param {number} vmin
 * @param {number} vmax
 * @returns {string}
 */
export function colourOf(value, table, vmin, vmax) {
  const t = (value - vmin) / (vmax - vmin);
  const index = Math.min(table.length - 1, Math.max(0, Math.floor(t * table.length)));
  return table[index];
}

/**
 * Draw the matrix `values` (rows x cols, row-major) on `canvas`, `cell` pixels a cell.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values length rows * cols
 * @param {{rows: number, cols: number, cell: number, table: string[],
 *   vmin: number, vmax: number}} how
 */
export function drawHeatmap(canvas, values, { rows, cols, cell, table, vmin, vmax }) {
  canvas.width = cols * cell;
  canvas.height = rows * cell;
  const context = canvas.getContext("2d");
  for (let row = 0; row < rows; row += 1) {
    for (let col = 0; col < cols; col += 1) {
      context.fillStyle = colourOf(values[row * cols + col], table, vmin, vmax);
      context.fillRect(col * cell, row * cell, cell, cell);
    }
  }
}

/**
 * Outline one cell (the one a reader points at).
 * @param {HTMLCanvasElement} canvas
 * @param {{row: number, col: number}} at
 * @param {number} cell pixels per cell
 */
export function outlineCell(canvas, { row, col }, cell) {
  const context = canvas.getContext("2d");
  context.lineWidth = 2;
  context.strokeStyle = "#000";
  context.strokeRect(col * cell + 1, row * cell + 1, cell - 2, cell - 2);
  context.strokeStyle = "#fff";
  context.lineWidth = 1;
  context.strokeRect(col * cell + 2.5, row * cell + 2.5, cell - 5, cell - 5);
}

/**
 * The cell under a pointer event, however CSS scales the canvas, or null outside it.
 * @param {HTMLCanvasElement} canvas
 * @param {PointerEvent | MouseEvent} event
 * @param {number} rows
 * @param {number} cols
 * @returns {{row: number, col: number} | null}
 */
export function cellAt(canvas, event, rows, cols) {
  const box = canvas.getBoundingClientRect();
  const col = Math.floor(((event.clientX - box.left) / box.width) * cols);
  const row = Math.floor(((event.clientY - box.top) / box.height) * rows);
  return row >= 0 && row < rows && col >= 0 && col < cols ? { row, col } : null;
}

/**
 * A horizontal colour bar of `table` from vmin to vmax, with both ends written under it.
 * @param {HTMLCanvasElement} canvas
 * @param {string[]} table
 * @param {number} vmin
 * @param {number} vmax
 */
export function drawColourBar(canvas, table, vmin, vmax) {
  const width = 160;
  canvas.width = width;
  canvas.height = 30;
  const context = canvas.getContext("2d");
  for (let x = 0; x < width; x += 1) {
    context.fillStyle = colourOf(vmin + ((x + 0.5) / width) * (vmax - vmin), table, vmin, vmax);
    context.fillRect(x, 0, 1, 12);
  }
  context.fillStyle = "#333";
  context.font = "11px sans-serif";
  context.textBaseline = "top";
  context.textAlign = "left";
  context.fillText(vmin.toFixed(2), 0, 15);
  context.textAlign = "right";
  context.fillText(vmax.toFixed(2), width, 15);
}
