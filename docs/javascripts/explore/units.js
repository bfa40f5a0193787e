// What each hidden unit responds to: its activation on every one of the 2^9 = 512
// black-and-white 3x3 images, sorted, with the images it fires for most, so a reader sees
// at a glance "this unit fires for a lit middle column".

import { element } from "./dom.js";
import { colourOf } from "./heatmap.js";
import { entry } from "./matrix.js";

const SIDE = 3;
const PIXELS = SIDE * SIDE;
const IMAGES = 2 ** PIXELS;
const TOP = 6; // the strongest images drawn
const GLYPH = 10; // canvas pixels per image pixel
const GAP = 10;

/** Image k of the 512: pixel p (column-major, as x0) is bit p of k. */
const pixelOf = (k, p) => (k >> p) & 1;

/**
 * Each hidden unit's activation ReLU(W1[j] x + b1[j]) on every black-and-white image x.
 * @param {{W1: object, b1: object}} params W1: (h, 9), b1: (h, 1)
 * @returns {Float64Array[]} (h,) of (512,)
 */
export function unitResponses({ W1, b1 }) {
  return Array.from({ length: W1.rows }, (_, j) =>
    Float64Array.from({ length: IMAGES }, (__, k) => {
      let z = entry(b1, j, 0);
      for (let p = 0; p < PIXELS; p += 1) z += entry(W1, j, p) * pixelOf(k, p);
      return Math.max(z, 0);
    }),
  );
}

/** The view's elements: a figure per hidden unit. */
export function buildUnitsView(units) {
  const figures = Array.from({ length: units }, (_, j) => {
    const canvas = element("canvas", { id: `replay-unit-${j + 1}`, role: "img" });
    const caption = element("figcaption");
    return {
      figure: element("figure", { class: "replay-unit-response" }, caption, canvas),
      canvas,
      caption,
    };
  });
  const section = element(
    "section",
    { id: "replay-units" },
    element("h2", {}, "What each hidden unit responds to"),
    element(
      "p",
      {},
      "Each hidden unit on all 512 black-and-white 3×3 images. Left: the " +
        "images it fires for, averaged with its activation as weight (dark: a pixel it wants " +
        "lit); then the six it fires for most. Below: its activation on all 512, sorted.",
    ),
    element("div", { class: "replay-units" }, ...figures.map(({ figure }) => figure)),
  );
  return { section, figures };
}

/**
 * Draw every unit's responses at the parameters `params`.
 * @param {{figures: object[]}} view buildUnitsView's
 * @param {object} params the network's parameters now
 * @param {{ink: string[], activation: string[]}} tables colour tables
 */
export function drawUnitsView(view, params, tables) {
  const responses = unitResponses(params);
  const brightest = Math.max(1e-9, ...responses.map((r) => Math.max(...r)));
  responses.forEach((response, j) => {
    const { canvas, caption } = view.figures[j];
    const order = Array.from(response.keys()).sort((a, b) => response[b] - response[a]);
    const firing = order.filter((k) => response[k] > 0);
    const total = firing.reduce((sum, k) => sum + response[k], 0);
    const average = Array.from({ length: PIXELS }, (_, p) =>
      total > 0 ? firing.reduce((sum, k) => sum + response[k] * pixelOf(k, p), 0) / total : 0,
    );

    const glyph = SIDE * GLYPH;
    canvas.width = (TOP + 1) * (glyph + GAP);
    canvas.height = glyph + 2 * GAP + 12;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    const drawImage = (x, pixel) => {
      for (let p = 0; p < PIXELS; p += 1) {
        // Pixel p is at row p % 3, column floor(p / 3): the images are column-major.
        context.fillStyle = colourOf(pixel(p), tables.ink, 0, 1);
        context.fillRect(x + Math.floor(p / SIDE) * GLYPH, (p % SIDE) * GLYPH, GLYPH, GLYPH);
      }
      context.strokeStyle = "#999";
      context.lineWidth = 1;
      context.strokeRect(x + 0.5, 0.5, glyph - 1, glyph - 1);
    };
    drawImage(0, (p) => average[p]);
    order
      .slice(0, TOP)
      .forEach((k, t) =>
        drawImage((t + 1) * (glyph + GAP) + GAP, (p) => (response[k] > 0 ? pixelOf(k, p) : 0)),
      );
    // All 512 activations, sorted, across the canvas (the largest of those a pixel covers).
    for (let x = 0; x < canvas.width; x += 1) {
      const first = Math.floor((x * IMAGES) / canvas.width);
      const next = Math.floor(((x + 1) * IMAGES) / canvas.width);
      const v = Math.max(...order.slice(first, Math.max(next, first + 1)).map((k) => response[k]));
      context.fillStyle = colourOf(v, tables.activation, 0, brightest);
      context.fillRect(x, glyph + GAP, 1, 12);
    }
    const top = response[order[0]];
    caption.textContent =
      `Unit ${j + 1}: fires for ${firing.length} of 512 images` +
      (firing.length ? `, at most ${top.toFixed(2)}` : "");
    canvas.setAttribute(
      "aria-label",
      `Hidden unit ${j + 1}: ${caption.textContent}; the ` +
        `pixels it wants lit, by weight: ${average.map((v) => v.toFixed(1)).join(", ")} ` +
        "(column by column)",
    );
  });
}
