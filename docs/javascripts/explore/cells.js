// Which cell of the replay page's matrices the reader explores: the one pointed at
// (explained), and the one clicked or reached with the keyboard (explained and edited).
// On a focused matrix the arrow keys move between cells, + and − nudge a weight, and Enter
// or a digit starts typing one.

import { cellAt } from "./heatmap.js";
import { isArrow, moveCell } from "./keys.js";

/**
 * Follow the pointer, clicks, focus and keys on `canvases`; each draws a matrix `cell`
 * canvas pixels a cell (so its rows and columns are its size over `cell`).
 * @param {Object<string, HTMLCanvasElement>} canvases by the name of the array drawn
 * @param {{cell: number, editable: function(string): boolean, onChange: function(): void,
 *   onNudge: function(number): void, onType: function(string): void}} how
 *   editable: whether an array's cells can be edited; onChange: the cells changed;
 *   onNudge(+1 or −1) and onType(key) act on the selected cell
 * @returns {{pointed: object | null, selected: object | null}} the cells, kept current:
 *   {name, row, col} (row, col from 0)
 */
export function watchCells(canvases, { cell, editable, onChange, onNudge, onType }) {
  const cells = { pointed: null, selected: null };
  const point = (at, { select = false } = {}) => {
    cells.pointed = at;
    if (select) cells.selected = at;
    onChange();
  };
  for (const [name, canvas] of Object.entries(canvases)) {
    const rows = () => canvas.height / cell;
    const cols = () => canvas.width / cell;
    const under = (event) => {
      const at = cellAt(canvas, event, rows(), cols());
      return at && { name, ...at };
    };
    canvas.addEventListener("pointermove", (event) => {
      const at = under(event);
      const { pointed } = cells;
      const same = pointed?.name === name && pointed.row === at?.row && pointed.col === at?.col;
      if (at && !same) point(at);
    });
    canvas.addEventListener("pointerleave", () => {
      if (cells.selected) point(cells.selected);
    });
    canvas.addEventListener("click", (event) => {
      const at = under(event);
      if (at) point(at, { select: true });
    });
    canvas.addEventListener("focus", () => {
      const { selected } = cells;
      point(selected?.name === name ? selected : { name, row: 0, col: 0 }, { select: true });
    });
    canvas.addEventListener("keydown", (event) => {
      const { pointed, selected } = cells;
      if (pointed?.name !== name || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isArrow(event.key)) {
        event.preventDefault();
        point({ name, ...moveCell(pointed, event.key, rows(), cols()) }, { select: true });
      } else if (!editable(name) || selected?.name !== name) {
        return;
      } else if (event.key === "+" || event.key === "-") {
        event.preventDefault();
        onNudge(event.key === "+" ? 1 : -1);
      } else if (event.key === "Enter" || /^[0-9.]$/.test(event.key)) {
        // Not prevented for a digit: the box the focus moves to receives it.
        if (event.key === "Enter") event.preventDefault();
        onType(event.key);
      }
    });
  }
  return cells;
}
