// A training curve (loss or accuracy against iteration) on a canvas, with a dot at the
// current iteration and, if given, a dashed line at the first 100% accuracy.

const MARGIN = { left: 44, right: 10, top: 10, bottom: 26 };

/**
 * Draw `values` (one per iteration 0..n) from 0 to `ymax`, a dot at `at`.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values (n + 1,)
 * @param {{at: number, ymax: number, colour: string, steps: boolean, mark: number | null,
 *          markColour: string, format: (y: number) => string}} how
 */
export function drawCurve(canvas, values, { at, ymax, colour, steps, mark, markColour, format }) {
  const width = 360;
  const height = 170;
  canvas.width = width;
  canvas.height = height;
  const n = values.length - 1;
  const x = (i) => MARGIN.left + (i / n) * (width - MARGIN.left - MARGIN.right);
  const y = (v) => height - MARGIN.bottom - (v / ymax) * (height - MARGIN.top - MARGIN.bottom);
  const context = canvas.getContext("2d");
  context.clearRect(0, 0, width, height);

  // Axes, with the scale's ends and the iterations' ends written beside them.
  context.strokeStyle = "#888";
  context.lineWidth = 1;
  context.strokeRect(MARGIN.left, MARGIN.top, width - MARGIN.left - MARGIN.right, y(0) - MARGIN.top);
  context.fillStyle = "#333";
  context.font = "11px sans-serif";
  context.textAlign = "right";
  context.textBaseline = "middle";
  context.fillText(format(0), MARGIN.left - 4, y(0));
  context.fillText(format(ymax), MARGIN.left - 4, y(ymax));
  context.textAlign = "center";
  context.textBaseline = "top";
  context.fillText("0", x(0), y(0) + 4);
  context.fillText(String(n), x(n), y(0) + 4);
  context.fillText("iteration", (x(0) + x(n)) / 2, y(0) + 4);

  if (mark !== null) {
    context.save();
    context.strokeStyle = markColour;
    context.setLineDash([4, 3]);
    context.beginPath();
    context.moveTo(x(mark), MARGIN.top);
    context.lineTo(x(mark), y(0));
    context.stroke();
    context.restore();
  }

  // The curve up to the current iteration, as the animation draws it.
  context.strokeStyle = colour;
  context.lineWidth = 1.5;
  context.beginPath();
  context.moveTo(x(0), y(values[0]));
  for (let i = 1; i <= at; i += 1) {
    if (steps) context.lineTo(x(i), y(values[i - 1]));
    context.lineTo(x(i), y(values[i]));
  }
  context.stroke();
  context.fillStyle = colour;
  context.beginPath();
  context.arc(x(at), y(values[at]), 4, 0, 2 * Math.PI);
  context.fill();
}
