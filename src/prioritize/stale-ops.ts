/**
 * Whether a fix computed on an object still means the same after other patches to it. Fixes carry JSON-pointer
 * ops for the object as the run saw it; a later op is stale when an earlier one deleted the object, touched the
 * same place, or removed or inserted an element of an array the later op indexes into (indexes shift).
 */
import type { PatchOp } from '../collect/patch.js';

/** The array a path indexes into, when its last segment is an index (or `-`, the end). */
function arrayOf(path: string): string | undefined {
  const cut = path.lastIndexOf('/');
  const last = path.slice(cut + 1);
  return /^(\d+|-)$/.test(last) ? path.slice(0, cut) : undefined;
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** True when `later` may not mean what it meant on the object before `applied`. */
export function staleAfter(applied: readonly PatchOp[], later: readonly PatchOp[]): boolean {
  for (const a of applied) {
    if (a.op === 'delete-object') return true;
    const shifts = a.op === 'remove' || (a.op === 'add' && !a.path.endsWith('/-'));
    const array = shifts ? arrayOf(a.path) : undefined;
    for (const b of later) {
      if (b.op === 'delete-object') continue;
      if (within(a.path, b.path) || within(b.path, a.path)) return true;
      if (array !== undefined && within(b.path, array)) return true;
    }
  }
  return false;
}
