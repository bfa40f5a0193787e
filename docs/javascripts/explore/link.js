// The replay page's state in the URL hash, so a link reproduces what the reader sees:
//   #iteration=120&run=default&branch=40&lr=0.05&until=300&W1.2.3=0.5
// iteration: the one shown; run: the saved run; branch: the iteration a branch starts at,
// with its learning rate lr and, past the run's last iteration, until (the last it trains
// to); W1.2.3=0.5: an entry set where the branch starts (row and column from 1, as the
// page names them: W1[2, 3]; b1.4 for a bias).

// The longest branch a link may ask for: a few seconds of training at most.
export const MAX_UNTIL = 10000;

const EDIT = /^(W1|b1|W2|b2)\.(\d+)(?:\.(\d+))?$/;

/** A whole number from `text`, or null ("", "1.5", "x", "1e400" are not). */
function whole(text) {
  const number = Number(text);
  return text.trim() !== "" && Number.isSafeInteger(number) ? number : null;
}

/** A finite number from `text`, or null. */
function finite(text) {
  const number = Number(text);
  return text.trim() !== "" && Number.isFinite(number) ? number : null;
}

/**
 * Read the page's state from a URL hash. A value the page cannot use is left out, and a
 * sentence naming it goes into `notes`, for the page to show.
 * @param {string} hash e.g. "#iteration=120&branch=40&lr=0.05"
 * @param {{name: string, iterations: number, settings: {lr: number}}[]} runs the first is
 *   the default
 * @param {Object<string, number[]>} shapes each parameter's [rows, cols]
 * @returns {{state: {iteration: number, run: string, branch: object | null}, notes: string[]}}
 *   branch: {from, lr, until, edits: [{name, row, col, value}]} (row, col from 0)
 */
export function readLink(hash, runs, shapes) {
  const found = new URLSearchParams(hash.replace(/^#/, ""));
  const notes = [];
  const ignore = (key, why) => notes.push(`${key}=${found.get(key)} (${why})`);
  const state = { iteration: 0, run: runs[0].name, branch: null };

  if (found.has("run")) {
    if (runs.some((run) => run.name === found.get("run"))) state.run = found.get("run");
    else ignore("run", `the runs are ${runs.map((run) => run.name).join(", ")}`);
  }
  const run = runs.find((r) => r.name === state.run);
  const n = run.iterations;

  let from = null;
  if (found.has("branch")) {
    from = whole(found.get("branch"));
    if (from === null || from < 0 || from > n) {
      ignore("branch", `a branch starts at an iteration from 0 to ${n}`);
      from = null;
    }
  }
  const needsBranch = (key) => from === null && ignore(key, "it belongs to a branch: add branch=");
  let lr = run.settings.lr;
  if (found.has("lr") && !needsBranch("lr")) {
    const number = finite(found.get("lr"));
    if (number !== null && number > 0) lr = number;
    else ignore("lr", "a learning rate is a number above 0");
  }
  let until = n;
  if (found.has("until") && !needsBranch("until")) {
    const number = whole(found.get("until"));
    if (number !== null && number >= from && number <= MAX_UNTIL) until = number;
    else ignore("until", `the last iteration to train to, from ${from} to ${MAX_UNTIL}`);
  }
  const edits = [];
  for (const key of found.keys()) {
    if (["run", "branch", "lr", "until", "iteration"].includes(key)) continue;
    const match = EDIT.exec(key);
    if (!match) {
      ignore(key, "not a setting of this page");
      continue;
    }
    if (needsBranch(key)) continue;
    const [name, row, col = "1"] = match.slice(1);
    const [rows, cols] = shapes[name];
    const value = finite(found.get(key));
    const inside = Number(row) >= 1 && Number(row) <= rows && Number(col) >= 1;
    if (!inside || Number(col) > cols || (cols > 1 && match[3] === undefined)) {
      ignore(key, `${name} has ${rows} rows and ${cols} column${cols > 1 ? "s" : ""}`);
    } else if (value === null) {
      ignore(key, "a weight is a number");
    } else {
      edits.push({ name, row: Number(row) - 1, col: Number(col) - 1, value });
    }
  }
  if (from !== null) state.branch = { from, lr, until, edits };

  if (found.has("iteration")) {
    const last = state.branch ? until : n;
    const iteration = whole(found.get("iteration"));
    if (iteration !== null && iteration >= 0 && iteration <= last) state.iteration = iteration;
    else ignore("iteration", `the iterations are 0 to ${last}`);
  }
  return { state, notes };
}

/**
 * Write the page's state into the URL hash, replacing the history entry (no entry per
 * iteration). `until` is written only past the run's last iteration.
 * @param {{iteration: number, run: string, branch: object | null}} state
 * @param {number} iterations the run's last iteration
 */
export function writeLink({ iteration, run, branch }, iterations) {
  const entries = [
    ["iteration", iteration],
    ["run", run],
  ];
  if (branch) {
    entries.push(["branch", branch.from], ["lr", branch.lr]);
    if (branch.until !== iterations) entries.push(["until", branch.until]);
    for (const { name, row, col, value } of branch.edits) {
      const where = name.startsWith("b") ? `${row + 1}` : `${row + 1}.${col + 1}`;
      entries.push([`${name}.${where}`, value]);
    }
  }
  const hash = new URLSearchParams(entries.map(([key, value]) => [key, String(value)]));
  window.history.replaceState(null, "", `#${hash}`);
}
