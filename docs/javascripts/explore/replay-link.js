// The replay page's link: its table of properties for state.js, so a link reproduces an
// experiment, and the page's state as the controller keeps it:
//   #run=seed-5&branch=40&lr=0.05&until=300&iteration=120&W1.2.3=1.5&b2.1=-0.5
// run: the saved run; branch: the iteration a branch starts at, with its learning rate lr
// and the last iteration it trains to, until (each left out at the run's own); iteration:
// the one shown; W1.2.3=1.5: an entry set where the branch starts (row and column from 1,
// as the page names them: W1[2, 3]; b1.4 for a bias).

import { readState, writeState } from "./state.js";
import { PARAMETERS } from "./train.js";

// The longest branch a link may ask for: a few seconds of training at most.
export const MAX_UNTIL = 10000;

/**
 * The page's link, for its runs and parameters' shapes.
 * @param {{name: string, iterations: number, settings: {lr: number}}[]} runs the first is
 *   the default
 * @param {Object<string, number[]>} shapes each parameter's [rows, cols]
 * @returns {{read: function(string): {state: object, notes: string[]},
 *   write: function(object): string}} read a hash into the page's state
 *   {iteration, run, branch: {from, lr, until, edits: [{name, row, col, value}]} | null}
 *   (row, col from 0), with notes naming what it could not use; write one into the address
 */
export function replayLink(runs, shapes) {
  const runOf = (state) => runs.find((run) => run.name === state.run);
  // Every entry a branch may start with edited, each its own property: W1.1.1 ... b2.2.
  const entries = PARAMETERS.flatMap((name) => {
    const [rows, cols] = shapes[name];
    return Array.from({ length: rows * cols }, (_, k) => {
      const [row, col] = [Math.floor(k / cols), k % cols];
      const key = cols > 1 ? `${name}.${row + 1}.${col + 1}` : `${name}.${row + 1}`;
      return { key, name, row, col };
    });
  });
  const table = [
    { name: "run", kind: "choice", choices: runs.map((run) => run.name), default: runs[0].name },
    { name: "branch", kind: "integer", default: null, min: 0, max: (s) => runOf(s).iterations },
    { name: "lr", kind: "number", above: 0, default: (s) => runOf(s).settings.lr, needs: "branch" },
    {
      name: "until",
      kind: "integer",
      min: (s) => s.branch,
      max: MAX_UNTIL,
      default: (s) => runOf(s).iterations,
      needs: "branch",
    },
    {
      name: "iteration",
      kind: "integer",
      default: 0,
      min: 0,
      max: (s) => (s.branch === null ? runOf(s).iterations : s.until),
    },
    ...entries.map(({ key }) => ({ name: key, kind: "number", default: null, needs: "branch" })),
  ];

  const read = (hash) => {
    const { state: link, notes } = readState(table, hash);
    const edits = entries
      .filter(({ key }) => link[key] !== null)
      .map(({ key, name, row, col }) => ({ name, row, col, value: link[key] }));
    const branch =
      link.branch === null ? null : { from: link.branch, lr: link.lr, until: link.until, edits };
    return { state: { iteration: link.iteration, run: link.run, branch }, notes };
  };

  const write = ({ iteration, run, branch }) => {
    const link = {
      iteration,
      run,
      branch: branch?.from ?? null,
      lr: branch?.lr,
      until: branch?.until,
    };
    for (const { key, name, row, col } of entries) {
      const edit = branch?.edits.find((e) => e.name === name && e.row === row && e.col === col);
      link[key] = edit ? edit.value : null;
    }
    return writeState(table, link);
  };
  return { read, write };
}
