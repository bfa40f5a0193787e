// Building the pages' elements: both browser pages make their controls and views in code,
// say in a note what they ignored in their link, and show a Play button's state.

/**
 * A new `tag` element with `attributes` set and `children` (nodes or text) inside.
 * @param {string} tag
 * @param {Object<string, string>} [attributes]
 * @param {...(Node|string)} children
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/**
 * Show in `note` what the page ignored in its link (readState's notes), or hide it.
 * @param {HTMLElement} note
 * @param {string[]} notes
 */
export function showNotes(note, notes) {
  note.hidden = notes.length === 0;
  note.textContent = notes.length ? `Ignored in the link: ${notes.join("; ")}.` : "";
}

/**
 * A Play `button` shows Pause while what it started plays.
 * @param {HTMLButtonElement} button
 * @param {boolean} playing
 */
export function showPlaying(button, playing) {
  button.textContent = playing ? "Pause" : "Play";
  button.setAttribute("aria-pressed", String(playing));
}
