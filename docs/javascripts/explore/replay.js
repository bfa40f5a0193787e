// The replay page (docs/explore/replay.md): every iteration of a saved run of the 9-6-2
// network, drawn as train-anim.gif draws it. The reader can branch the run at any
// iteration, with another learning rate or edited weights, and watch it train on in the
// browser (train.js, held to numpy's by the tests); read the formula behind any cell; see
// the backward pass step by step and what each hidden unit responds to. Mounts on
// <div id="replay" data-index="...">; the URL keeps the state (link.js).

import { drawBackwardView } from "./backward-view.js";
import { drawCurve } from "./curve.js";
import { loadArrays, loadJson, showLoadProblem } from "./data.js";
import { element } from "./dom.js";
import { Experiment } from "./experiment.js";
import { percent } from "./format.js";
import { explainCell } from "./formulas.js";
import { cellAt, drawColourBar, drawHeatmap, outlineCell } from "./heatmap.js";
import { isArrow, moveCell } from "./keys.js";
import { MAX_UNTIL, readLink, writeLink } from "./link.js";
import { PANELS, buildPage } from "./replay-page.js";
import { PARAMETERS, entry, matrix, oneHot, predict } from "./train.js";
import { drawUnitsView } from "./units.js";

const CELL = 20; // canvas pixels per matrix cell (CSS scales the canvas to the page)
const PLAY_MS = 50; // one iteration per 50 ms when playing: 200 iterations in 10 s
const FRAME_MS = 8; // training time per animation frame: the page redraws in between
const NUDGE = 0.1; // what + and - add to a selected weight (and the edit box's step)

/** An array of `now` (Experiment.at) by name: a parameter, activation or gradient. */
const arrayOf = (now, name) => now.params[name] ?? now.forward[name] ?? now.backward[name];

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
  const { maps, named } = index.colours;

  const ui = buildPage(root, index, { hidden: shapes.W1[0], nudge: NUDGE });
  let { state, notes } = readLink(window.location.hash, index.runs, shapes);
  let pointed = null; // {name, row, col}: the cell the inspector explains
  let selected = null; // the cell clicked or reached by keyboard: the one to edit
  let unitShown = 0; // the hidden unit whose incoming weights are drawn
  let timer = null; // playing
  let frame = null; // training a branch, one animation frame at a time

  const showNotes = () => {
    ui.note.hidden = notes.length === 0;
    ui.note.textContent = notes.length ? `Ignored in the link: ${notes.join("; ")}.` : "";
  };

  function statusOf(run, experiment) {
    const branch = experiment.branch;
    if (!branch) {
      return (
        `The saved run, as the pipeline trained it (learning rate ${run.settings.lr}). ` +
        "Branch it at the iteration shown to train on with a learning rate of yours."
      );
    }
    const edits = branch.edits.length;
    const what =
      `Branched at iteration ${branch.from}` +
      (edits ? ` with ${edits} edited ${edits > 1 ? "entries" : "entry"}` : "") +
      `, learning rate ${branch.lr}`;
    if (branch.stopped) return `${what}: ${branch.stopped}.`;
    const updates = experiment.last - branch.from;
    if (!experiment.done)
      return `${what}: training, iteration ${experiment.last} of ${branch.until}…`;
    const more = branch.until === branch.from ? " Set “Train until” past it to train on." : "";
    return (
      `${what}: ${updates} updates trained in your browser in ` +
      `${Math.ceil(branch.milliseconds)} ms. The faint curves are the saved run.${more}`
    );
  }

  function drawEditor(experiment, iteration) {
    const branch = experiment.branch;
    const editable = selected && PARAMETERS.includes(selected.name);
    ui.edit.disabled = !editable || (branch !== null && iteration > branch.from);
    ui.edit.hidden = !editable;
    if (!editable) {
      ui.editLabel.textContent = "Edit a weight";
      ui.editHelp.textContent =
        "Click a cell of W1, b1, W2 or b2 (or focus a matrix and " +
        "move with the arrow keys) to set its value.";
      ui.edit.value = "";
      return;
    }
    const { name, row, col } = selected;
    const where = name.startsWith("b") ? `${row + 1}` : `${row + 1}, ${col + 1}`;
    ui.editLabel.textContent = `Set ${name}[${where}] at iteration ${iteration} to`;
    const value = entry(experiment.paramsAt(iteration)[name], row, col);
    if (document.activeElement !== ui.edit) ui.edit.value = String(Number(value.toPrecision(6)));
    ui.editHelp.textContent = ui.edit.disabled
      ? `Entries are edited where a branch starts: go back to iteration ${branch.from}, or Reset.`
      : "Type a value or nudge it (arrow keys here, + and − on the matrix): the page " +
        "recomputes at once and trains on from here.";
  }

  function draw(run, experiment) {
    const iteration = Math.min(state.iteration, experiment.last);
    const now = experiment.at(iteration);
    const scales = {
      parameter: [-run.scales.parameter, run.scales.parameter],
      activation: [0, run.scales.activation],
      probability: [0, 1],
    };
    for (const [name, { role }] of Object.entries(PANELS)) {
      const [vmin, vmax] = scales[role];
      const array = arrayOf(now, name);
      drawHeatmap(ui.canvases[name], array.values, {
        ...array,
        cell: CELL,
        table: maps[role].table,
        vmin,
        vmax,
      });
    }
    for (const [role, [vmin, vmax]] of Object.entries(scales)) {
      drawColourBar(ui.bars[role], maps[role].table, vmin, vmax);
    }
    // The predicted class of each training image as a dot: green if right, red if wrong.
    const context = ui.canvases.A2.getContext("2d");
    const predicted = predict(now.forward.A2);
    predicted.forEach((c, image) => {
      context.beginPath();
      context.arc((image + 0.5) * CELL, (c + 0.5) * CELL, CELL * 0.3, 0, 2 * Math.PI);
      context.fillStyle = c === index.labels[image] ? named.correct : named.wrong;
      context.strokeStyle = "#fff";
      context.lineWidth = 1.5;
      context.fill();
      context.stroke();
    });
    const right = predicted.filter((c, image) => c === index.labels[image]).length;
    ui.canvases.A2.dataset.right = String(right);
    if (!ui.backward.section.hidden) {
      drawBackwardView(ui.backward, now, {
        iteration,
        last: iteration === experiment.last,
        table: maps.parameter.table,
        cell: CELL,
      });
    }
    if (pointed && !(pointed.name in ui.backward.canvases && ui.backward.section.hidden)) {
      outlineCell(ui.canvases[pointed.name], pointed, CELL);
    }

    // Pixels are numbered column by column (1_1, 1_2, ...): weight col * side + row.
    const side = index.image_side;
    const W1 = now.params.W1;
    const image = Array.from({ length: side * side }, (_, k) =>
      entry(W1, unitShown, (k % side) * side + Math.floor(k / side)),
    );
    drawHeatmap(ui.unit, image, {
      rows: side,
      cols: side,
      cell: 40,
      table: maps.parameter.table,
      vmin: scales.parameter[0],
      vmax: scales.parameter[1],
    });
    ui.unitCaption.textContent =
      `Hidden unit ${unitShown + 1}: its ${side * side} incoming ` +
      `weights as the ${side}×${side} image it responds to`;
    drawUnitsView(ui.units, now.params, { ink: maps.ink.table, activation: maps.activation.table });

    ui.slider.max = String(experiment.last);
    ui.slider.value = String(iteration);
    ui.iteration.textContent = `${iteration} of ${experiment.last}`;
    ui.loss.textContent = now.loss.toFixed(4);
    ui.accuracy.textContent = `${percent(now.accuracy)} (${right} of ${index.labels.length} right)`;

    const loss = experiment.curve("loss");
    const accuracy = experiment.curve("accuracy");
    const faint = experiment.branch ? experiment.saved : null;
    const finite = [...loss, ...(faint ? faint.loss.values : [])].filter(Number.isFinite);
    const maxLoss = Math.max(1e-9, ...finite);
    const full = accuracy.findIndex((a) => a === 1);
    const mark = full >= 0 ? full : null;
    drawCurve(ui.lossCurve, loss, {
      at: iteration,
      ymax: maxLoss,
      colour: named.loss,
      steps: false,
      mark,
      markColour: named.mark,
      format: (v) => v.toFixed(0),
      faint: faint?.loss.values,
    });
    drawCurve(ui.accuracyCurve, accuracy, {
      at: iteration,
      ymax: 1,
      colour: named.accuracy,
      steps: true,
      mark,
      markColour: named.mark,
      format: (v) => `${(v * 100).toFixed(0)}%`,
      faint: faint?.accuracy.values,
    });
    ui.curvesNote.textContent =
      (mark === null
        ? "This run never reaches 100% training accuracy."
        : `The dashed line marks iteration ${mark}, the first at 100% training accuracy: every ` +
          "training image classified right.") +
      (faint ? " The faint curves are the saved run, to compare the branch with." : "");

    ui.status.textContent = statusOf(run, experiment);
    ui.branch.textContent =
      experiment.branch && iteration > experiment.branch.from
        ? `Retrain from iteration ${experiment.branch.from}`
        : "Branch here";
    drawEditor(experiment, iteration);
    const formulaContext = {
      x0,
      Y,
      labels: index.labels,
      lr: experiment.lrAt(iteration),
      last: iteration === experiment.last,
      pixelNames: index.pixel_names,
      classNames: index.class_names,
    };
    ui.inspector.replaceChildren(
      ...(pointed
        ? explainCell(pointed, now, formulaContext)
        : [
            element(
              "p",
              {},
              "Point at a cell (or focus a matrix and use the arrow keys) to " +
                "read its value and the formula behind it, with the numbers plugged in.",
            ),
          ]),
    );
  }

  async function render() {
    const run = runs[state.run];
    ui.run.value = state.run;
    const experiment = await experimentOf(state.run);
    if (experiment.done) {
      state.iteration = Math.min(experiment.last, Math.max(0, Math.round(state.iteration)));
    }
    draw(run, experiment);
    writeLink(state, run.iterations);
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
    stop();
    const experiment = await experimentOf(state.run);
    state.branch = settings;
    experiment.startBranch(settings);
    ui.lr.value = String(settings.lr);
    ui.until.value = String(settings.until);
    if (play) state.iteration = settings.from;
    // Watch it learn: play the branch from where it starts (if it has updates to play).
    const watch = play && settings.until > settings.from;
    trainLive(experiment, watch ? () => ui.play.click() : undefined);
  }

  function endBranch() {
    stop();
    cancelAnimationFrame(frame);
    root.dataset.training = "false";
    for (const experiment of Object.values(experiments)) experiment.endBranch();
    state.branch = null;
    const run = runs[state.run];
    ui.lr.value = String(run.settings.lr);
    ui.until.value = String(run.iterations);
  }

  const go = (iteration) => {
    state.iteration = iteration;
    return render();
  };
  function stop() {
    clearInterval(timer);
    timer = null;
    ui.play.textContent = "Play";
    ui.play.setAttribute("aria-pressed", "false");
  }
  ui.play.addEventListener("click", () => {
    if (timer !== null) return stop();
    const last = experiments[state.run].last;
    if (state.iteration >= last) state.iteration = 0; // play again from the start
    ui.play.textContent = "Pause";
    ui.play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      if (state.iteration >= experiments[state.run].last) return stop();
      go(state.iteration + 1);
    }, PLAY_MS);
  });
  ui.back.addEventListener("click", () => go(state.iteration - 1));
  ui.forward.addEventListener("click", () => go(state.iteration + 1));
  ui.slider.addEventListener("input", () => go(Number(ui.slider.value)));
  ui.run.addEventListener("change", () => {
    state.run = ui.run.value; // the iteration stays
    endBranch(); // a branch belongs to its run
    render();
  });

  ui.branch.addEventListener("click", () => {
    const lr = Number(ui.lr.value);
    const until = Number(ui.until.value);
    const current = state.branch;
    const from = current && state.iteration > current.from ? current.from : state.iteration;
    if (ui.lr.value.trim() === "" || !Number.isFinite(lr) || lr <= 0) {
      ui.status.textContent = "The learning rate must be a number above 0.";
    } else if (!Number.isInteger(until) || until < from || until > MAX_UNTIL) {
      ui.status.textContent = `“Train until” must be a whole iteration from ${from} to ${MAX_UNTIL}.`;
    } else {
      const edits = current && current.from === from ? current.edits : [];
      branchWith({ from, lr, until, edits }, { play: true });
    }
  });
  ui.reset.addEventListener("click", () => {
    endBranch();
    render();
  });

  /** Set the selected entry to `value` where the page stands, and train on from there. */
  function setEntry(value) {
    const experiment = experiments[state.run];
    const { name, row, col } = selected;
    const iteration = Math.min(state.iteration, experiment.last);
    const current = state.branch;
    if (current && iteration > current.from) return; // edited only where a branch starts
    const others =
      current && current.from === iteration
        ? current.edits.filter((e) => e.name !== name || e.row !== row || e.col !== col)
        : [];
    const run = runs[state.run];
    // The branch's settings as the reader has typed them, where they make sense.
    const typedLr = Number(ui.lr.value);
    const typedUntil = Number(ui.until.value);
    const lr = typedLr > 0 && Number.isFinite(typedLr) ? typedLr : run.settings.lr;
    const until =
      Number.isInteger(typedUntil) && typedUntil >= iteration && typedUntil <= MAX_UNTIL
        ? typedUntil
        : Math.max(run.iterations, iteration);
    branchWith({ from: iteration, lr, until, edits: [...others, { name, row, col, value }] });
  }
  ui.edit.addEventListener("input", () => {
    const value = Number(ui.edit.value);
    if (ui.edit.value.trim() !== "" && Number.isFinite(value)) setEntry(value);
  });

  ui.showBackward.addEventListener("click", () => {
    const show = ui.backward.section.hidden;
    ui.backward.section.hidden = !show;
    ui.showBackward.setAttribute("aria-pressed", String(show));
    ui.showBackward.textContent = show ? "Hide the backward pass" : "Show the backward pass";
    render();
  });
  window.addEventListener("hashchange", () => {
    endBranch();
    ({ state, notes } = readLink(window.location.hash, index.runs, shapes));
    showNotes();
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

  const point = (cell, { select = false } = {}) => {
    pointed = cell;
    if (select) selected = cell;
    if (cell && ["W1", "b1", "A1"].includes(cell.name)) unitShown = cell.row;
    if (cell && cell.name === "W2") unitShown = cell.col;
    render();
  };
  const shapeOf = (name) => arrayOf(experiments[state.run].at(0), name);
  for (const [name, canvas] of Object.entries(ui.canvases)) {
    const under = (event) => {
      const { rows, cols } = shapeOf(name);
      const cell = cellAt(canvas, event, rows, cols);
      return cell && { name, ...cell };
    };
    canvas.addEventListener("pointermove", (event) => {
      const cell = under(event);
      const same = pointed?.name === name && pointed.row === cell?.row && pointed.col === cell?.col;
      if (cell && !same) point(cell);
    });
    canvas.addEventListener("pointerleave", () => {
      if (selected) point(selected);
    });
    canvas.addEventListener("click", (event) => {
      const cell = under(event);
      if (cell) point(cell, { select: true });
    });
    canvas.addEventListener("focus", () =>
      point(selected?.name === name ? selected : { name, row: 0, col: 0 }, { select: true }),
    );
    canvas.addEventListener("keydown", (event) => {
      if (!pointed || pointed.name !== name) return;
      if (isArrow(event.key)) {
        event.preventDefault();
        const { rows, cols } = shapeOf(name);
        point({ name, ...moveCell(pointed, event.key, rows, cols) }, { select: true });
      } else if ((event.key === "+" || event.key === "-") && PARAMETERS.includes(name)) {
        event.preventDefault();
        const experiment = experiments[state.run];
        const iteration = Math.min(state.iteration, experiment.last);
        const value = entry(experiment.paramsAt(iteration)[name], pointed.row, pointed.col);
        setEntry(value + (event.key === "+" ? NUDGE : -NUDGE));
      }
    });
  }

  showNotes();
  const experiment = await experimentOf(state.run);
  ui.lr.value = String(runs[state.run].settings.lr);
  ui.until.value = String(runs[state.run].iterations);
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

const root = document.getElementById("replay");
if (root) main(root).catch((problem) => showLoadProblem(root, problem));
