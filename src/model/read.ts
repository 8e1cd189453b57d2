/**
 * Defensive readers for untyped Kubernetes objects. Manifests are user input: a field of the wrong type is
 * treated as absent rather than crashing the scan.
 */

/** A plain object (not an array, not null). */
export type Obj = Readonly<Record<string, unknown>>;

const EMPTY: Obj = Object.freeze({});

/** The value as a plain object, or undefined. */
export function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The value as a plain object, or an empty one. */
export function obj(value: unknown): Obj {
  return asObj(value) ?? EMPTY;
}

/** The value as an array, or an empty one. */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a boolean, or undefined. */
export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The value as a finite number, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A port-like value: a number, or a (named) string. */
export function numOrStr(value: unknown): number | string | undefined {
  return num(value) ?? str(value);
}

/** The strings of an array, in order; non-strings are dropped. */
export function strings(value: unknown): string[] {
  return arr(value).filter((item): item is string => typeof item === 'string');
}

/** A string-to-string map (labels, selectors); non-string values are dropped. */
export function stringMap(value: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(obj(value))) if (typeof item === 'string') out[key] = item;
  return out;
}

/** Follows `path` from `root`, returning undefined when any step is missing. */
export function at(root: unknown, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    const next = asObj(current);
    if (next === undefined) return undefined;
    current = next[segment];
  }
  return current;
}

/** Code-unit string order: stable across locales, which keeps outputs byte-identical. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts items by their `ref`, in place, and returns them. */
export function sortByRef<T extends { readonly ref: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareStrings(a.ref, b.ref));
}

/** Groups items by a key, keeping their order within each group. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

/** Sorted, de-duplicated strings. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}
