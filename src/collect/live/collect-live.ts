/**
 * Live ingest: a cluster into a Snapshot, read-only. The server version, then namespaces, then every kind of
 * the registry (at most `concurrency` requests in flight), then the kubelets' own /configz (kubelet-configz.ts), then
 * who the scanning identity is and what it may do.
 * What could not be read becomes gaps; only a server that cannot be reached at all (or rejects the credentials)
 * fails.
 */
import { Interner } from '../interner.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Gap, ScannerAccess, Snapshot, SnapshotObject, SnapshotSource } from '../snapshot.js';
import { reviewScanner } from './access-review.js';
import { ApiClient, type ApiClientOptions } from './api-client.js';
import { LIVE_KINDS, type LiveKind, listPath } from './kinds.js';
import { type KubeTarget, loadKubeConfig } from './kube-config.js';
import { type KubeletTarget, kubeletTarget, readKubeletConfigs } from './kubelet-configz.js';
import { listAll } from './list.js';
import { liveGaps, type ReadFailure } from './live-gaps.js';
import { liveObject } from './live-objects.js';
import { Limiter } from './pool.js';
import { readKind } from './read-kind.js';
import { reviewSelf } from './self-review.js';

/** Options of a live scan. */
export interface LiveOptions extends ApiClientOptions {
  /** Requests in flight at once. Default 4. */
  readonly concurrency?: number;
  /** Progress lines (the CLI passes one only when stderr is a terminal). */
  readonly progress?: (line: string) => void;
  /** Objects nested deeper are left out as a gap, as files are (`--max-depth`). Default: the files' default. */
  readonly maxDepth?: number;
}

/** A snapshot, or why the cluster could not be read at all. */
export type LiveResult =
  | { readonly ok: true; readonly snapshot: Snapshot }
  | { readonly ok: false; readonly message: string };

/** One attempt of at most 5 s per kubelet. */
const KUBELET_TIMEOUT_MS = 5_000;
const KUBELET_RETRY = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } as const;

const NAMESPACE_KIND = LIVE_KINDS.find((k) => k.kind === 'Namespace') as LiveKind;

/** Reads the cluster a kubeconfig context points at. */
export async function collectLive(target: KubeTarget, options: LiveOptions = {}): Promise<LiveResult> {
  const loaded = loadKubeConfig(target);
  if (!loaded.ok) return loaded;
  const client = new ApiClient(loaded.config, options);
  const source: SnapshotSource = { type: 'cluster', server: client.server, context: loaded.context };
  const defaultNamespace = loaded.config.getContextObject(loaded.context)?.namespace ?? 'default';
  // A kubelet is asked once, briefly: an unreachable node must not hold the scan for the API server's budget.
  const kubeletClient = (server: string) =>
    new ApiClient(loaded.config, { ...options, server, timeoutMs: KUBELET_TIMEOUT_MS, retry: KUBELET_RETRY });
  return collectWith(client, { source, defaultNamespace, options, kubeletClient });
}

/** The minor version `/version` reports (`1.36`), or why it is unknown. */
async function serverVersion(client: ApiClient): Promise<{ minor?: string; fatal?: string }> {
  const answer = await client.get('/version');
  if (!answer.ok) {
    if (answer.status === 401)
      return { fatal: `${client.server}: the credentials were rejected (401) — check the kubeconfig user` };
    if (answer.status === undefined)
      return {
        fatal: `${client.server}: cannot reach the API server (${answer.reason}) — check --context and the network`,
      };
    return {};
  }
  const body = answer.json as { major?: unknown; minor?: unknown };
  const major = String(body.major ?? '').replace(/\D/g, '');
  const minor = String(body.minor ?? '').replace(/\D/g, '');
  return major !== '' && minor !== '' ? { minor: `${Number(major)}.${Number(minor)}` } : {};
}

async function collectWith(
  client: ApiClient,
  run: {
    source: SnapshotSource;
    defaultNamespace: string;
    options: LiveOptions;
    kubeletClient: (server: string) => ApiClient;
  },
): Promise<LiveResult> {
  const { options } = run;
  const limiter = new Limiter(options.concurrency ?? 4);
  const version = await serverVersion(client);
  if (version.fatal !== undefined) return { ok: false, message: version.fatal };
  const failures: ReadFailure[] = [];
  const objects: SnapshotObject[] = [];
  const interner = new Interner();
  const nsList = await listAll(client, limiter, { path: listPath(NAMESPACE_KIND) }, (item) =>
    liveObject(NAMESPACE_KIND, item, interner),
  );
  let namespaces: string[];
  if (nsList.ok) {
    for (const object of nsList.items) objects.push(object);
    namespaces = objects.map((o) => o.name).sort();
  } else {
    failures.push({
      plural: 'namespaces',
      ...(nsList.status ? { status: nsList.status } : {}),
      reason: nsList.reason,
    });
    namespaces = [run.defaultNamespace];
  }
  const kinds = LIVE_KINDS.filter((k) => k !== NAMESPACE_KIND);
  const maxDepth = options.maxDepth ?? DEFAULT_LIMITS.depth;
  const kubeletTargets = new Map<string, KubeletTarget>();
  const observe = (k: LiveKind, item: unknown, object: SnapshotObject): void => {
    if (k.kind === 'Node') kubeletTargets.set(object.name, kubeletTarget(item));
  };
  let done = 0;
  const reads = await Promise.all(
    kinds.map(async (k) => {
      const read = await readKind({ client, limiter, namespaces, interner, observe, maxDepth }, k);
      done++;
      options.progress?.(`chokepoint: read ${k.plural} (${done}/${kinds.length} kinds)`);
      return read;
    }),
  );
  for (const read of reads) {
    for (const object of read.objects) objects.push(object);
    for (const f of read.failures) failures.push(f);
  }
  const kubelets = await readKubeletConfigs(
    { limiter, kubeletClient: run.kubeletClient },
    objects.filter((object) => object.kind === 'Node'),
    kubeletTargets,
  );
  objects.push(...kubelets.objects);
  const scanner: ScannerAccess[] = await reviewScanner(client, limiter, namespaces);
  const self = await reviewSelf(client);
  objects.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const gaps: Gap[] = [...liveGaps(failures), ...kubelets.gaps].sort((a, b) =>
    a.where < b.where ? -1 : a.where > b.where ? 1 : 0,
  );
  return {
    ok: true,
    snapshot: {
      source: run.source,
      objects,
      gaps,
      kindCounts: countKinds(objects),
      ...(version.minor !== undefined ? { kubeVersion: version.minor } : {}),
      scanner,
      ...('identity' in self ? { scannerIdentity: self.identity } : {}),
    },
  };
}

function countKinds(objects: readonly SnapshotObject[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.kind, (counts.get(object.kind) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
