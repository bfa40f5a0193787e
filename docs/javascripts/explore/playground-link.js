// The playground's link: its table of properties for state.js, so a link holds the whole
// state of the page, in under 2,000 characters by the table's bounds (at most MOST_PLACED
// points of two decimals, or instead a file's name, 255 bytes at most on the reader's
// system; every other property a bounded number or a choice):
//   #data=circles&hidden=4;4&activation=relu&lr=0.1&batch=10&seed=7&epoch=120
//   #data=points&points=0.5,-0.25,1;-0.3,0.4,0&hidden=8&seed=1
// data: an exported dataset, "file" (a reader's points file, named by file=, which the
// link cannot hold: the page asks for it again) or "points" (the points placed, each
// x,y,class); hidden: the units of each hidden layer; batch: the batch size, 0 for every
// point (full-batch descent); seed: the page's generator's seed for the initial
// parameters and the shuffles, or none for the pipeline's saved parameters; epoch: how
// far the run has trained (at its default, the main run's last epoch, the page opens on
// the main run as the pipeline trained it).

import { ACTIVATIONS } from "./stack.js";
import { PLACED_BOX, PLACED_CLASSES } from "./playground-data.js";
import { readState, writeState } from "./state.js";

// The longest run a link may ask the page to train as it opens.
export const MOST_EPOCHS = 10000;
export const MOST_PLACED = 100;
// The page's generator's seed until the reader gives one, where the saved parameters do
// not fit the data and network.
export const FRESH_SEED = 1;
const MOST_SEED = 2 ** 32 - 1; // random.js's seeds: 32 bits

/**
 * The page's state:
 * @typedef {{data: string, file: string | null, points: {x: number, y: number,
 *   class: number}[], hidden: number[], activation: string, lr: number, batch: number,
 *   seed: number | null, epoch: number}} PlaygroundState
 */

/**
 * The page's link, for its export's index.
 * @param {{datasets: {name: string}[], main: string, runs: {settings: object}[],
 *   limits: {layers: number, units: number}}} index the main run first in runs
 * @returns {{read: function(string): {state: PlaygroundState, notes: string[]},
 *   write: function(PlaygroundState): string}}
 *   read a hash into a state, noting what it could not use; write one into the address
 *   (returning it)
 */
export function playgroundLink(index) {
  const main = index.runs[0].settings;
  const mainBatch = main.batch_size ?? 0;
  const units = (layers) => layers.map((layer) => layer.units);
  // The main run as the pipeline trained it: its data, network, training and parameters.
  const isMainRun = (s) =>
    s.data === index.main &&
    s.seed === null &&
    s.hidden.join() === main.hidden.join() &&
    s.activation === main.activation &&
    s.lr === main.lr &&
    s.batch === mainBatch;
  const coordinate = (name, min, max) => ({ name, kind: "number", min, max, digits: 2 });
  const table = [
    {
      name: "data",
      kind: "choice",
      choices: [...index.datasets.map((dataset) => dataset.name), "file", "points"],
      default: index.main,
    },
    { name: "file", kind: "text", default: null },
    {
      name: "points",
      kind: "list",
      most: MOST_PLACED,
      default: [],
      fields: [
        coordinate("x", PLACED_BOX.xmin, PLACED_BOX.xmax),
        coordinate("y", PLACED_BOX.ymin, PLACED_BOX.ymax),
        { name: "class", kind: "integer", min: 0, max: PLACED_CLASSES - 1 },
      ],
    },
    {
      name: "hidden",
      kind: "list",
      most: index.limits.layers,
      default: main.hidden.map((width) => ({ units: width })),
      fields: [{ name: "units", kind: "integer", min: 1, max: index.limits.units }],
    },
    { name: "activation", kind: "choice", choices: ACTIVATIONS, default: main.activation },
    { name: "lr", kind: "number", above: 0, default: main.lr },
    { name: "batch", kind: "integer", min: 0, max: 10000, default: mainBatch },
    { name: "seed", kind: "integer", min: 0, max: MOST_SEED, default: null },
    {
      name: "epoch",
      kind: "integer",
      min: 0,
      max: MOST_EPOCHS,
      default: (s) => (isMainRun({ ...s, hidden: units(s.hidden) }) ? main.epochs : 0),
    },
  ];

  const read = (hash) => {
    const { state: link, notes } = readState(table, hash);
    if (link.hidden.length === 0) {
      // "hidden=" names no layer: the page has one at least.
      link.hidden = table[3].default;
      notes.push(`hidden= (1 to ${index.limits.layers} hidden layers)`);
    }
    return { state: { ...link, hidden: units(link.hidden) }, notes };
  };

  const write = (state) =>
    writeState(table, {
      ...state,
      file: state.data === "file" ? state.file : null,
      points: state.data === "points" ? state.points : [],
      hidden: state.hidden.map((width) => ({ units: width })),
    });
  return { read, write };
}
