/** The patches to write into one input file, by document and List item, and the formatting helpers both formats use. */
import { applyOps, type PatchOp } from './patch.js';
import type { KubeObject } from './snapshot.js';

/** The ops for one document: on the document itself, and on its List items by index. */
export interface DocTargets {
  readonly ops: PatchOp[];
  readonly items: Map<number, PatchOp[]>;
}

/** Targets of one file by document index. */
export type FileTargets = ReadonlyMap<number, DocTargets>;

/** A patched value, or `undefined` when the patch deletes it. */
export function patched(value: unknown, ops: readonly PatchOp[]): unknown {
  return ops.length === 0 ? value : applyOps(value as KubeObject, ops);
}

/** Thrown when a file no longer matches what the scan read. */
export function changedSince(file: string, what: string): Error {
  return new Error(`${file}: ${what} — the file changed since the scan; scan it again`);
}

/** The highest item index a document's targets name, or -1. */
export function lastItem(targets: DocTargets): number {
  let last = -1;
  for (const index of targets.items.keys()) if (index > last) last = index;
  return last;
}

/** Applies a document's own ops, then its items' ops; items deleted are removed. `undefined`: the document goes. */
export function patchDocument(value: unknown, targets: DocTargets, file: string): unknown {
  const result = patched(value, targets.ops);
  if (result === undefined || targets.items.size === 0) return result;
  const items = (result as { items?: unknown }).items;
  if (!Array.isArray(items)) throw changedSince(file, 'a List has no items');
  const kept: unknown[] = [];
  items.forEach((item, index) => {
    const ops = targets.items.get(index);
    const next = ops === undefined ? item : patched(item, ops);
    if (next !== undefined) kept.push(next);
  });
  if (lastItem(targets) >= items.length) throw changedSince(file, 'a List item is missing');
  return { ...(result as object), items: kept };
}
