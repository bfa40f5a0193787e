// Values on a side x side grid of the plane painted into an ImageData, a pixel a grid
// point, through colour tables: the network's boundary (each point's class, paler where
// the network is less sure) and each hidden unit's map. A page makes the ImageData and its
// canvas once (side x side pixels, scaled up by CSS) and repaints them every frame.

/**
 * A colour table as bytes, for painting without parsing a colour per pixel.
 * @param {string[]} table N colours "#rrggbb"
 * @returns {Uint8ClampedArray} (N * 4,) red, green, blue, alpha (255) of each
 */
export function colourBytes(table) {
  const bytes = new Uint8ClampedArray(table.length * 4);
  table.forEach((hex, k) => {
    bytes.set([1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)), k * 4);
    bytes[k * 4 + 3] = 255;
  });
  return bytes;
}

/** Copy colour `index` of `bytes` to pixel `pixel` of `data`. */
function setPixel(data, pixel, bytes, index) {
  for (let c = 0; c < 4; c += 1) data[pixel * 4 + c] = bytes[index * 4 + c];
}

/**
 * Paint `values` into `image`, each the colour heatmap.js's colourOf gives it (matplotlib's
 * rule): entry floor(t N) of the N-colour table, t = (value - vmin) / (vmax - vmin),
 * clipped to the table's ends.
 * @param {ImageData} image side x side
 * @param {Float64Array} values (side * side,) row by row from the top, as gridPoints lays
 *   out the plane
 * @param {Uint8ClampedArray} bytes colourBytes()'s
 * @param {number} vmin
 * @param {number} vmax
 */
export function paintValues(image, values, bytes, vmin, vmax) {
  const last = bytes.length / 4 - 1;
  const perUnit = (last + 1) / (vmax - vmin);
  for (let pixel = 0; pixel < values.length; pixel += 1) {
    const index = Math.floor((values[pixel] - vmin) * perUnit);
    setPixel(image.data, pixel, bytes, Math.min(last, Math.max(0, index)));
  }
}

/**
 * Paint each point's class in its own colour table, from the table's first colour where
 * the class is barely the likeliest (probability 1/K, K classes) to its last where it is
 * certain (probability 1).
 * @param {ImageData} image side x side
 * @param {Uint8Array} classes (side * side,) stack.js's gridForward's
 * @param {Float64Array} probability (side * side,) of that class, from 1/K to 1
 * @param {Uint8ClampedArray[]} tables (K,) colourBytes() of each class's table
 */
export function paintClasses(image, classes, probability, tables) {
  const chance = 1 / tables.length;
  for (let pixel = 0; pixel < classes.length; pixel += 1) {
    const bytes = tables[classes[pixel]];
    const last = bytes.length / 4 - 1;
    const t = (probability[pixel] - chance) / (1 - chance);
    setPixel(image.data, pixel, bytes, Math.min(last, Math.max(0, Math.floor(t * (last + 1)))));
  }
}
