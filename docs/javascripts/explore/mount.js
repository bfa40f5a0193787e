// Starting a browser page: every explorer (replay, draw a digit, and those to come) starts
// here, so each gets the same two things: the keys typed in it stay its own, and a page
// whose data cannot load says so.

import { showLoadProblem } from "./data.js";

/**
 * Run `main` on the element with id `id`, if this page has one.
 * @param {string} id the root element's id, e.g. "replay"
 * @param {function(HTMLElement): Promise<void>} main builds and runs the page inside it
 */
export function mountExplorer(id, main) {
  const root = document.getElementById(id);
  if (!root) return;
  keepKeysFromTheme(root);
  main(root).catch((problem) => showLoadProblem(root, problem));
}

/**
 * Keys typed inside `root` are the explorer's: the site's theme has single-key shortcuts
 * ("." and "n" open the next page, "," and "p" the previous, "/", "s" and "f" the search),
 * and a reader typing 1.5 into a matrix must not leave the page. The theme listens on the
 * window, so each key stops at the document: listeners on the document itself (the
 * replay page's arrow keys) still hear it, and the browser still does what the key does.
 * @param {HTMLElement} root
 */
function keepKeysFromTheme(root) {
  document.addEventListener("keydown", (event) => {
    if (root.contains(event.target)) event.stopPropagation();
  });
}
