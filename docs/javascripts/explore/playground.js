// The playground page (docs/explore/playground.md): part three's networks trained in the
// reader's browser, on the part's datasets, the reader's own points file or points they
// place, one epoch per frame, the boundary, the curves and every unit's map drawn each
// time. It opens on the part's main run, from numpy's saved initial parameters, which it
// retraces (the tests hold it to numpy's to 1e-9). This controller keeps the page's state
// (its link: playground-link.js), makes the data and the run, trains, and wires the views
// (playground-page.js lays them out and draws them). Mounts on
// <div id="playground" data-index="...">.

import { loadArrays, loadJson } from "./data.js";
import { showNotes, showPlaying } from "./dom.js";
import { mountExplorer } from "./mount.js";
import { drawPoints, sayCursor, watchPlane } from "./plane-view.js";
import { showFile, showSettings, typedSettings } from "./playground-controls.js";
import {
  PLACED_BOX,
  datasetFor,
  exportedDataset,
  numpyHistoryFor,
  savedRun,
  savedRunFor,
} from "./playground-data.js";
import { FRESH_SEED, MOST_PLACED, playgroundLink } from "./playground-link.js";
import { buildPage, drawNoRun, drawRun, planeGrid } from "./playground-page.js";
import { PlaygroundRun } from "./playground-run.js";
import { PointsError, readPoints } from "./points-csv.js";
import { explainUnit, layoutUnitMaps } from "./unit-maps.js";

const CATCH_UP_MS = 30; // training time per frame while a run reaches a link's epoch

/** A coordinate as a link writes it (2 decimals), so a placed point travels exactly. */
const twoDecimals = (value) => Number(value.toFixed(2));

async function main(root) {
  const indexUrl = new URL(root.dataset.index, window.location.href);
  const index = await loadJson(indexUrl);
  const arrays = await loadArrays(indexUrl, index.data);
  const datasets = Object.fromEntries(
    index.datasets.map((entry) => [entry.name, exportedDataset(entry, arrays)]),
  );
  const savedRuns = index.runs.map((entry) => savedRun(entry, arrays));
  const { colours } = index;
  const link = playgroundLink(index);
  const ui = buildPage(root, index);
  const { controls, plane } = ui;
  const { placedClass } = controls;
  let { state, notes } = link.read(window.location.hash);
  let file = null; // the reader's file, once read: readPoints' points, labels, classes and its name
  let shown = null; // the dataset drawn (a run's, or points placed too few to train on)
  let run = null;
  let grid = null;
  let target = 0; // the epoch to train to without playing (a link's, or one more)
  let playing = false;
  let frame = null;

  const savedFor = (s) => savedRunFor(savedRuns, s);

  const say = (text) => {
    controls.status.textContent = text;
  };
  const drawShownPoints = () => {
    if (shown) drawPoints(plane, shown, colours);
  };
  const describeCursor = (done = "") => sayCursor(plane, done, placedClass.value);
  const selectUnit = (selected) => {
    if (run) explainUnit(ui.units, selected, { run, cursor: plane.cursor });
  };

  /** A new run from the state, trained on to `epoch` (and on, while playing). */
  function restart(epoch = 0) {
    if (state.seed === null && !savedFor(state)) {
      const typed = Number.parseInt(controls.seed.value, 10);
      state.seed = Number.isInteger(typed) && typed >= 0 ? typed : FRESH_SEED;
    }
    const { data, why } = datasetFor(state, { datasets, file, index });
    if (data?.box !== shown?.box) {
      const { box } = data ?? { box: PLACED_BOX };
      plane.cursor = { x: (box.xmin + box.xmax) / 2, y: (box.ymin + box.ymax) / 2 };
    }
    shown = data;
    plane.placing = state.data === "points";
    plane.points.classList.toggle("playground-placing", plane.placing);
    showSettings(controls, state, {
      savedFits: savedFor(state) !== null,
      placed: state.points.length,
      most: MOST_PLACED,
    });
    say(why ?? "");
    if (why) {
      run = null;
      target = 0;
      drawNoRun(ui);
      drawShownPoints();
      // A link to a run on the reader's file keeps its epoch until the file is chosen.
      if (state.data !== "file") state.epoch = 0;
      link.write(state);
      root.dataset.epoch = "0";
      root.dataset.ready = "true";
      return;
    }
    const settings = {
      hidden: state.hidden,
      activation: state.activation,
      lr: state.lr,
      batchSize: state.batch === 0 ? null : state.batch,
      seed: state.seed,
    };
    run = new PlaygroundRun(data, settings, state.seed === null ? savedFor(state) : null);
    grid = planeGrid(run);
    target = epoch;
    layoutUnitMaps(ui.units, state.hidden, selectUnit);
    drawShownPoints();
    schedule();
  }

  /** Train and draw in the next frame; the page is not ready until the run is idle. */
  function schedule() {
    root.dataset.ready = "false";
    frame ??= requestAnimationFrame(tick);
  }

  /** A frame: train (to the target, or an epoch while playing), then draw everything. */
  function tick() {
    frame = null;
    if (!run) {
      root.dataset.ready = "true";
      return;
    }
    if (run.epoch < target) {
      const start = performance.now();
      while (run.epoch < target && performance.now() - start < CATCH_UP_MS && run.step());
    } else if (playing) {
      run.step();
    }
    if (run.diverged) {
      playing = false;
      target = run.epoch;
      showPlaying(controls.play, false);
      say(`The run stopped: ${run.diverged}.`);
    }
    const numpy = numpyHistoryFor(savedRuns, state);
    drawRun(ui, run, grid, { colours, numpy, cursor: plane.cursor });
    root.dataset.epoch = String(run.epoch);
    if (playing || run.epoch < target) {
      schedule();
      return;
    }
    state.epoch = run.epoch;
    link.write(state);
    root.dataset.ready = "true"; // for the browser tests: idle, trained to the epoch asked
  }

  const setPlaying = (on) => {
    playing = on && run !== null && !run.diverged;
    showPlaying(controls.play, playing);
    schedule();
  };

  // --- the controls ---
  controls.data.addEventListener("change", () => {
    state.data = controls.data.value;
    restart();
  });
  controls.file.addEventListener("change", async () => {
    const chosen = controls.file.files[0];
    if (!chosen) return;
    // The file a link asked for, chosen again: its run trains to the link's epoch.
    const asked = file === null && chosen.name === state.file ? state.epoch : 0;
    try {
      const bytes = await chosen.arrayBuffer();
      file = { name: chosen.name, ...readPoints(bytes, chosen.name, index.file) };
      showFile(controls, file);
    } catch (problem) {
      if (!(problem instanceof PointsError)) throw problem;
      file = null;
      showFile(controls, problem);
    }
    state.file = file ? chosen.name : null; // a link names a file the page could read
    restart(file ? asked : 0);
  });
  const settingsChanged = () => {
    const { settings, problem } = typedSettings(controls, index.limits);
    if (problem) {
      say(problem);
      return;
    }
    Object.assign(state, settings);
    restart();
  };
  for (const input of [
    controls.layers,
    ...controls.units.map((unit) => unit.input),
    controls.activation,
    controls.lr,
    controls.batch,
    controls.init,
    controls.seed,
  ]) {
    input.addEventListener("change", settingsChanged);
  }
  placedClass.addEventListener("change", () => describeCursor());
  controls.clear.addEventListener("click", () => {
    state.points = [];
    restart();
    describeCursor("Removed every point.");
  });
  controls.play.addEventListener("click", () => setPlaying(!playing));
  controls.step.addEventListener("click", () => {
    setPlaying(false);
    if (run) target = run.epoch + 1;
    schedule();
  });
  controls.reset.addEventListener("click", () => restart());

  // --- the plane ---
  watchPlane(plane, {
    box: () => shown?.box ?? PLACED_BOX,
    placed: () => (state.data === "points" ? state.points : []),
    onCursor: (redraw) => {
      if (redraw) drawShownPoints(); // the pointer's cursor is not drawn: nothing changed
      describeCursor();
      if (run && ui.units.selected) selectUnit(ui.units.selected);
    },
    onPlace: (x, y) => {
      if (state.points.length >= MOST_PLACED) {
        describeCursor(`At most ${MOST_PLACED} points: remove one first.`);
        return;
      }
      const point = { x: twoDecimals(x), y: twoDecimals(y), class: Number(placedClass.value) };
      state.points.push(point);
      restart();
      describeCursor(
        `Placed a point of class ${point.class} at (${point.x.toFixed(2)}, ` +
          `${point.y.toFixed(2)}): ${state.points.length} of ${MOST_PLACED}.`,
      );
    },
    onRemove: (k) => {
      if (k < 0) {
        describeCursor("No point near the cursor to remove.");
        return;
      }
      const [point] = state.points.splice(k, 1);
      restart();
      describeCursor(
        `Removed the point of class ${point.class} at (${point.x.toFixed(2)}, ` +
          `${point.y.toFixed(2)}): ${state.points.length} left.`,
      );
    },
  });

  window.addEventListener("hashchange", () => {
    ({ state, notes } = link.read(window.location.hash));
    showNotes(ui.note, notes);
    setPlaying(false);
    restart(state.epoch);
  });
  window.addEventListener("resize", drawShownPoints);

  showNotes(ui.note, notes);
  restart(state.epoch);
  describeCursor();
}

mountExplorer("playground", main);
