/**
 * API list items into snapshot objects, through the same `projectObject` as files. List items carry no kind or
 * apiVersion; the registry supplies them. Secrets arrive as Table rows (name and type, never a value or an
 * annotation) plus the token annotations of legacy token Secrets.
 */
import type { Interner } from '../interner.js';
import { projectObject } from '../prune.js';
import { namespaceFor } from '../scope.js';
import { objectRef, type SnapshotObject } from '../snapshot.js';
import { apiVersionOf, type LiveKind } from './kinds.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The legacy token Secret type, and the annotation naming its ServiceAccount. */
export const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

/**
 * One list item as a snapshot object; undefined for an item without a name (never sent by a server). With an
 * interner, its strings and subtrees are the read's shared copies, as a file read makes them.
 */
export function liveObject(k: LiveKind, item: unknown, interner?: Interner): SnapshotObject | undefined {
  if (!isObject(item)) return undefined;
  const raw = { apiVersion: apiVersionOf(k), kind: k.kind, ...item };
  const metadata = isObject(item.metadata) ? item.metadata : {};
  const found = str(metadata.name);
  if (found === undefined) return undefined;
  const shared = (text: string): string => (interner === undefined ? text : interner.string(text));
  const name = shared(found);
  const scope = namespaceFor(k.kind, str(metadata.namespace));
  const namespace = scope === undefined ? undefined : shared(scope);
  const resourceVersion = str(metadata.resourceVersion);
  const object = projectObject(raw);
  interner?.shareBelow(object);
  return {
    ref: objectRef(k.kind, namespace, name),
    kind: shared(k.kind),
    apiVersion: shared(apiVersionOf(k)),
    ...(namespace !== undefined ? { namespace } : {}),
    name,
    object,
    ...(resourceVersion !== undefined ? { resourceVersion } : {}),
  };
}

/** The metadata a legacy token Secret contributes: its ServiceAccount annotations, by `namespace/name`. */
export function tokenAnnotations(items: readonly unknown[]): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const item of items) {
    const metadata = isObject(item) && isObject(item.metadata) ? item.metadata : undefined;
    const annotations = metadata !== undefined && isObject(metadata.annotations) ? metadata.annotations : {};
    const name = str(metadata?.name);
    const namespace = str(metadata?.namespace);
    const account = str(annotations[SA_NAME_ANNOTATION]);
    // Only the ServiceAccount annotation is copied: last-applied and the rest never leave this function.
    if (name !== undefined && namespace !== undefined && account !== undefined)
      out.set(`${namespace}/${name}`, { [SA_NAME_ANNOTATION]: account });
  }
  return out;
}

/** Secret rows of one namespace's Table (columns Name and Type) as Secrets without data. */
export function secretsFromTable(
  k: LiveKind,
  namespace: string,
  rows: readonly unknown[],
  columns: readonly string[],
  tokens: ReadonlyMap<string, Json>,
): SnapshotObject[] {
  const nameAt = Math.max(0, columns.indexOf('Name'));
  const typeAt = columns.indexOf('Type');
  const out: SnapshotObject[] = [];
  for (const row of rows) {
    const cells = isObject(row) && Array.isArray(row.cells) ? row.cells : [];
    const name = str(cells[nameAt]);
    if (name === undefined) continue;
    const type = typeAt >= 0 ? str(cells[typeAt]) : undefined;
    const annotations = tokens.get(`${namespace}/${name}`);
    const item = {
      metadata: { name, namespace, ...(annotations !== undefined ? { annotations } : {}) },
      ...(type !== undefined ? { type } : annotations !== undefined ? { type: SA_TOKEN_TYPE } : {}),
    };
    const object = liveObject(k, item);
    if (object !== undefined) out.push(object);
  }
  return out;
}
