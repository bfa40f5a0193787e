// A training curve (loss or accuracy against iteration or epoch) on a canvas, with a dot
// at the current one, a faint line for another run to compare with (the saved run, under
// a branch), other curves in their own colours beside it (the validation set's) and, if
// given, a dashed line at the first 100% training accuracy. Drawn at the screen's pixel
// density (devicePixelRatio), so lines and text stay sharp.

const MARGIN = { left: 44, right: 10, top: 10, bottom: 26 };
const ASPECT = 170 / 360; // height over width

/**
 * Draw `values` (one per iteration 0..n) from 0 to `ymax`, a dot at `at`.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values (n + 1,) non-finite values are left out
 * @param {{at: number, ymax: number, colour: string, steps: boolean, mark: number | null,
 *   markColour: string, format: (y: number) => string, faint?: ArrayLike<number>,
 *   also?: {values: ArrayLike<number>, colour: string}[], xlabel?: string}} how
 *   faint: another curve drawn light under this one (its own length); also: curves drawn
 *   as this one is, up to `at`, each in its colour; xlabel: what counts along (iteration)
 */
export function drawCurve(canvas, values, how) {
  const { at, ymax, colour, steps, mark, markColour, format, faint = null } = how;
  const { also = [], xlabel = "iteration" } = how;
  const width = canvas.clientWidth || 360; // the CSS pixels it is shown at
  const height = Math.round(width * ASPECT);
  const density = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * density);
  canvas.height = Math.round(height * density);
  const context = canvas.getContext("2d");
  context.scale(density, density);
  const n = Math.max(values.length - 1, faint ? faint.length - 1 : 0, 1);
  const right = width - MARGIN.right;
  const x = (i) => MARGIN.left + (i / n) * (right - MARGIN.left);
  const y = (v) => height - MARGIN.bottom - (v / ymax) * (height - MARGIN.top - MARGIN.bottom);

  // Axes, with the scale's ends and the iterations' ends written beside them.
  context.strokeStyle = "#888";
  context.lineWidth = 1;
  context.strokeRect(MARGIN.left, MARGIN.top, right - MARGIN.left, y(0) - MARGIN.top);
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
  context.fillText(xlabel, (x(0) + x(n)) / 2, y(0) + 4);

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

  const line = (curve, last) => {
    context.beginPath();
    let drawing = false;
    for (let i = 0; i <= last; i += 1) {
      if (!Number.isFinite(curve[i])) {
        drawing = false;
        continue;
      }
      const v = Math.min(curve[i], ymax * 1.05);
      if (!drawing) context.moveTo(x(i), y(v));
      else if (steps) context.lineTo(x(i), y(Math.min(curve[i - 1], ymax * 1.05)));
      context.lineTo(x(i), y(v));
      drawing = true;
    }
    context.stroke();
  };
  if (faint) {
    context.save();
    context.globalAlpha = 0.3;
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    line(faint, faint.length - 1);
    context.restore();
  }
  // Each curve up to the current iteration, as the animation draws it, this one on top.
  for (const curve of [...also, { values, colour }]) {
    context.strokeStyle = curve.colour;
    context.lineWidth = 1.5;
    line(curve.values, at);
    if (Number.isFinite(curve.values[at])) {
      context.fillStyle = curve.colour;
      context.beginPath();
      context.arc(x(at), y(Math.min(curve.values[at], ymax * 1.05)), 4, 0, 2 * Math.PI);
      context.fill();
    }
  }
}
