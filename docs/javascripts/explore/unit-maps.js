// Each hidden unit's map: its activation over the plane, as plane-units.png draws it
// (one colour map diverging around 0, one scale for a layer's units), a row per layer,
// as TensorFlow Playground shows its units. Clicking or focusing a map explains its unit:
// its incoming weights and bias, and its formula with the numbers plugged in at the
// plane's cursor. The maps are one Tab stop; the arrow keys move between them.

import { element } from "./dom.js";
import { fixed } from "./format.js";
import { sumFormula } from "./formulas.js";
import { paintValues } from "./gridimage.js";
import { MOVES, isArrow } from "./keys.js";
import { entry } from "./matrix.js";
import { GRID } from "./plane-view.js";

/** The view's elements: the maps' rows (laid out by layoutUnitMaps) and the explanation. */
export function buildUnitMaps() {
  const view = { maps: [], selected: null };
  view.rows = element("div", { class: "playground-unit-rows" });
  // Not a live region (it changes every frame while the run plays): each map names it
  // as its description, read when the map is focused.
  view.explanation = element("div", { id: "playground-unit" });
  view.section = element(
    "section",
    { class: "playground-units", "aria-labelledby": "playground-units-title" },
    element("h2", { id: "playground-units-title" }, "Each hidden unit over the plane"),
    view.rows,
    view.explanation,
  );
  return view;
}

/**
 * Make a map for every hidden unit of a network with `hidden` units per layer.
 * @param {object} view buildUnitMaps'
 * @param {number[]} hidden
 * @param {function({layer: number, unit: number}): void} onSelect a unit was clicked or
 *   focused (layer and unit from 0)
 */
export function layoutUnitMaps(view, hidden, onSelect) {
  if (view.hidden?.join() === hidden.join()) return;
  view.hidden = [...hidden];
  view.maps = [];
  view.selected = null;
  const rows = hidden.map((units, layer) => {
    const buttons = Array.from({ length: units }, (_, unit) => {
      const canvas = element("canvas", { width: GRID, height: GRID });
      const button = element(
        "button",
        {
          type: "button",
          class: "playground-unit",
          tabindex: layer === 0 && unit === 0 ? "0" : "-1",
          "aria-pressed": "false",
          "aria-label": `layer ${layer + 1}, unit ${unit + 1}`,
          "aria-describedby": "playground-unit",
          "data-layer": String(layer),
          "data-unit": String(unit),
        },
        canvas,
      );
      const select = () => onSelect({ layer, unit });
      button.addEventListener("click", select);
      button.addEventListener("focus", select);
      button.addEventListener("keydown", (event) => moveFocus(view, event, layer, unit));
      view.maps.push({ layer, unit, button, canvas, image: new ImageData(GRID, GRID) });
      return button;
    });
    return element(
      "div",
      { class: "playground-unit-row" },
      element("span", { class: "playground-unit-layer" }, `layer ${layer + 1}`),
      ...buttons,
    );
  });
  view.rows.replaceChildren(...rows);
  showHint(view);
}

/** No unit explained: say how to pick one. */
function showHint(view) {
  view.explanation.replaceChildren(
    element(
      "p",
      {},
      "Click a unit's map (or Tab to the maps and use the arrow keys) to read its " +
        "weights and its formula, with the numbers at the plane's cursor plugged in.",
    ),
  );
}

/** An arrow key on a map moves the focus to the next map that way. */
function moveFocus(view, event, layer, unit) {
  if (!isArrow(event.key)) return;
  event.preventDefault();
  const [dl, du] = MOVES[event.key]; // the layers are the rows, their units the columns
  const to = Math.min(view.hidden.length - 1, Math.max(0, layer + dl));
  const target = Math.min(view.hidden[to] - 1, Math.max(0, unit + du));
  view.maps.find((map) => map.layer === to && map.unit === target).button.focus();
}

/**
 * Paint every unit's map, each layer's on one scale, −limit to limit, limit the size of
 * the layer's largest activation (plane-units.png has one scale for all: with tanh,
 * every layer's limit is near 1 as there; a ReLU layer's may be far from the next one's).
 * @param {object} view
 * @param {Float64Array[]} units (GRID * GRID,) per unit, layer by layer (gridForward's)
 * @param {Uint8ClampedArray} table colourBytes() of the units' colour map
 */
export function drawUnitMaps(view, units, table) {
  const limits = view.hidden.map(() => 0);
  view.maps.forEach((map, k) => {
    for (const v of units[k]) limits[map.layer] = Math.max(limits[map.layer], Math.abs(v));
  });
  view.maps.forEach((map, k) => {
    const limit = limits[map.layer] || 1;
    paintValues(map.image, units[k], table, -limit, limit);
    map.canvas.getContext("2d").putImageData(map.image, 0, 0);
  });
}

const ACTIVATION_TEXT = {
  relu: (z) => `max(0, ${z})`,
  tanh: (z) => `tanh(${z})`,
  sigmoid: (z) => `1 / (1 + exp(−(${z})))`,
};

/**
 * Select a unit (or none) and explain it at the cursor.
 * @param {object} view
 * @param {{layer: number, unit: number} | null} selected
 * @param {{run: import("./playground-run.js").PlaygroundRun, cursor: {x: number, y: number}}} now
 */
export function explainUnit(view, selected, { run, cursor }) {
  view.selected = selected;
  for (const map of view.maps) {
    const on = selected !== null && map.layer === selected.layer && map.unit === selected.unit;
    map.button.setAttribute("aria-pressed", String(on));
    if (selected) map.button.tabIndex = on ? 0 : -1;
  }
  if (selected === null) {
    showHint(view);
    return;
  }
  const { layer, unit } = selected;
  const [l, j] = [layer + 1, unit + 1];
  const { W, b } = run.model[2 * layer];
  const outputs = run.at(cursor.x, cursor.y);
  const input = outputs[2 * layer];
  const z = entry(outputs[2 * layer + 1], 0, unit);
  const h = entry(outputs[2 * layer + 2], 0, unit);
  const inputName = layer === 0 ? "x" : `h${layer}`;
  const weights = Array.from({ length: W.rows }, (_, i) => entry(W, i, unit));
  const at =
    `At the cursor, (x1, x2) = (${fixed(cursor.x)}, ${fixed(cursor.y)})` +
    (layer === 0
      ? `, which the network sees standardised: x = (${fixed(entry(input, 0, 0))}, ` +
        `${fixed(entry(input, 0, 1))}).`
      : ".");
  const activation = run.settings.activation;
  view.explanation.replaceChildren(
    element("h3", {}, `Layer ${l}, unit ${j}`),
    element(
      "p",
      { class: "playground-weights" },
      `Its ${W.rows} incoming weights W${l}[·, ${j}]: ${weights.map(fixed).join(", ")}; ` +
        `its bias b${l}[${j}] = ${fixed(entry(b, 0, unit))}.`,
    ),
    element("p", {}, at),
    sumFormula({
      lhs: `z${l}[${j}]`,
      symbolic: `Σi W${l}[i, ${j}] ${inputName}[i] + b${l}[${j}]`,
      pairs: weights.map((w, i) => [w, entry(input, 0, i)]),
      extra: entry(b, 0, unit),
      value: z,
      skipped: (n) => (layer === 0 ? `${n} terms are 0` : `the ${n} units at 0 add nothing`),
    }),
    element(
      "p",
      { class: "formula" },
      `h${l}[${j}] = ${ACTIVATION_TEXT[activation]("z")} = ` +
        `${ACTIVATION_TEXT[activation](fixed(z))} = `,
      element("span", { class: "result", "data-value": String(h) }, fixed(h)),
    ),
  );
}
