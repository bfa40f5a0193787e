// The arrow keys as moves on a grid of cells, for every view a reader steps through.

// A move by key: [rows, columns] (down the rows, right along the columns).
export const MOVES = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Whether `key` (a KeyboardEvent's key) is an arrow key. */
export const isArrow = (key) => key in MOVES;

/**
 * The cell an arrow key moves to from `at`, kept inside a rows x cols grid.
 * @param {{row: number, col: number}} at
 * @param {string} key an arrow key's name (isArrow)
 * @param {number} rows
 * @param {number} cols
 * @returns {{row: number, col: number}}
 */
export function moveCell({ row, col }, key, rows, cols) {
  const [dr, dc] = MOVES[key];
  return {
    row: Math.min(rows - 1, Math.max(0, row + dr)),
    col: Math.min(cols - 1, Math.max(0, col + dc)),
  };
}
