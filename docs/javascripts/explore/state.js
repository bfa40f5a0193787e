// The page's settings in one object, kept in the URL hash (#iteration=68&run=default), so
// a link opens the page at the same moment. Views read it; only controls change it.

/**
 * Read `defaults`' keys from the URL hash; a missing or malformed value keeps its default.
 * @param {Object<string, string | number>} defaults
 * @returns {Object<string, string | number>}
 */
export function readHash(defaults) {
  const found = new URLSearchParams(window.location.hash.slice(1));
  const state = { ...defaults };
  for (const [key, fallback] of Object.entries(defaults)) {
    if (!found.has(key)) continue;
    const text = found.get(key);
    if (typeof fallback === "number") {
      const number = Number(text);
      if (text !== "" && Number.isFinite(number)) state[key] = number;
    } else {
      state[key] = text;
    }
  }
  return state;
}

/**
 * Write `state` into the URL hash, replacing the history entry (no entry per iteration).
 * @param {Object<string, string | number>} state
 */
export function writeHash(state) {
  const hash = new URLSearchParams(Object.entries(state).map(([k, v]) => [k, String(v)]));
  window.history.replaceState(null, "", `#${hash}`);
}
