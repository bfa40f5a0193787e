// Setting the selected weight or bias to a value the reader types: the edit box, what it
// edits and how, and the keys into it from a matrix (Enter, or just typing the value) and
// back (Enter or Escape), so a keyboard sets a value as a mouse does.

import { element } from "./dom.js";
import { entry } from "./matrix.js";
import { PARAMETERS } from "./train.js";

/**
 * The view's elements: a label, a number box and a sentence of help.
 * @param {number} nudge the box's step, what + and − add to the value
 */
export function buildEditor(nudge) {
  const view = {};
  view.label = element("label", { for: "replay-edit" }, "");
  view.input = element("input", {
    type: "number",
    id: "replay-edit",
    step: String(nudge),
    inputmode: "decimal",
    "aria-describedby": "replay-edit-help",
  });
  view.help = element("p", { id: "replay-edit-help" }, "");
  view.section = element("div", { id: "replay-editor" }, view.label, view.input, view.help);
  return view;
}

/**
 * Call `onValue(value)` for each number typed, and `onDone()` when Enter or Escape leaves
 * the box (the page then focuses the matrix again).
 */
export function watchEditor(view, { onValue, onDone }) {
  view.input.addEventListener("input", () => {
    const value = Number(view.input.value);
    if (view.input.value.trim() !== "" && Number.isFinite(value)) onValue(value);
  });
  view.input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== "Escape") return;
    event.preventDefault();
    onDone();
  });
}

/**
 * Show what the box edits: `selected`, a cell of a parameter, at `iteration`, where the
 * parameters are `params`; `branchFrom`: where the branch starts if edits must be made
 * there instead (the page is past it), else null. Without a parameter's cell, it hides.
 * @param {object} view buildEditor's
 * @param {{name: string, row: number, col: number} | null} selected
 * @param {{params: object, iteration: number, branchFrom: number | null}} at
 */
export function drawEditor(view, selected, { params, iteration, branchFrom }) {
  const editable = selected !== null && PARAMETERS.includes(selected.name);
  view.input.disabled = !editable || branchFrom !== null;
  view.input.hidden = !editable;
  if (!editable) {
    view.label.textContent = "Edit a weight";
    view.help.textContent =
      "Click a cell of W1, b1, W2 or b2 to set its value (keyboard: Tab to the matrix, " +
      "arrow keys to the cell, then type).";
    view.input.value = "";
    return;
  }
  const { name, row, col } = selected;
  const where = name.startsWith("b") ? `${row + 1}` : `${row + 1}, ${col + 1}`;
  view.label.textContent = `Set ${name}[${where}] at iteration ${iteration} to`;
  // Not while the reader types: the box keeps what they typed ("1." on the way to "1.5").
  if (document.activeElement !== view.input) {
    const value = entry(params[name], row, col);
    view.input.value = String(Number(value.toPrecision(6)));
  }
  view.help.textContent =
    branchFrom !== null
      ? `Entries are edited where a branch starts: go back to iteration ${branchFrom}, or Reset.`
      : "Type a value or nudge it with + and −: the page recomputes and trains on from " +
        "here. On the matrix, a digit or Enter starts typing; Enter or Escape goes back.";
}

/**
 * A key typed on a matrix's selected cell: Enter moves to the box with the value selected
 * (typing replaces it, the arrow keys step it); a digit or a point starts a new value,
 * which the browser types into the box (focus moves before the key's character lands).
 * @param {object} view buildEditor's
 * @param {string} key "Enter", "0".."9" or "."
 * @returns {boolean} whether the box took the key (it does not while disabled)
 */
export function startTyping(view, key) {
  if (view.input.disabled || view.input.hidden) return false;
  view.input.focus();
  if (key === "Enter") view.input.select();
  else view.input.value = "";
  return true;
}
