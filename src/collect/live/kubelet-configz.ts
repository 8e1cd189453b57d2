/**
 * Kubelet configuration, read from each kubelet's own `/configz` with the scanner's credentials. Never through
 * the API server's `/api/v1/nodes/<n>/proxy/configz`: that path is authorized as `nodes/proxy` (exec on every
 * pod of the node), and the API server then calls the kubelet as itself. Called directly, a kubelet with
 * KubeletFineGrainedAuthz (KEP-2862: beta and on by default in 1.33, GA in 1.36) asks the API server whether
 * the caller may `get nodes/configz`, which the generated role grants. Older kubelets, kubelets the scanner
 * cannot reach or verify (their serving certificate must chain to the kubeconfig's CA: credentials are never
 * sent to an unverified endpoint), and refusals become one gap: the scan never passes silently.
 */
import { buildNodes } from '../../model/nodes.js';
import { projectObject } from '../prune.js';
import type { Gap, GapKind, SnapshotObject } from '../snapshot.js';
import { objectRef } from '../snapshot.js';
import type { ApiClient } from './api-client.js';
import type { Limiter } from './pool.js';

/** Kubelets asked: the first nodes by name of each pool, and at most this many in all (pools share a config). */
export const CONFIGZ_CAP = { perPool: 3, total: 30 } as const;
/** The first kubelet minor version that authorizes `/configz` as `nodes/configz`. */
export const CONFIGZ_SINCE = 33;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What reading kubelets needs: the scan's request limiter and a client per kubelet URL. */
export interface KubeletReader {
  readonly limiter: Limiter;
  readonly kubeletClient: (server: string) => ApiClient;
}

/** A `/configz` answer as a KubeletConfiguration of the node, keeping only the settings analysis reads. */
export function configzObject(node: string, body: unknown): SnapshotObject | undefined {
  const config = isObject(body) && isObject(body.kubeletconfig) ? body.kubeletconfig : undefined;
  if (config === undefined) return undefined;
  const kept: Json = {};
  for (const key of ['authentication', 'authorization', 'readOnlyPort', 'enableDebuggingHandlers'])
    if (config[key] !== undefined) kept[key] = config[key];
  // Authentication keeps its switches, not file paths (clientCAFile) that say nothing about exposure.
  if (isObject(kept.authentication)) {
    const { anonymous, webhook } = kept.authentication;
    kept.authentication = {
      ...(isObject(anonymous) ? { anonymous } : {}),
      ...(isObject(webhook) ? { webhook } : {}),
    };
  }
  const apiVersion = 'kubelet.config.k8s.io/v1beta1';
  return {
    ref: objectRef('KubeletConfiguration', undefined, node),
    kind: 'KubeletConfiguration',
    apiVersion,
    name: node,
    object: projectObject({ apiVersion, kind: 'KubeletConfiguration', metadata: { name: node }, ...kept }),
  };
}

/** Where a node's kubelet listens: its InternalIP (else any address) and the port it reports. */
export function kubeletUrl(item: unknown): string | undefined {
  const status = isObject(item) && isObject(item.status) ? item.status : {};
  const addresses = Array.isArray(status.addresses) ? status.addresses.filter(isObject) : [];
  const address = (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address;
  if (typeof address !== 'string' || address === '') return undefined;
  const endpoints = isObject(status.daemonEndpoints) ? status.daemonEndpoints : {};
  const port = isObject(endpoints.kubeletEndpoint) ? Number(endpoints.kubeletEndpoint.Port) : 0;
  const host = address.includes(':') ? `[${address}]` : address;
  return `https://${host}:${port > 0 ? port : 10250}`;
}

function kubeletMinor(item: unknown): number | undefined {
  const status = isObject(item) && isObject(item.status) ? item.status : {};
  const info = isObject(status.nodeInfo) ? status.nodeInfo : {};
  const match = /^v?1\.(\d+)/.exec(typeof info.kubeletVersion === 'string' ? info.kubeletVersion : '');
  return match === null ? undefined : Number(match[1]);
}

/**
 * Where a node's kubelet listens and which version it runs: read from the raw Node's status as its list page
 * arrives, since the slim Node drops status. Kept per node, so the kubelets are found without listing every Node
 * again, whole, to ask at most `CONFIGZ_CAP.total` of them.
 */
export interface KubeletTarget {
  readonly url: string | undefined;
  readonly minor: number | undefined;
}

export function kubeletTarget(item: unknown): KubeletTarget {
  return { url: kubeletUrl(item), minor: kubeletMinor(item) };
}

/** The names of the nodes asked, by the cap: the first of each pool by name, pools in name order. */
export function sampleNodes(nodes: readonly SnapshotObject[]): string[] {
  const perPool = new Map<string, string[]>();
  for (const node of buildNodes(nodes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
    perPool.set(node.pool, [...(perPool.get(node.pool) ?? []), node.name]);
  const chosen = [...perPool.keys()]
    .sort()
    .flatMap((pool) => perPool.get(pool)!.slice(0, CONFIGZ_CAP.perPool));
  return chosen.slice(0, CONFIGZ_CAP.total);
}

/** A kubelet not read: its node, the kind of gap and why. */
export interface Miss {
  readonly node: string;
  readonly kind: GapKind;
  readonly cause: string;
}

async function readOne(
  reader: KubeletReader,
  node: string,
  { url, minor }: KubeletTarget,
): Promise<SnapshotObject | Miss> {
  if (minor !== undefined && minor < CONFIGZ_SINCE)
    return {
      node,
      kind: 'not-found',
      cause: `kubelet 1.${minor} has no nodes/configz (1.${CONFIGZ_SINCE}+)`,
    };
  if (url === undefined) return { node, kind: 'unreadable', cause: 'the Node reports no address' };
  const answer = await reader.limiter.run(() => reader.kubeletClient(url).get('/configz'));
  if (!answer.ok) {
    const kind: GapKind =
      answer.status === 401 || answer.status === 403
        ? 'forbidden'
        : answer.status === 404
          ? 'not-found'
          : 'unreadable';
    return {
      node,
      kind,
      cause: answer.status === undefined ? `no answer from ${url} (${answer.reason})` : answer.reason,
    };
  }
  return (
    configzObject(node, answer.json) ?? {
      node,
      kind: 'parse-error',
      cause: 'the answer holds no kubeletconfig',
    }
  );
}

/**
 * The kubelet configurations of the sampled nodes, and one gap per cause for the kubelets not read. `nodes` are the
 * slim Nodes the scan read (none when it may not list them: that is already a gap of the kind registry), and
 * `targets` what their raw status said of each kubelet.
 */
export async function readKubeletConfigs(
  reader: KubeletReader,
  nodes: readonly SnapshotObject[],
  targets: ReadonlyMap<string, KubeletTarget>,
): Promise<{ readonly objects: SnapshotObject[]; readonly gaps: Gap[] }> {
  // With no Node read, the model's stand-in pools have no kubelet to ask.
  if (nodes.length === 0) return { objects: [], gaps: [] };
  const results = await Promise.all(
    sampleNodes(nodes).map((name) =>
      readOne(reader, name, targets.get(name) ?? { url: undefined, minor: undefined }),
    ),
  );
  const objects = results.filter((r): r is SnapshotObject => 'ref' in r);
  const misses = results.filter((r): r is Miss => !('ref' in r));
  return { objects, gaps: configzGaps(misses) };
}

const TODO: Partial<Record<GapKind, string>> = {
  forbidden: 'grant get nodes/configz (examples/rbac)',
  'not-found': 'upgrade the kubelets, or scan their KubeletConfiguration files offline',
  unreadable:
    'run chokepoint where it reaches port 10250 and trusts the kubelet serving certificates, or scan their KubeletConfiguration files offline',
};

/** One gap per kind of miss, naming the nodes (five, then a count) and the first cause. */
export function configzGaps(misses: readonly Miss[]): Gap[] {
  const byKind = new Map<GapKind, Miss[]>();
  for (const miss of misses) byKind.set(miss.kind, [...(byKind.get(miss.kind) ?? []), miss]);
  return [...byKind.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, list]) => {
      const names = list.map((m) => m.node).sort();
      const named = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
      const where = `kubelet configuration of ${names.length === 1 ? '1 node' : `${names.length} nodes`} (${named})`;
      return {
        kind,
        where,
        message: `${where}: not read: ${list[0]!.cause} — kubelet techniques assume the defaults of a KubeletConfiguration file (anonymous auth off, Webhook authorization, read-only port off) for them; ${TODO[kind] ?? 'retry; report it if it persists'}`,
      };
    });
}
