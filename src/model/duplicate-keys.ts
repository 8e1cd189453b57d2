/** The duplicated YAML keys the collector found in each object (`x-chokepoint.duplicateKeys`), for the fact. */
import type { SnapshotObject } from '../collect/snapshot.js';
import { compareStrings } from './read.js';
import type { Ref } from './types.js';

/** One duplicated key of one object: its JSON pointer and the file lines it appears on. */
export interface DuplicateKeyInfo {
  readonly ref: Ref;
  readonly path: string;
  readonly lines: readonly number[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every duplicated key of the objects, sorted by (ref, path). */
export function duplicateKeysOf(objects: readonly SnapshotObject[]): readonly DuplicateKeyInfo[] {
  const out: DuplicateKeyInfo[] = [];
  for (const so of objects) {
    const side = so.object['x-chokepoint'];
    if (!isRecord(side) || !Array.isArray(side.duplicateKeys)) continue;
    for (const key of side.duplicateKeys) {
      if (!isRecord(key) || typeof key.path !== 'string' || !Array.isArray(key.lines)) continue;
      const lines = key.lines.filter((line): line is number => typeof line === 'number');
      out.push({ ref: so.ref, path: key.path, lines });
    }
  }
  return out.sort((a, b) => compareStrings(a.ref, b.ref) || compareStrings(a.path, b.path));
}
