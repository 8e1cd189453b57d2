/**
 * Test helper: a Snapshot from plain Kubernetes objects (as written in YAML) or YAML text, run through the
 * collector's own projection and scoping rule, so tests see exactly what a scan of the same manifests sees.
 */
import { parseAllDocuments } from 'yaml';
import { projectObject, X_CHOKEPOINT } from '../collect/prune.js';
import { namespaceFor } from '../collect/scope.js';
import { type KubeObject, objectRef, type Snapshot, type SnapshotObject } from '../collect/snapshot.js';

function flatten(value: unknown, out: Record<string, unknown>[]): void {
  if (typeof value === 'string') {
    for (const doc of parseAllDocuments(value)) flatten(doc.toJS(), out);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  // `List` and `*List` kinds (kubectl get -o yaml) hold their objects in `items`.
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
    flatten(object.items, out);
    return;
  }
  out.push(object);
}

/**
 * Builds a Snapshot from objects, arrays of objects, Lists or YAML strings. Namespaced kinds without a namespace
 * land in `default`, as kubectl applies them; every object is located at `test.yaml:1`, document = its index.
 */
export function snapshotOf(objects: unknown[]): Snapshot {
  const flat: Record<string, unknown>[] = [];
  flatten(objects, flat);
  const snapshotObjects: SnapshotObject[] = [];
  const kindCounts: Record<string, number> = {};
  flat.forEach((raw, doc) => {
    const projected = projectObject(raw);
    // An already projected record (from a snapshot file) keeps its side field: its values are gone, so
    // re-deriving `x-chokepoint` would lose what the first projection saw.
    const object: KubeObject =
      X_CHOKEPOINT in raw ? { ...projected, [X_CHOKEPOINT]: raw[X_CHOKEPOINT] } : projected;
    const kind = typeof object.kind === 'string' ? object.kind : '';
    const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '';
    const declared = object.metadata?.namespace;
    const namespace = namespaceFor(kind, typeof declared === 'string' ? declared : undefined);
    snapshotObjects.push({
      ref: objectRef(kind, namespace, name),
      kind,
      apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
      ...(namespace !== undefined ? { namespace } : {}),
      name,
      object,
      location: { file: 'test.yaml', line: 1, doc },
    });
    kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
  });
  return { source: { type: 'files', paths: ['test.yaml'] }, objects: snapshotObjects, gaps: [], kindCounts };
}
