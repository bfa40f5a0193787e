// The run and the moment shown: the run menu, Back, Play and Forward, the iteration
// slider, and the loss and training accuracy there.

import { element, showPlaying } from "./dom.js";
import { percent } from "./format.js";

const PLAY_MS = 50; // one iteration per 50 ms when playing: 200 iterations in 10 s

/**
 * The view's elements.
 * @param {{name: string, label: string, first_full_accuracy: number | null}[]} runs
 */
export function buildTimeline(runs) {
  const view = {};
  view.run = element("select", { id: "replay-run" });
  for (const run of runs) {
    const never = run.first_full_accuracy === null ? ", never reaches 100%" : "";
    view.run.append(element("option", { value: run.name }, run.label + never));
  }
  view.back = element("button", { type: "button", id: "replay-back" }, "◀ Back");
  view.play = element("button", { type: "button", id: "replay-play", "aria-pressed": "false" });
  view.forward = element("button", { type: "button", id: "replay-forward" }, "Forward ▶");
  view.slider = element("input", { type: "range", id: "replay-iteration", min: "0", step: "1" });
  view.iteration = element("output", { id: "replay-iteration-value", for: "replay-iteration" });
  view.loss = element("output", { id: "replay-loss" });
  view.accuracy = element("output", { id: "replay-accuracy" });
  view.section = element(
    "div",
    { class: "replay-controls" },
    element("label", { for: "replay-run" }, "Run "),
    view.run,
    element("div", { class: "replay-buttons" }, view.back, view.play, view.forward),
    element(
      "label",
      { for: "replay-iteration", class: "replay-slider-label" },
      "Iteration ",
      view.iteration,
    ),
    view.slider,
    element(
      "p",
      { class: "replay-numbers" },
      "Loss ",
      view.loss,
      " · training accuracy ",
      view.accuracy,
    ),
  );
  showPlaying(view.play, false);
  return view;
}

/**
 * Show the iteration `at` of 0..last with its loss and `right` of `total` images right.
 * @param {object} view buildTimeline's
 * @param {{at: number, last: number, loss: number, accuracy: number, right: number,
 *   total: number, run: string}} now
 */
export function drawTimeline(view, { at, last, loss, accuracy, right, total, run }) {
  view.run.value = run;
  view.slider.max = String(last);
  view.slider.value = String(at);
  view.iteration.textContent = `${at} of ${last}`;
  view.loss.textContent = loss.toFixed(4);
  view.accuracy.textContent = `${percent(accuracy)} (${right} of ${total} right)`;
}

/**
 * Play: one iteration every PLAY_MS up to the last, from the start if at the last; Play
 * again pauses.
 * @param {object} view buildTimeline's
 * @param {{at: function(): number, last: function(): number, go: function(number): void}} how
 *   the iteration shown, the last there is, and showing another
 * @returns {{start: function(): void, stop: function(): void}}
 */
export function watchPlay(view, { at, last, go }) {
  let timer = null;
  const stop = () => {
    clearInterval(timer);
    timer = null;
    showPlaying(view.play, false);
  };
  const start = () => {
    if (timer !== null) return;
    if (at() >= last()) go(0); // play again from the start
    showPlaying(view.play, true);
    timer = setInterval(() => (at() >= last() ? stop() : go(at() + 1)), PLAY_MS);
  };
  view.play.addEventListener("click", () => (timer === null ? start() : stop()));
  return { start, stop };
}
