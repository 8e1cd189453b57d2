/**
 * The one likelihood table. Every technique names a class; an edge costs round(1000 · −log2 p), so costs add
 * along a path exactly as probabilities multiply, in integers.
 */

/** How likely an attacker with the source node succeeds at the step. */
export type LikelihoodClass = 'certain' | 'trivial' | 'likely' | 'possible' | 'unlikely' | 'rare';

/** The probability of each class. */
export const LIKELIHOOD: Readonly<Record<LikelihoodClass, number>> = {
  certain: 1,
  trivial: 0.9,
  likely: 0.6,
  possible: 0.3,
  unlikely: 0.1,
  rare: 0.03,
};

/** All classes, most likely first. */
export const LIKELIHOOD_CLASSES: readonly LikelihoodClass[] = [
  'certain',
  'trivial',
  'likely',
  'possible',
  'unlikely',
  'rare',
];

/** The integer cost of a probability: round(1000 · −log2 p). */
export function costOfProbability(p: number): number {
  if (!(p > 0 && p <= 1)) throw new RangeError(`probability must be in (0, 1], got ${p}`);
  // `|| 0` turns −0 (p = 1) into 0, so certain steps serialise and compare as plain zero.
  return Math.round(-1000 * Math.log2(p)) || 0;
}

/** The integer cost of a likelihood class. */
export function costOf(likelihood: LikelihoodClass): number {
  return costOfProbability(LIKELIHOOD[likelihood]);
}
