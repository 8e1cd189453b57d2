/**
 * Fixes are pure patches on snapshot objects (RFC 6902 JSON Patch, plus deleting the object).
 * The same ops are applied to the in-memory snapshot to predict risk and to the input files by `--apply-plan`,
 * which is what makes "predicted risk after a fix equals a re-scan of the patched files" true by construction.
 */
import type { KubeObject, Snapshot, SnapshotObject } from './snapshot.js';

/** One JSON Patch operation; `path` is a JSON Pointer into the object. */
export type PatchOp =
  | { readonly op: 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'delete-object' };

/** A patch for one object. */
export interface ObjectPatch {
  readonly target: string;
  readonly ops: readonly PatchOp[];
}

/** Splits a JSON Pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one segment for a JSON Pointer (`/` and `~`). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from segments. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

type Mutable = Record<string, unknown> | unknown[];

/**
 * Applies ops to a copy of `object`, which stays as it was. The copy is made along each op's path only: snapshot
 * objects share equal subtrees (`Interner`), even within one object (a Deployment's labels and its template's),
 * so a copy that kept that sharing would patch both places.
 */
export function applyOps(object: KubeObject, ops: readonly PatchOp[]): KubeObject | undefined {
  const copied = new Set<Mutable>();
  const own = (node: Mutable): Mutable => {
    if (copied.has(node)) return node;
    const copy: Mutable = Array.isArray(node) ? [...node] : { ...node };
    copied.add(copy);
    return copy;
  };
  let copy = own(object as Record<string, unknown>) as Record<string, unknown>;
  nextOp: for (const op of ops) {
    if (op.op === 'delete-object') return undefined;
    const segments = pointerSegments(op.path);
    const last = segments.pop();
    if (last === undefined) {
      if (op.op === 'remove') return undefined;
      copy = structuredClone(op.value) as Record<string, unknown>;
      continue;
    }
    let parent: Mutable = copy;
    for (const segment of segments) {
      const next: unknown = Array.isArray(parent) ? parent[Number(segment)] : parent[segment];
      // Removing under a path that does not exist removes nothing (not a same-named key higher up).
      if ((next === null || typeof next !== 'object') && op.op === 'remove') continue nextOp;
      const child = next === null || typeof next !== 'object' ? {} : own(next as Mutable);
      copied.add(child);
      if (Array.isArray(parent)) parent[Number(segment)] = child;
      else parent[segment] = child;
      parent = child;
    }
    applyAtParent(parent, last, op);
  }
  return copy as KubeObject;
}

function applyAtParent(parent: Mutable, key: string, op: PatchOp): void {
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (op.op === 'remove') parent.splice(index, 1);
    else if (op.op === 'add') parent.splice(index, 0, structuredClone(op.value));
    else if (op.op === 'replace') parent[index] = structuredClone(op.value);
    return;
  }
  if (op.op === 'remove') delete parent[key];
  else if (op.op === 'add' || op.op === 'replace') parent[key] = structuredClone(op.value);
}

/** Applies patches to a snapshot, giving the snapshot S′ the pipeline re-runs on. Unpatched objects are shared. */
export function applyPatches(snapshot: Snapshot, patches: readonly ObjectPatch[]): Snapshot {
  const byTarget = new Map<string, PatchOp[]>();
  for (const patch of patches) {
    const ops = byTarget.get(patch.target) ?? [];
    ops.push(...patch.ops);
    byTarget.set(patch.target, ops);
  }
  const objects: SnapshotObject[] = [];
  for (const entry of snapshot.objects) {
    const ops = byTarget.get(entry.ref);
    if (ops === undefined) {
      objects.push(entry);
      continue;
    }
    const patched = applyOps(entry.object, ops);
    if (patched !== undefined) objects.push({ ...entry, object: patched });
  }
  return { ...snapshot, objects };
}
