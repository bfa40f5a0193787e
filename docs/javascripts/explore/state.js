// A page's state in its address (#iteration=120&branch=40), so a link reproduces what the
// reader sees, as Playground's state.ts keeps its: each page declares a table of its
// properties, and readState and writeState are the only code that reads or writes it.
//
// A table lists the properties in the order a link writes them. A property:
//   name      its key in the link and in the state
//   kind      "integer", "number", "choice", "text" or "list"
//   default   what a link without it means, so a link leaves it out; null: not set
//   min, max  an integer's or a number's range, ends included; above: a number's lower
//             bound, excluded (a learning rate is above 0)
//   choices   a choice's values
//   digits    the decimals a number is written with (a shorter link); all of them if unset
//   fields    a list's item: properties without default (name, kind, range, digits),
//             written as "0.5,-1.25,1" and items joined by ";": points=0.5,-1.25,1;2,0.75,0
//   most      a list's most items (the first ones are kept)
//   needs     another property's name: this one counts only while that one is set
// A default, min or max may be a function of the state read so far (the properties above
// this one in the table; in a list's item, its fields before this one): the replay page's
// last iteration is its run's. A list's fields are numbers, integers or choices.

// A link stays short enough to share (older browsers, mail and chat programs cut links
// past 2,000 characters) by its table's bounds: a list's `most` items, numbers' `digits`;
// the playground's tests hold its longest link to that.

const valueOf = (setting, state) => (typeof setting === "function" ? setting(state) : setting);

const ITEM = ";";
const FIELD = ",";

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

/** What a value of `property` must be, for a note: "a whole number from 0 to 200". */
function expected(property, state) {
  if (property.kind === "choice") return `one of ${property.choices.join(", ")}`;
  const what = property.kind === "integer" ? "a whole number" : "a number";
  const min = valueOf(property.min, state);
  const max = valueOf(property.max, state);
  if (property.above !== undefined) return `${what} above ${property.above}`;
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what} from ${min} up`;
  if (max !== undefined) return `${what} up to ${max}`;
  return what;
}

/**
 * The value `text` gives a property that is not a list, or null if it gives none.
 * @returns {{value: *} | null}
 */
function parse(property, text, state) {
  if (property.kind === "text") return { value: text };
  if (property.kind === "choice") return property.choices.includes(text) ? { value: text } : null;
  const number = property.kind === "integer" ? whole(text) : finite(text);
  const min = valueOf(property.min, state);
  const max = valueOf(property.max, state);
  const inside =
    number !== null &&
    (min === undefined || number >= min) &&
    (max === undefined || number <= max) &&
    (property.above === undefined || number > property.above);
  return inside ? { value: number } : null;
}

/**
 * One item of a list from `text` ("0.5,-1.25,1"): an object of its fields, or why not.
 * @returns {{item: object} | {why: string}}
 */
function parseItem(property, text) {
  const texts = text.split(FIELD);
  if (texts.length !== property.fields.length) {
    return { why: `an item is ${property.fields.map((field) => field.name).join(FIELD)}` };
  }
  const item = {};
  for (const [k, field] of property.fields.entries()) {
    const read = parse(field, texts[k], item);
    if (!read) return { why: `${field.name} is ${expected(field, item)}` };
    item[field.name] = read.value;
  }
  return { item };
}

/**
 * Read a state from a URL hash: each property's value from the link, or its default where
 * the link has none or one the page cannot use. Each value left unused is named in a note
 * (in the link's order), for the page to show: "lr=-1 (a number above 0)", "points item 3
 * “1,x,0” (y is a number from -1 to 1)".
 * @param {object[]} table the page's properties (see the top of this file)
 * @param {string} [hash] e.g. "#iteration=120&branch=40"; the page's own by default
 * @returns {{state: Object<string, *>, notes: string[]}}
 */
export function readState(table, hash = window.location.hash) {
  const found = new URLSearchParams(hash.replace(/^#/, ""));
  const state = {};
  const noted = new Map(); // key -> its notes
  const note = (key, what, why) => noted.set(key, [...(noted.get(key) ?? []), `${what} (${why})`]);
  for (const property of table) {
    const { name } = property;
    const fallback = valueOf(property.default, state);
    state[name] = Array.isArray(fallback) ? [...fallback] : fallback; // the table's stays
    if (!found.has(name)) continue;
    const text = found.get(name);
    if (property.needs && state[property.needs] === null) {
      note(name, `${name}=${text}`, `only with ${property.needs}=`);
    } else if (property.kind === "list") {
      const pieces = text === "" ? [] : text.split(ITEM);
      state[name] = [];
      pieces.forEach((piece, k) => {
        const read = parseItem(property, piece);
        const item = `${name} item ${k + 1} “${piece}”`;
        const full = property.most !== undefined && state[name].length >= property.most;
        if (read.why) note(name, item, read.why);
        else if (full) note(name, item, `at most ${property.most} items`);
        else state[name].push(read.item);
      });
    } else {
      const read = parse(property, text, state);
      if (read) state[name] = read.value;
      else note(name, `${name}=${text}`, expected(property, state));
    }
  }
  const notes = [];
  for (const key of new Set(found.keys())) {
    if (table.some((property) => property.name === key)) notes.push(...(noted.get(key) ?? []));
    else notes.push(`${key}=${found.get(key)} (not a setting of this page)`);
  }
  return { state, notes };
}

/** How `property` writes `value` in a link. */
function format(property, value) {
  if (property.kind === "list") {
    return value
      .map((item) => property.fields.map((field) => format(field, item[field.name])).join(FIELD))
      .join(ITEM);
  }
  if (property.kind === "number" && property.digits !== undefined) {
    return String(Number(value.toFixed(property.digits)));
  }
  return String(value);
}

// Percent-encoded as a query's value would be, except the list's separators, which a
// URL's fragment allows as they are: 40 points stay 40 points long, not three times that.
const escape = (text) => encodeURIComponent(text).replace(/%2C/g, FIELD).replace(/%3B/g, ITEM);

/**
 * Write `state` into the page's address, replacing the history entry (the back button
 * leaves the page, not the last iteration): each property in the table's order, except
 * those at their default, unset (null), or needing one that is unset.
 * @param {object[]} table the page's properties
 * @param {Object<string, *>} state
 * @returns {string} the whole address written, e.g. ".../replay/#iteration=120&branch=40"
 */
export function writeState(table, state) {
  const pairs = [];
  for (const property of table) {
    const value = state[property.name];
    if (value === null || value === undefined) continue;
    if (property.needs && state[property.needs] === null) continue;
    const text = format(property, value);
    const fallback = valueOf(property.default, state);
    if (fallback !== null && fallback !== undefined && text === format(property, fallback)) {
      continue;
    }
    pairs.push(`${escape(property.name)}=${escape(text)}`);
  }
  const url = new URL(window.location.href);
  url.hash = pairs.join("&"); // none: no "#" at all
  window.history.replaceState(null, "", url);
  return url.href;
}
