/**
 * Brings a parsed YAML Document to a target value with the smallest edits to its node tree, so comments, key
 * order and formatting outside the changed fields survive. The target is computed by `applyOps` on the document's
 * value, so the file means exactly what the patched snapshot object means.
 */
import { type Document, isMap, isSeq } from 'yaml';

type Key = string | number;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON-like values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Edits `doc` so that its value at `path` goes from `before` to `after`. */
export function syncNode(doc: Document, path: readonly Key[], before: unknown, after: unknown): void {
  if (jsonEqual(before, after)) return;
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const key of Object.keys(before)) if (!(key in after)) node.delete(key);
    for (const [key, value] of Object.entries(after)) {
      if (key in before) syncNode(doc, [...path, key], before[key], value);
      else node.set(key, doc.createNode(value));
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    let head = 0;
    while (head < before.length && head < after.length && jsonEqual(before[head], after[head])) head++;
    let tail = 0;
    while (
      tail < before.length - head &&
      tail < after.length - head &&
      jsonEqual(before[before.length - 1 - tail], after[after.length - 1 - tail])
    )
      tail++;
    const removed = before.length - head - tail;
    const added = after.length - head - tail;
    if (removed === added) {
      for (let i = head; i < head + added; i++) syncNode(doc, [...path, i], before[i], after[i]);
      return;
    }
    const inserted = after.slice(head, head + added).map((value) => doc.createNode(value));
    node.items.splice(head, removed, ...inserted);
    return;
  }
  if (path.length === 0) doc.contents = doc.createNode(after);
  else doc.setIn(path, doc.createNode(after));
}
