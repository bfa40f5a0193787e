// The replay page (docs/explore/replay.md): every iteration of a saved run of the 9-6-2
// network, drawn as train-anim.gif draws it. The reader can branch the run at any
// iteration, with another learning rate or edited weights, and watch it train on in the
// browser (train.js, held to numpy's by the tests); read the formula behind any cell; see
// the backward pass step by step and what each hidden unit responds to. This controller
// keeps the page's state (its link: replay-link.js), trains branches, and wires the views
// (replay-page.js lays them out) to both. Mounts on <div id="replay" data-index="...">.

import { toggleBackwardView } from "./backward-view.js";
import { showSettings, typedSettings } from "./branch-view.js";
import { watchCells } from "./cells.js";
import { loadArrays, loadJson } from "./data.js";
import { showNotes } from "./dom.js";
import { startTyping, watchEditor } from "./editor.js";
import { Experiment } from "./experiment.js";
import { CELL } from "./matrices.js";
import { entry, matrix } from "./matrix.js";
import { mountExplorer } from "./mount.js";
import { buildPage, drawPage } from "./replay-page.js";
import { replayLink } from "./replay-link.js";
import { watchPlay } from "./timeline.js";
import { PARAMETERS, oneHot } from "./train.js";

const FRAME_MS = 8; // training time per animation frame: the page redraws in between
const NUDGE = 0.1; // what + and - add to a selected weight (and the edit box's step)

async function main(root) {
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const index = await loadJson(indexUrl);
  const runs = Object.fromEntries(index.runs.map((run) => [run.name, run]));
  const training = await loadArrays(indexUrl, index.training_set);
  const x0 = matrix(...training.x0.shape, training.x0.values);
  const Y = oneHot(index.labels, index.class_names.length);
  const experiments = {}; // run name -> its Experiment, loaded when first chosen
  const experimentOf = async (name) => {
    if (!(name in experiments)) {
      const saved = await loadArrays(indexUrl, runs[name].data);
      experiments[name] = new Experiment(saved, x0, index.labels, runs[name].settings.lr);
    }
    return experiments[name];
  };
  // Each parameter's [rows, cols], from the first run's (iterations, rows, cols).
  const { arrays } = index.runs[0].data;
  const shapes = Object.fromEntries(PARAMETERS.map((name) => [name, arrays[name].shape.slice(1)]));

  const ui = buildPage(root, index, { hidden: shapes.W1[0], nudge: NUDGE });
  const link = replayLink(index.runs, shapes);
  let { state, notes } = link.read(window.location.hash);
  let frame = null; // training a branch, one animation frame at a time
  const cells = watchCells(ui.canvases, {
    cell: CELL,
    editable: (name) => PARAMETERS.includes(name),
    onChange: () => render(),
    onNudge: (sign) => nudge(sign),
    onType: (key) => startTyping(ui.editor, key),
  });
  watchEditor(ui.editor, {
    onValue: (value) => setEntry(value),
    onDone: () => ui.canvases[cells.selected.name].focus(),
  });
  const go = (iteration) => {
    state.iteration = iteration;
    return render();
  };
  const player = watchPlay(ui.timeline, {
    at: () => state.iteration,
    last: () => experiments[state.run].last,
    go,
  });

  async function render() {
    const experiment = await experimentOf(state.run);
    if (experiment.done) {
      state.iteration = Math.min(experiment.last, Math.max(0, Math.round(state.iteration)));
    }
    const iteration = Math.min(state.iteration, experiment.last);
    drawPage(ui, experiment, iteration, { index, run: runs[state.run], cells, x0, Y });
    link.write(state);
  }

  /** Train the current run's branch, a frame at a time, redrawing in between. */
  function trainLive(experiment, then = () => {}) {
    cancelAnimationFrame(frame);
    root.dataset.training = "true";
    const step = () => {
      const done = experiment.grow(FRAME_MS);
      render();
      if (!done) {
        frame = requestAnimationFrame(step);
        return;
      }
      frame = null;
      root.dataset.training = "false";
      then();
    };
    step();
  }

  /** Start the branch `settings` on the current run and train it; `play` it after. */
  async function branchWith(settings, { play = false } = {}) {
    player.stop();
    const experiment = await experimentOf(state.run);
    state.branch = settings;
    experiment.startBranch(settings);
    showSettings(ui.branch, settings);
    if (play) state.iteration = settings.from;
    // Watch it learn: play the branch from where it starts (if it has updates to play).
    const watch = play && settings.until > settings.from;
    trainLive(experiment, watch ? () => player.start() : undefined);
  }

  function endBranch() {
    player.stop();
    cancelAnimationFrame(frame);
    root.dataset.training = "false";
    for (const experiment of Object.values(experiments)) experiment.endBranch();
    state.branch = null;
    showRunSettings();
  }

  /** The run's own learning rate and last iteration in the branch's boxes. */
  function showRunSettings() {
    const run = runs[state.run];
    showSettings(ui.branch, { lr: run.settings.lr, until: run.iterations });
  }

  /** Set the selected entry to `value` where the page stands, and train on from there. */
  function setEntry(value) {
    const experiment = experiments[state.run];
    const { name, row, col } = cells.selected;
    const iteration = Math.min(state.iteration, experiment.last);
    const current = state.branch;
    if (current && iteration > current.from) return; // edited only where a branch starts
    const others =
      current && current.from === iteration
        ? current.edits.filter((e) => e.name !== name || e.row !== row || e.col !== col)
        : [];
    // The branch's settings as the reader has typed them, where they make sense.
    const run = runs[state.run];
    const typed = typedSettings(ui.branch, iteration);
    const lr = typed.lr ?? run.settings.lr;
    const until = typed.until ?? Math.max(run.iterations, iteration);
    branchWith({ from: iteration, lr, until, edits: [...others, { name, row, col, value }] });
  }

  /** Add `sign` × NUDGE to the selected entry. */
  function nudge(sign) {
    const experiment = experiments[state.run];
    const { name, row, col } = cells.selected;
    const iteration = Math.min(state.iteration, experiment.last);
    setEntry(entry(experiment.paramsAt(iteration)[name], row, col) + sign * NUDGE);
  }

  const { timeline } = ui;
  timeline.back.addEventListener("click", () => go(state.iteration - 1));
  timeline.forward.addEventListener("click", () => go(state.iteration + 1));
  timeline.slider.addEventListener("input", () => go(Number(timeline.slider.value)));
  timeline.run.addEventListener("change", () => {
    state.run = timeline.run.value; // the iteration stays
    endBranch(); // a branch belongs to its run
    render();
  });

  ui.branch.branchHere.addEventListener("click", () => {
    const current = state.branch;
    const from = current && state.iteration > current.from ? current.from : state.iteration;
    const { lr, until, problem } = typedSettings(ui.branch, from);
    if (problem) {
      ui.branch.status.textContent = problem;
      return;
    }
    const edits = current && current.from === from ? current.edits : [];
    branchWith({ from, lr, until, edits }, { play: true });
  });
  ui.branch.reset.addEventListener("click", () => {
    endBranch();
    render();
  });
  ui.backward.toggle.addEventListener("click", () => {
    toggleBackwardView(ui.backward);
    // A hidden view's cell is neither explained nor kept (the explainer would follow it).
    if (ui.backward.section.hidden) {
      const inView = (at) => at !== null && at.name in ui.backward.canvases;
      if (inView(cells.selected)) cells.selected = null;
      if (inView(cells.pointed)) cells.pointed = cells.selected;
    }
    render();
  });

  window.addEventListener("hashchange", () => {
    endBranch();
    ({ state, notes } = link.read(window.location.hash));
    showNotes(ui.note, notes);
    if (state.branch) branchWith(state.branch);
    else render();
  });
  window.addEventListener("resize", () => render());
  // The arrow keys step through iterations, unless a control or a matrix has the focus.
  document.addEventListener("keydown", (event) => {
    const busy = event.target.closest?.("input, select, textarea, canvas[tabindex]");
    if (busy || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowLeft") go(state.iteration - 1);
    else if (event.key === "ArrowRight") go(state.iteration + 1);
    else return;
    event.preventDefault();
  });

  showNotes(ui.note, notes);
  const experiment = await experimentOf(state.run);
  showRunSettings();
  if (state.branch) {
    await branchWith(state.branch);
    await new Promise((resolve) => {
      const wait = () => (experiment.done ? resolve() : requestAnimationFrame(wait));
      wait();
    });
  }
  await render();
  root.dataset.ready = "true"; // for the browser tests: the first iteration is drawn
}

mountExplorer("replay", main);
