/**
 * Test helper: a Snapshot from plain Kubernetes objects (as written in YAML) or YAML text. Objects are taken
 * as they are: the collector's projection only drops fields the model never reads, so it is the identity on
 * every field the model and techniques use.
 */
import { parseAllDocuments } from 'yaml';
import { type KubeObject, objectRef, type Snapshot, type SnapshotObject } from '../collect/snapshot.js';
import { MODEL_NAMESPACED_KINDS } from './namespaces.js';

// Kinds kubectl treats as cluster-scoped (it ignores their namespace); the ones tests use.
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
]);

/** The collector's scoping rule: namespaced built-ins default to `default`, cluster-scoped kinds have none. */
function namespaceFor(kind: string, declared: string | undefined): string | undefined {
  if (CLUSTER_SCOPED_KINDS.has(kind)) return undefined;
  if (declared !== undefined && declared !== '') return declared;
  return MODEL_NAMESPACED_KINDS.has(kind) ? 'default' : undefined;
}

function flatten(value: unknown, out: KubeObject[]): void {
  if (typeof value === 'string') {
    for (const doc of parseAllDocuments(value)) flatten(doc.toJS(), out);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as KubeObject;
  // `List` and `*List` kinds (kubectl get -o yaml) hold their objects in `items`.
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
    flatten(object.items, out);
    return;
  }
  out.push(object);
}

/** Builds a Snapshot from objects, arrays of objects, Lists or YAML strings. Namespaced kinds default to `default`, as kubectl applies them. */
export function snapshotOf(objects: unknown[]): Snapshot {
  const flat: KubeObject[] = [];
  flatten(objects, flat);
  const snapshotObjects: SnapshotObject[] = [];
  const kindCounts: Record<string, number> = {};
  flat.forEach((object, doc) => {
    const kind = typeof object.kind === 'string' ? object.kind : '';
    const name = object.metadata?.name ?? '';
    const namespace = namespaceFor(kind, object.metadata?.namespace);
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
