// Loading a page's data: a JSON index exported by the pipeline, and the binary files of
// numbers it names (scratchnet.explore.pack), viewed as typed arrays without parsing.

/**
 * An array from a binary file: `values` in row-major order and its `shape`.
 * @typedef {{values: Float64Array | Float32Array | Uint8Array | Uint16Array,
 *   shape: number[]}} Array
 */

const TYPED_ARRAYS = { Float64Array, Float32Array, Uint8Array, Uint16Array };

/**
 * Fetch the JSON at `url`; an error names the file if it is missing or not JSON.
 * @param {URL} url
 * @returns {Promise<object>}
 */
export async function loadJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  return response.json();
}

/**
 * Fetch the binary file an index entry names (beside `indexUrl`) and view its arrays.
 * @param {URL} indexUrl where the index was read: the file lies beside it
 * @param {{file: string, bytes: number,
 *   arrays: Object<string, {dtype: string, shape: number[], offset: number}>}} data
 * @returns {Promise<Object<string, Array>>} each array by name
 */
export async function loadArrays(indexUrl, data) {
  const url = new URL(data.file, indexUrl);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength !== data.bytes) {
    throw new Error(`${url.pathname}: ${buffer.byteLength} bytes, the index says ${data.bytes}`);
  }
  const arrays = {};
  for (const [name, { dtype, shape, offset }] of Object.entries(data.arrays)) {
    const length = shape.reduce((a, b) => a * b, 1);
    arrays[name] = { values: new TYPED_ARRAYS[dtype](buffer, offset, length), shape };
  }
  return arrays;
}

/**
 * Replace the contents of `root` by a message saying the page could not load its data,
 * so a reader sees why instead of empty axes.
 * @param {HTMLElement} root
 * @param {Error} problem
 */
export function showLoadProblem(root, problem) {
  const message = document.createElement("p");
  message.className = "explore-problem";
  message.setAttribute("role", "alert");
  message.textContent =
    `This page could not load its data (${problem.message}). ` +
    "Build the site with `snakemake -j4 docs` and serve the site/ folder.";
  root.replaceChildren(message);
}
