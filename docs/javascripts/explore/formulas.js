// The numbers behind a cell of the replay page: which number it is, and the formula that
// computes it with the numbers plugged in (a forward sum and its activation, or a gradient
// as backpropagation finds it), down to the value the trainer computed.

import { element } from "./dom.js";
import { fixed, significant } from "./format.js";
import { entry } from "./matrix.js";

/** A term of a sum as it is added: negative numbers in brackets. */
const signed = (value) => (value < 0 ? `(${fixed(value)})` : fixed(value));

/**
 * A sum written out with its numbers plugged in, as lines of a <div class="formula">:
 *   lhs = symbolic
 *       = a1 × b1 + a2 × b2 + ... + extra       (when the terms are products)
 *       = t1 + t2 + ... + extra = value
 * Terms that are 0 are left out, and `skipped` says which. Each shown term is a
 * <span class="term">, the value a <span class="result">, each with its exact number in
 * data-value: the shown terms add up to the shown value within their rounding.
 * @param {{lhs: string, symbolic: string, pairs?: number[][], terms?: number[],
 *   extra?: number, value: number, skipped: (count: number) => string}} written
 * @returns {HTMLElement}
 */
export function sumFormula(written) {
  const { lhs, symbolic, pairs = null, terms = null, extra = null, value, skipped } = written;
  const all = pairs ? pairs.map(([a, b]) => a * b) : terms;
  const shown = all.map((term, k) => [term, pairs?.[k]]).filter(([term]) => term !== 0);
  if (extra !== null) shown.push([extra, null]);
  const lines = [element("p", {}, `${lhs} = ${symbolic}`)];
  if (pairs && shown.length > 0) {
    const plugged = shown.map(([term, pair]) =>
      pair ? `${signed(pair[0])} × ${signed(pair[1])}` : signed(term),
    );
    lines.push(element("p", {}, `= ${plugged.join(" + ")}`));
  }
  const sum = element("p", { class: "formula-terms" }, "= ");
  shown.forEach(([term], k) => {
    if (k > 0) sum.append(" + ");
    sum.append(element("span", { class: "term", "data-value": String(term) }, signed(term)));
  });
  if (shown.length > 0) sum.append(" = ");
  sum.append(element("span", { class: "result", "data-value": String(value) }, fixed(value)));
  lines.push(sum);
  const left = all.length - shown.length + (extra !== null ? 1 : 0);
  if (left > 0) lines.push(element("p", { class: "formula-note" }, skipped(left)));
  return element("div", { class: "formula" }, ...lines);
}

const range = (n) => Array.from({ length: n }, (_, k) => k);
const row = (a, r) => range(a.cols).map((c) => entry(a, r, c));
const column = (a, c) => range(a.rows).map((r) => entry(a, r, c));

// The formulas, by the array a cell belongs to: (now, r, c, names) -> HTMLElement[].
// `now` is Experiment.at(iteration); r, c count from 0, the page's names from 1.
const FORMULAS = {
  z1(now, r, c, { x0 }) {
    const { W1, b1 } = now.params;
    return sumFormula({
      lhs: `z1[${r + 1}, ${c + 1}]`,
      symbolic: `Σk W1[${r + 1}, k] x0[k, ${c + 1}] + b1[${r + 1}]`,
      pairs: range(W1.cols).map((k) => [entry(W1, r, k), entry(x0, k, c)]),
      extra: entry(b1, r, 0),
      value: entry(now.forward.z1, r, c),
      skipped: (n) => `the ${n} pixels at 0 add nothing`,
    });
  },
  A1(now, r, c, names) {
    const z = entry(now.forward.z1, r, c);
    const a = entry(now.forward.A1, r, c);
    const relu = `A1[${r + 1}, ${c + 1}] = ReLU(z1) = max(0, ${fixed(z)}) = ${fixed(a)}`;
    return [FORMULAS.z1(now, r, c, names), element("p", { class: "formula" }, relu)];
  },
  z2(now, r, c) {
    const { W2, b2 } = now.params;
    return sumFormula({
      lhs: `z2[${r + 1}, ${c + 1}]`,
      symbolic: `Σj W2[${r + 1}, j] A1[j, ${c + 1}] + b2[${r + 1}]`,
      pairs: range(W2.cols).map((j) => [entry(W2, r, j), entry(now.forward.A1, j, c)]),
      extra: entry(b2, r, 0),
      value: entry(now.forward.z2, r, c),
      skipped: (n) => `the ${n} hidden units at 0 add nothing`,
    });
  },
  A2(now, r, c, names) {
    const z = column(now.forward.z2, c);
    const exps = z.map(Math.exp);
    const a = entry(now.forward.A2, r, c);
    const softmax = element(
      "div",
      { class: "formula" },
      element(
        "p",
        {},
        `A2[${r + 1}, ${c + 1}] = exp(z2[${r + 1}, ${c + 1}]) / Σc exp(z2[c, ${c + 1}])`,
      ),
      element("p", {}, `= exp(${fixed(z[r])}) / (${z.map((v) => `exp(${fixed(v)})`).join(" + ")})`),
      element("p", {}, `= ${fixed(exps[r])} / (${exps.map(fixed).join(" + ")}) = ${fixed(a)}`),
    );
    return [FORMULAS.z2(now, r, c, names), softmax];
  },
  dz2(now, r, c, { Y }) {
    const a = entry(now.forward.A2, r, c);
    const y = entry(Y, r, c);
    return sumFormula({
      lhs: `dz2[${r + 1}, ${c + 1}]`,
      symbolic: `A2[${r + 1}, ${c + 1}] − Y[${r + 1}, ${c + 1}]`,
      terms: [a, -y],
      value: entry(now.backward.dz2, r, c),
      skipped: () => "Y is 0 here: not the image's class",
    });
  },
  dW2(now, r, c) {
    const { dz2 } = now.backward;
    return sumFormula({
      lhs: `dW2[${r + 1}, ${c + 1}]`,
      symbolic: `Σi dz2[${r + 1}, i] A1[${c + 1}, i]`,
      pairs: range(dz2.cols).map((i) => [entry(dz2, r, i), entry(now.forward.A1, c, i)]),
      value: entry(now.backward.dW2, r, c),
      skipped: (n) => `the ${n} images where hidden unit ${c + 1} is 0 add nothing`,
    });
  },
  db2(now, r) {
    return sumFormula({
      lhs: `db2[${r + 1}]`,
      symbolic: `Σi dz2[${r + 1}, i]`,
      terms: row(now.backward.dz2, r),
      value: entry(now.backward.db2, r, 0),
      skipped: (n) => `${n} terms are 0`,
    });
  },
  dz1(now, r, c) {
    const { W2 } = now.params;
    const { dz2 } = now.backward;
    const active = entry(now.forward.z1, r, c) > 0;
    const through = range(W2.rows).reduce((s, k) => s + entry(W2, k, r) * entry(dz2, k, c), 0);
    const pairs = range(W2.rows).map(
      (k) => `${signed(entry(W2, k, r))} × ${signed(entry(dz2, k, c))}`,
    );
    return element(
      "div",
      { class: "formula" },
      element(
        "p",
        {},
        `dz1[${r + 1}, ${c + 1}] = (Σc W2[c, ${r + 1}] dz2[c, ${c + 1}]) × ` +
          `[z1[${r + 1}, ${c + 1}] > 0]`,
      ),
      element("p", {}, `= (${pairs.join(" + ")}) × ${active ? 1 : 0}`),
      element(
        "p",
        { class: "formula-terms" },
        `= ${signed(through)} × ${active ? 1 : 0} = `,
        element(
          "span",
          { class: "result", "data-value": String(entry(now.backward.dz1, r, c)) },
          fixed(entry(now.backward.dz1, r, c)),
        ),
      ),
      element(
        "p",
        { class: "formula-note" },
        active
          ? "the unit was active (z1 > 0): the gradient passes"
          : "the unit was off (z1 ≤ 0): ReLU passes no gradient",
      ),
    );
  },
  dW1(now, r, c, { x0 }) {
    const { dz1 } = now.backward;
    return sumFormula({
      lhs: `dW1[${r + 1}, ${c + 1}]`,
      symbolic: `Σi dz1[${r + 1}, i] x0[${c + 1}, i]`,
      pairs: range(dz1.cols).map((i) => [entry(dz1, r, i), entry(x0, c, i)]),
      value: entry(now.backward.dW1, r, c),
      skipped: (n) => `the ${n} images where dz1 or the pixel is 0 add nothing`,
    });
  },
  db1(now, r) {
    return sumFormula({
      lhs: `db1[${r + 1}]`,
      symbolic: `Σi dz1[${r + 1}, i]`,
      terms: row(now.backward.dz1, r),
      value: entry(now.backward.db1, r, 0),
      skipped: (n) => `the ${n} images where the unit was off add nothing`,
    });
  },
};

/**
 * What a cell is, in words: "W1[2, 3]: from pixel 1_3 to hidden unit 2".
 * @param {string} name the array: W1, b1, W2, b2, A1, A2 or a backward array (dz2, ...)
 */
function describe(name, r, c, { pixelNames, classNames, labels }) {
  const image = `training image ${c + 1} (a ${classNames[labels[c]]} line)`;
  // A bias (b1, db1, ...) is a column: one index, as the page names it.
  const index = (array) => (array.includes("b") ? `[${r + 1}]` : `[${r + 1}, ${c + 1}]`);
  const what =
    {
      W1: `from pixel ${pixelNames[c]} to hidden unit ${r + 1}`,
      b1: `bias of hidden unit ${r + 1}`,
      W2: `from hidden unit ${c + 1} to class ${classNames[r]}`,
      b2: `bias of class ${classNames[r]}`,
      A1: `hidden unit ${r + 1} on ${image}`,
      A2: `probability of ${classNames[r]} for ${image}`,
      dz2: `the loss's gradient at the logit of ${classNames[r]} for ${image}`,
      dz1: `the loss's gradient at hidden unit ${r + 1}'s input for ${image}`,
    }[name] ?? `the loss's gradient with respect to ${name.slice(1)}${index(name)}`;
  return `${name}${index(name)}: ${what}`;
}

/**
 * The inspector's content for cell (r, c) of array `name` at an iteration: its name in
 * words, its value, and the formula behind it; for a parameter, its gradient (as its
 * backward formula) and the update -lr × gradient, or that none follows the last iteration.
 * @param {{name: string, row: number, col: number}} cell
 * @param {object} now Experiment.at(iteration)
 * @param {{x0: object, Y: object, labels: number[], lr: number, last: boolean,
 *   pixelNames: string[], classNames: string[]}} context
 * @returns {HTMLElement[]}
 */
export function explainCell({ name, row: r, col: c }, now, context) {
  const nodes = [element("p", { id: "replay-cell-name" }, describe(name, r, c, context))];
  const source = now.params[name] ?? now.forward[name] ?? now.backward[name];
  const value = entry(source, r, c);
  const rows = [["value", significant(value), "replay-cell-value", value]];
  if (name in now.params) {
    const g = entry(now.backward[`d${name}`], r, c);
    rows.push(["gradient", significant(g), "replay-cell-gradient", g]);
    if (context.last) {
      rows.push(["update", "none: no update follows the last iteration", "replay-cell-update", ""]);
    } else {
      const update = -context.lr * g;
      rows.push([
        `update −${context.lr} × gradient`,
        significant(update),
        "replay-cell-update",
        update,
      ]);
    }
  }
  const list = element("dl");
  for (const [term, text, id, exact] of rows) {
    list.append(element("dt", {}, term), element("dd", { id, "data-value": String(exact) }, text));
  }
  nodes.push(list);
  const formula = FORMULAS[name in now.params ? `d${name}` : name];
  nodes.push(...[formula(now, r, c, context)].flat());
  return nodes;
}
