// A reader's points file, read in the page and never sent anywhere: the CSV parsed as
// Python's csv module parses it (its default, "excel" dialect), then checked row by row as
// scratchnet.plane.csv_points checks it, with the same one-line sentences: the file, the
// row (1 is the header) and the column, what was found, what was expected. The rules (the
// header, the limits, the pattern of a number) come from the page's export, which reads
// them from the Python modules; tests/plane/csv_cases.json holds both checks to the same
// sentence for every case. The page knows a file by its name alone, so a sentence starts
// with the name where Python's starts with the path.

/** A file the page cannot use; the message is the one line Python's check gives. */
export class PointsError extends Error {}

/**
 * The rules a points file is checked by (scratchnet.explore.playground.file_rules).
 * @typedef {{header: string[], most_points: number, most_classes: number,
 *   least_per_class: number, number: string}} FileRules
 */

// Python's str.strip() removes what str.isspace() calls white space (JavaScript's trim()
// differs: it keeps \x1c-\x1f and \x85 and removes the byte-order mark).
const SPACE =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "g");

/** `text` without white space at either end, as Python's `text.strip()`. */
export const pyStrip = (text) => text.replace(STRIP, "");

// Characters Python's repr() writes as an escape: those str.isprintable() refuses.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NAMED_ESCAPES = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * `text` as Python's repr() writes a string: in single quotes, or double quotes if it
 * holds a single quote and no double one; backslashes, the quote and unprintable
 * characters escaped (\n, \x1f, \u200b, \U0001f600).
 * @param {string} text
 * @returns {string}
 */
export function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char in NAMED_ESCAPES) out += NAMED_ESCAPES[char];
    else if (char === quote) out += `\\${quote}`;
    else if (char !== " " && UNPRINTABLE.test(char)) {
      const [prefix, width] = code < 0x100 ? ["x", 2] : code < 0x10000 ? ["u", 4] : ["U", 8];
      out += `\\${prefix}${code.toString(16).padStart(width, "0")}`;
    } else out += char;
  }
  return quote + out + quote;
}

/** Where a problem is: "name", "name, row 3" or "name, row 3, column x1" (user_csv.place). */
const place = (name, row = null, column = null) =>
  name + (row === null ? "" : `, row ${row}`) + (column === null ? "" : `, column ${column}`);

// --- the CSV, as Python's csv.reader reads a file opened with newline="" ---

/** The lines of `text`, each with its end (\n, \r\n or \r), as Python reads them. */
function* lines(text) {
  const end = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    yield text.slice(start, end.lastIndex);
    start = end.lastIndex;
  }
  if (start < text.length) yield text.slice(start);
}

const [START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED, QUOTE_IN_QUOTED, EAT_NEWLINE] = [
  0, 1, 2, 3, 4, 5,
];
const isNewline = (char) => char === "\n" || char === "\r";

/**
 * The rows of CSV `text`, each a list of its cells, as Python's csv.reader gives them
 * (CPython's Modules/_csv.c, the excel dialect: "," between cells, '"' around a cell that
 * holds one or a line break, "" for a quote inside it; a blank line is a row of no
 * cells; a line break inside quotes belongs to the cell).
 * @param {string} text
 * @returns {Generator<string[]>}
 */
export function* csvRows(text) {
  let state = START_RECORD;
  let fields = [];
  let field = "";
  const add = (char) => {
    field += char;
  };
  const save = () => {
    fields.push(field);
    field = "";
  };
  const step = (char) => {
    if (state === START_RECORD) {
      if (isNewline(char)) {
        state = EAT_NEWLINE;
        return;
      }
      state = START_FIELD;
    }
    if (state === START_FIELD) {
      if (isNewline(char)) {
        save();
        state = EAT_NEWLINE;
      } else if (char === '"') state = IN_QUOTED;
      else if (char === ",") save();
      else {
        add(char);
        state = IN_FIELD;
      }
    } else if (state === IN_FIELD) {
      if (isNewline(char)) {
        save();
        state = EAT_NEWLINE;
      } else if (char === ",") {
        save();
        state = START_FIELD;
      } else add(char);
    } else if (state === IN_QUOTED) {
      if (char === '"') state = QUOTE_IN_QUOTED;
      else add(char);
    } else if (state === QUOTE_IN_QUOTED) {
      if (char === '"') {
        add(char);
        state = IN_QUOTED;
      } else if (char === ",") {
        save();
        state = START_FIELD;
      } else if (isNewline(char)) {
        save();
        state = EAT_NEWLINE;
      } else {
        add(char); // not strict: a character after the closing quote joins the cell
        state = IN_FIELD;
      }
    }
    // EAT_NEWLINE: the rest of the line's end
  };
  const endOfLine = () => {
    if (state === START_FIELD || state === IN_FIELD || state === QUOTE_IN_QUOTED) save();
    if (state !== IN_QUOTED) state = START_RECORD; // a quoted cell goes on to the next line
  };
  for (const line of lines(text)) {
    for (const char of line) step(char);
    endOfLine();
    if (state === START_RECORD) {
      yield fields;
      fields = [];
    }
  }
  // The file ends inside a row (no line end after it): the row as it stands.
  if (field !== "" || state === IN_QUOTED) {
    save();
    yield fields;
  }
}

// --- the checks, as scratchnet.plane.csv_points makes them ---

/**
 * A coordinate's cell as a finite number (user_csv.parse_number, then csv_points).
 * @returns {number}
 */
function coordinate(name, row, column, cell, number) {
  const where = place(name, row, column);
  const text = pyStrip(cell);
  if (!number.test(text)) throw new PointsError(`${where}: ${pyRepr(cell)} is not a number`);
  const value = /n/i.test(text) ? Number.NaN : Number(text); // nan, inf: not finite either way
  if (!Number.isFinite(value)) throw new PointsError(`${where}: ${text} is not a finite number`);
  return value;
}

/** A class's cell as its number 0..most-1 (csv_points._label). */
function label(name, row, cell, most) {
  const text = pyStrip(cell);
  const where = place(name, row, "class");
  if (!/^[0-9]+$/.test(text)) {
    const expected = `expected an integer 0 to ${most - 1}`;
    throw new PointsError(`${where}: ${pyRepr(cell)} is not a class; ${expected}`);
  }
  if (Number(text) >= most) {
    throw new PointsError(
      `${where}: class ${text}; expected at most ${most} classes, numbered 0 to ${most - 1}`,
    );
  }
  return Number(text);
}

/** The smallest and largest of `values` (a loop: a spread of 10,000 arguments may not fit). */
function extremes(values) {
  let [low, high] = [Infinity, -Infinity];
  for (const value of values) [low, high] = [Math.min(low, value), Math.max(high, value)];
  return [low, high];
}

/** Classes 0 to k-1, k of 2 or more, each with enough points (csv_points._check_classes). */
function checkClasses(name, labels, least) {
  const counts = new Array(extremes(labels)[1] + 1).fill(0);
  for (const k of labels) counts[k] += 1;
  const present = counts.flatMap((count, k) => (count > 0 ? [k] : []));
  if (present.length === 1) {
    throw new PointsError(
      `${name}: every point is of class ${present[0]}; expected at least 2 classes`,
    );
  }
  const last = counts.length - 1;
  if (present.length < counts.length) {
    throw new PointsError(
      `${name}: class ${counts.indexOf(0)} has no points; expected classes numbered 0 to ` +
        `${last} with none missing`,
    );
  }
  const fewest = Math.min(...counts);
  if (fewest < least) {
    throw new PointsError(
      `${name}: class ${counts.indexOf(fewest)} has ${fewest} points; expected at least ` +
        `${least} of each class`,
    );
  }
}

/**
 * A reader's points file, read and checked; throws PointsError at the first problem,
 * with Python's sentence for it.
 * @param {ArrayBuffer | Uint8Array} bytes the file's contents
 * @param {string} name its name, which every sentence starts with
 * @param {FileRules} rules
 * @returns {{points: Float64Array, labels: Uint8Array, classes: number}} points: (n * 2,)
 *   x1, x2 row by row in the file's units; labels: (n,); classes: k
 */
export function readPoints(bytes, name, rules) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // a leading BOM dropped
  } catch {
    throw new PointsError(`${name}: not UTF-8 text; expected a CSV file`);
  }
  const { header, most_points: most, most_classes: classes, least_per_class: least } = rules;
  const expected = header.join(",");
  const number = new RegExp(`^(?:${rules.number})$`, "i");
  const rows = csvRows(text);
  const first = rows.next();
  if (first.done) {
    throw new PointsError(`${name}: the file is empty; expected a header row ${expected}`);
  }
  const named = first.value.map(pyStrip);
  if (named.length !== header.length || named.some((cell, k) => cell !== header[k])) {
    const found = pyRepr(first.value.join(","));
    throw new PointsError(`${place(name, 1)}: header is ${found}; expected ${pyRepr(expected)}`);
  }
  const points = [];
  const labels = [];
  let firstRow = null;
  let row = 1;
  for (const cells of rows) {
    row += 1;
    firstRow ??= cells;
    if (labels.length === most) {
      const what = `point ${most + 1}; expected at most ${most} points`;
      throw new PointsError(`${place(name, row)}: ${what}`);
    }
    if (cells.length !== header.length) {
      throw new PointsError(
        `${place(name, row)}: ${cells.length} values; expected ${header.length}`,
      );
    }
    points.push(coordinate(name, row, header[0], cells[0], number));
    points.push(coordinate(name, row, header[1], cells[1], number));
    labels.push(label(name, row, cells[2], classes));
  }
  if (labels.length === 0) throw new PointsError(`${name}: header only, no points`);
  checkClasses(name, labels, least);
  // Each coordinate takes more than one value: standardising divides by its spread.
  for (const column of [0, 1]) {
    const [low, high] = extremes(points.filter((_, k) => k % 2 === column));
    if (low === high) {
      const what = `${header[column]} = ${pyStrip(firstRow[column])}`;
      throw new PointsError(
        `${name}, column ${header[column]}: every point has ${what}; expected points that ` +
          "differ in it",
      );
    }
  }
  return {
    points: Float64Array.from(points),
    labels: Uint8Array.from(labels),
    classes: extremes(labels)[1] + 1,
  };
}
