// Numbers as the pages write them, one rule each, so both pages agree.

/** A fraction as a percentage with one decimal: 0.9583 -> "95.8%", 1 -> "100.0%". */
export const percent = (fraction) => `${(fraction * 100).toFixed(1)}%`;

/** A number with 5 significant digits, as the replay page writes values and gradients. */
export const significant = (value) => Number(value).toPrecision(5);

// The decimals of a formula's numbers: enough to see the terms, few enough to read a sum.
export const DECIMALS = 4;

/** A number with DECIMALS decimals and a true minus sign: -0.5 -> "−0.5000". */
export const fixed = (value) => {
  const text = Math.abs(value).toFixed(DECIMALS);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
};
