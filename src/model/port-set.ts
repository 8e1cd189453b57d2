/**
 * Sets of destination ports per protocol, as NetworkPolicy rules describe them: a port, a range (`endPort`), a
 * named port resolved against the destination pod, or every port. `undefined` stands for every port.
 */

/** Inclusive port ranges per protocol; `undefined` is every port of every protocol. */
export type PortSet = ReadonlyMap<string, readonly (readonly [number, number])[]> | undefined;

/** Every port of every protocol. */
export const ALL_PORTS: PortSet = undefined;

/** The empty set: a flow on no port. */
export const NO_PORTS: PortSet = new Map();

/** A mutable builder; `all()` makes the result every port. */
export class PortSetBuilder {
  #all = false;
  readonly #ranges = new Map<string, [number, number][]>();

  /** Adds every port. */
  all(): void {
    this.#all = true;
  }

  /** Adds `from..to` of one protocol. */
  add(protocol: string, from: number, to: number): void {
    if (to < from) return;
    const list = this.#ranges.get(protocol) ?? [];
    list.push([from, to]);
    this.#ranges.set(protocol, list);
  }

  /** Adds a whole set. */
  addSet(set: PortSet): void {
    if (set === undefined) this.all();
    else for (const [protocol, ranges] of set) for (const [from, to] of ranges) this.add(protocol, from, to);
  }

  /** The set built so far. */
  build(): PortSet {
    return this.#all ? ALL_PORTS : this.#ranges;
  }
}

/** True when the set holds no port. */
export function isEmptyPortSet(set: PortSet): boolean {
  return set !== undefined && [...set.values()].every((ranges) => ranges.length === 0);
}

/** True when some port of some protocol is in both sets. */
export function portSetsIntersect(a: PortSet, b: PortSet): boolean {
  if (a === undefined) return !isEmptyPortSet(b);
  if (b === undefined) return !isEmptyPortSet(a);
  for (const [protocol, left] of a) {
    const right = b.get(protocol) ?? [];
    for (const [lo, hi] of left) for (const [from, to] of right) if (lo <= to && from <= hi) return true;
  }
  return false;
}
