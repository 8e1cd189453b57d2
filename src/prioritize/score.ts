/**
 * Integer fixed-point probabilities: P(cost) = 10^6 · 2^(−cost/1000), from a lookup table so that every
 * platform computes the same integers (no float drift between runs or machines).
 */

/** 10^6: the score of a certain compromise. */
export const SCORE_ONE = 1_000_000;

/** TABLE[f] = round(10^6 · 2^(−f/1000)) for f in [0, 1000). */
const TABLE: Int32Array = (() => {
  const table = new Int32Array(1000);
  for (let f = 0; f < 1000; f++) table[f] = Math.round(SCORE_ONE * 2 ** (-f / 1000));
  return table;
})();

/** The score of a path of total integer cost `cost`; 0 when unreachable (cost is Infinity or negative). */
export function scoreOfCost(cost: number): number {
  if (!Number.isFinite(cost) || cost < 0) return 0;
  const whole = Math.floor(cost / 1000);
  if (whole >= 31) return 0;
  return Math.floor(TABLE[cost % 1000]! / 2 ** whole);
}
