/**
 * Reads one kind: cluster-wide when allowed, else namespace by namespace (a user bound per namespace may still
 * read most of the cluster). Secrets are read per namespace as Tables of names and types, so no value and no
 * last-applied annotation ever crosses the wire; legacy token Secrets add their ServiceAccount annotation from
 * a metadata-only list filtered to that type.
 */
import type { Interner } from '../interner.js';
import { depthOf, limitFlag } from '../limits.js';
import type { SnapshotObject } from '../snapshot.js';
import type { ApiClient } from './api-client.js';
import { type LiveKind, listPath } from './kinds.js';
import { type Keep, type Listed, listAll } from './list.js';
import type { ReadFailure } from './live-gaps.js';
import { liveObject, SA_TOKEN_TYPE, secretsFromTable, tokenAnnotations } from './live-objects.js';
import type { Limiter } from './pool.js';

/** What reading one kind gave. */
export interface KindRead {
  readonly objects: SnapshotObject[];
  readonly failures: ReadFailure[];
}

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const METADATA = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io';

interface Reader {
  readonly client: ApiClient;
  readonly limiter: Limiter;
  readonly namespaces: readonly string[];
  /** Shares the strings and subtrees of every object the scan reads. */
  readonly interner: Interner;
  /** The deepest nesting an object may have, as `--max-depth` sets it for files. */
  readonly maxDepth: number;
  /** Sees each raw item beside its slim object, for what the slim object drops (a Node's kubelet). */
  readonly observe?: (k: LiveKind, item: unknown, object: SnapshotObject) => void;
}

function failure(k: LiveKind, listed: Listed, namespace?: string): ReadFailure {
  if (listed.ok) throw new Error('failure(): the list succeeded');
  return {
    plural: k.plural,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(listed.status !== undefined ? { status: listed.status } : {}),
    ...(listed.kind !== undefined ? { kind: listed.kind } : {}),
    reason: listed.reason,
  };
}

/** Lists a kind cluster-wide, falling back to each namespace when that is forbidden; items through `keep`. */
async function listEverywhere<T>(
  reader: Reader,
  k: LiveKind,
  request: { accept?: string; query?: Record<string, string> },
  keep?: Keep<T>,
): Promise<{ items: T[]; failures: ReadFailure[] }> {
  const all = await listAll(reader.client, reader.limiter, { path: listPath(k), ...request }, keep);
  if (all.ok) return { items: [...all.items], failures: [] };
  if (!k.namespaced || all.status !== 403) return { items: [], failures: [failure(k, all)] };
  const items: T[] = [];
  const failures: ReadFailure[] = [];
  const lists = await Promise.all(
    reader.namespaces.map((ns) =>
      listAll(reader.client, reader.limiter, { path: listPath(k, ns), ...request }, keep),
    ),
  );
  lists.forEach((listed, index) => {
    if (listed.ok) for (const item of listed.items) items.push(item);
    else failures.push(failure(k, listed, reader.namespaces[index]));
  });
  return { items, failures };
}

/** Reads one kind of the registry. */
export async function readKind(reader: Reader, k: LiveKind): Promise<KindRead> {
  if (k.mode === 'table-names') return readSecrets(reader, k);
  // Each page becomes snapshot objects as it arrives: the raw items never pile up.
  // Sets: a relist after 410 Gone meets the same objects again.
  const overLimit = new Set<string>();
  const unreadable = new Set<string>();
  const { items: objects, failures } = await listEverywhere(reader, k, {}, (item) => {
    // The files' depth limit, so a cluster read live and its dump read as files give the same objects.
    if (depthOf(item) > reader.maxDepth) {
      overLimit.add(refOf(k, item));
      return undefined;
    }
    try {
      const object = liveObject(k, item, reader.interner);
      if (object !== undefined) reader.observe?.(k, item, object);
      return object;
    } catch (error) {
      // Projection recurses: an object nested thousands deep (possible only with --max-depth raised that far)
      // exhausts the stack. It is left out, and said.
      if (!(error instanceof RangeError)) throw error;
      unreadable.add(refOf(k, item));
      return undefined;
    }
  });
  const raise = `nesting depth over ${reader.maxDepth}, raise with ${limitFlag('depth')}`;
  if (overLimit.size > 0) failures.push(leftOut(k, raise, overLimit));
  if (unreadable.size > 0) failures.push(leftOut(k, 'nested too deep to read', unreadable));
  return { objects, failures };
}

/** The failure for objects of a kind left out for one reason: the first five named, the rest counted. */
function leftOut(k: LiveKind, why: string, refs: ReadonlySet<string>): ReadFailure {
  const sorted = [...refs].sort();
  const named = sorted.slice(0, 5).join(', ') + (sorted.length > 5 ? `, and ${sorted.length - 5} more` : '');
  return { plural: k.plural, kind: 'limit-exceeded', reason: `${why}: ${named}` };
}

/** `Kind/namespace/name` of a raw list item, as far as it says. */
function refOf(k: LiveKind, item: unknown): string {
  const metadata = (item as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  const name = typeof metadata?.name === 'string' ? metadata.name : '(unnamed)';
  return typeof metadata?.namespace === 'string'
    ? `${k.kind}/${metadata.namespace}/${name}`
    : `${k.kind}/${name}`;
}

async function readSecrets(reader: Reader, k: LiveKind): Promise<KindRead> {
  const tokenList = await listEverywhere(reader, k, {
    accept: METADATA,
    query: { fieldSelector: `type=${SA_TOKEN_TYPE}` },
  });
  const tokens = tokenAnnotations(tokenList.items);
  const failures = [...tokenList.failures];
  const objects: SnapshotObject[] = [];
  const tables = await Promise.all(
    reader.namespaces.map((ns) =>
      listAll(reader.client, reader.limiter, {
        path: listPath(k, ns),
        accept: TABLE,
        query: { includeObject: 'None' },
      }),
    ),
  );
  tables.forEach((listed, index) => {
    const ns = reader.namespaces[index]!;
    if (!listed.ok) failures.push(failure(k, listed, ns));
    else
      for (const object of secretsFromTable(k, ns, listed.items, listed.columns, tokens))
        objects.push(object);
  });
  // A namespace that failed both lists is one gap, not two.
  const seen = new Set<string>();
  const unique = failures.filter((f) => {
    const key = `${f.namespace ?? ''}\u0000${f.status ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { objects, failures: unique };
}
