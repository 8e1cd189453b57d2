/**
 * Typed arrays of runs the plan has dropped, handed to the next run it derives. Each plan round derives a run with
 * its own labels, forest and edge marks (about 7 MB at 150,000 pods) and drops the one before; new arrays each
 * round waited for a full collection, and at R150k the plan ended with 190 MB more of them than it started with.
 * Only the planner recycles, and only arrays no live run can still read.
 */

type Spare = Float64Array | Int32Array | Uint8Array;

/** Kept per type and length: a plan needs about two rounds' worth at a time. */
const MAX_KEPT = 4;

const spares = {
  float64: new Map<number, Float64Array[]>(),
  int32: new Map<number, Int32Array[]>(),
  uint8: new Map<number, Uint8Array[]>(),
};

function take<T extends Spare>(pool: Map<number, T[]>, length: number): T | undefined {
  return pool.get(length)?.pop();
}

/** An array of `length` whose contents are left over from an earlier run: the caller writes every element. */
export function spareFloat64(length: number): Float64Array {
  return take(spares.float64, length) ?? new Float64Array(length);
}

/** An array of `length` whose contents are left over from an earlier run: the caller writes every element. */
export function spareInt32(length: number): Int32Array {
  return take(spares.int32, length) ?? new Int32Array(length);
}

/** An array of `length` whose contents are left over from an earlier run: the caller writes every element. */
export function spareUint8(length: number): Uint8Array {
  return take(spares.uint8, length) ?? new Uint8Array(length);
}

/** Hands arrays back for reuse; nothing may read them afterwards. */
export function recycle(...arrays: readonly Spare[]): void {
  for (const array of arrays) {
    const pool: Map<number, Spare[]> =
      array instanceof Float64Array
        ? spares.float64
        : array instanceof Int32Array
          ? spares.int32
          : spares.uint8;
    const kept = pool.get(array.length);
    if (kept === undefined) pool.set(array.length, [array]);
    else if (kept.length < MAX_KEPT && !kept.includes(array)) kept.push(array);
  }
}

/** Lets every spare go, once a plan is made. */
export function dropSpares(): void {
  spares.float64.clear();
  spares.int32.clear();
  spares.uint8.clear();
}
