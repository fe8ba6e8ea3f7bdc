/**
 * Decimal arithmetic for published index figures. Scores are held as integer milli-points and
 * percentages as integer hundredths so that sums, ratios and averages are exact; floats are only
 * produced at the edge (`fromHundredths`).
 */

/** Engine resolution: points are exact to 0.001 (survey points have 2 decimals, tiers 1–2). */
export const MILLI = 1000;

/** Points → integer milli-points (7.3 → 7300, immune to 7.3 × 1000 = 7299.999…). */
export function toMilli(points: number): number {
  return Math.round(points * MILLI);
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

export function fromHundredths(h: number): number {
  return h / 100;
}

/**
 * Round half up (half away from zero for negatives) at `decimals` places, on the decimal value
 * the float was written as: 94.265 is stored as 94.26499999…, yet must publish as 94.27, and
 * 1.005 → 1.01. `toPrecision(15)` drops the binary noise (doubles hold 15 exact significant
 * digits); the shift by 10^decimals is then done in decimal notation, not by multiplication.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = decimalShift(Math.abs(x).toPrecision(15), decimals);
  const rounded = Math.round(shifted);
  const back = decimalShift(String(rounded), -decimals);
  return sign * back || 0;
}

function decimalShift(s: string, by: number): number {
  const [mantissa, exp = '0'] = s.split('e');
  return Number(`${mantissa}e${Number(exp) + by}`);
}

/** round2 as published: 2 decimals, half up on the decimal value. */
export function round2(x: number): number {
  return roundHalfUp(x, 2);
}

/**
 * round-half-up of num × scale ÷ den for non-negative integers, in integer arithmetic
 * (exact while 2·num·scale < 2^53). `ratioRounded(pointsMilli, maxMilli, 10_000)` is the
 * index in hundredths of a percent.
 */
export function ratioRounded(num: number, den: number, scale: number): number {
  const n2 = 2 * num * scale + den;
  const d2 = 2 * den;
  return (n2 - (n2 % d2)) / d2;
}

/** Index % in hundredths: round2(100 × points ÷ max) computed on integer milli-points. */
export function pctHundredths(pointsMilli: number, maxMilli: number): number {
  return ratioRounded(pointsMilli, maxMilli, 10_000);
}

/** Mean of integer hundredths, rounded half up to hundredths (sum ≥ 0). */
export function meanHundredths(sum: number, count: number): number {
  return ratioRounded(sum, count, 1);
}
