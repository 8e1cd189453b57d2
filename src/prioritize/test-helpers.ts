/** Helpers shared by the planner's tests. */

/** A small deterministic generator of numbers in [0, 1), so a failure repeats. */
export function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
