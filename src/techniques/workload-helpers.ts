/**
 * Shared pieces of the workload techniques: node refs, evidence, pointers into a workload's pod spec, and the
 * likelihood modifiers that make an escape harder.
 *
 * Microsoft Threat Matrix for Kubernetes ids used by these techniques (https://microsoft.github.io/Threat-Matrix-for-Kubernetes/,
 * source: github.com/microsoft/Threat-Matrix-for-Kubernetes, docs/techniques/*.md): MS-TA9003 Kubeconfig file,
 * MS-TA9005 Exposed sensitive interfaces, MS-TA9008 New container, MS-TA9009 Application exploit (RCE),
 * MS-TA9013 Writable hostPath mount, MS-TA9016 Container service account, MS-TA9018 Privileged container.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import type { Container, Ref, Volume, Workload } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Evidence, NodeRef } from './types.js';

/** The pod-spec list each container role lives in. */
export const CONTAINER_LIST: Readonly<Record<Container['role'], string>> = {
  container: 'containers',
  init: 'initContainers',
  ephemeral: 'ephemeralContainers',
};

/** The graph node of one container of a workload: `Deployment/ns/name#container`. */
export function containerNode(workload: Workload, container: Container): NodeRef {
  return `${workload.ref}#${container.name}`;
}

// The model hands out one pools array per scheduling constraint, so jewels are built once per array.
const jewelsOfPools = new WeakMap<readonly string[], readonly NodeRef[]>();

/** The node-root jewels of every pool the workload may run on; none when it runs nowhere. */
export function nodeRootJewels(model: Model, workload: Workload): readonly NodeRef[] {
  const pools = model.poolsOf(workload.ref);
  let jewels = jewelsOfPools.get(pools);
  if (jewels === undefined) {
    jewels = [...new Set(pools)].sort().map((pool) => `jewel:node-root/${pool}`);
    jewelsOfPools.set(pools, jewels);
  }
  return jewels;
}

// Pointers are built for every fact and edge of 150,000 pods: the pod-spec prefix is built once per workload.
const specPrefix = new WeakMap<Workload, string>();

/** JSON Pointer into the workload object at a path inside its pod spec. */
export function podSpecPointer(workload: Workload, ...segments: readonly (string | number)[]): string {
  let prefix = specPrefix.get(workload);
  if (prefix === undefined) {
    prefix = pointer(...workload.podSpecPath);
    specPrefix.set(workload, prefix);
  }
  return segments.length === 0 ? prefix : prefix + pointer(...segments);
}

/** JSON Pointer into the workload object at a path inside one container. */
export function containerPointer(
  workload: Workload,
  container: Container,
  ...segments: readonly (string | number)[]
): string {
  return podSpecPointer(workload, CONTAINER_LIST[container.role], container.index, ...segments);
}

/** `file:line` of an object, when it came from a file. */
export function locationString(model: Model, ref: Ref): string | undefined {
  const location = model.locationOf(ref);
  return location === undefined ? undefined : `${location.file}:${location.line}`;
}

/** One evidence item about an object, with its location filled in. */
export function evidence(model: Model, ref: Ref, says: string, path?: string): Evidence {
  const location = locationString(model, ref);
  return {
    ref,
    says,
    ...(path === undefined ? {} : { path }),
    ...(location === undefined ? {} : { location }),
  };
}

/** Code-unit order, never locale order, so outputs are byte-stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts edges by (from, to), then by their first evidence, so parallel edges keep a stable order. */
export function sortEdges(edges: Edge[]): Edge[] {
  // `\u0000` sorts below every character of a ref, so comparing joined keys compares the fields in order.
  const keyed = edges.map((edge) => {
    const first = edge.evidence[0];
    return { key: `${edge.from}\u0000${edge.to}\u0000${first?.path ?? ''}\u0000${first?.says ?? ''}`, edge };
  });
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map((item) => item.edge);
}

/** Likelihood classes ordered from most to least likely, for "never easier" comparisons. */
const ORDER: readonly LikelihoodClass[] = ['certain', 'trivial', 'likely', 'possible', 'unlikely', 'rare'];

/** The harder of two classes. */
export function harder(a: LikelihoodClass, b: LikelihoodClass): LikelihoodClass {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** The more likely of two classes. */
export function easier(a: LikelihoodClass, b: LikelihoodClass): LikelihoodClass {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/**
 * How hard it is to act as host root from a container, for host files and sockets, which are root-owned:
 * in a user namespace (`hostUsers: false`) container root is not host root, so `unlikely`; a stated non-root
 * UID is `unlikely` too unless setuid binaries can bring root back (`allowPrivilegeEscalation`), then
 * `possible`; root or an image-decided UID adds nothing.
 */
export function hostRootDifficulty(workload: Workload, container: Container): LikelihoodClass | undefined {
  if (!workload.hostUsers) return 'unlikely';
  const sc = container.securityContext;
  if (typeof sc.runAsUser !== 'number' || sc.runAsUser === 0) return undefined;
  return sc.allowPrivilegeEscalation ? 'possible' : 'unlikely';
}

/**
 * A host path as the kernel resolves it: `.` and empty segments dropped, `..` applied, no trailing slash, so
 * `/etc/` and `/var/../etc` both name `/etc`. Relative paths are rejected by the API server; they are made
 * absolute here rather than trusted.
 */
export function normalizeHostPath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** True when `path` is `base` or lies below it (both normalised). */
export function isWithin(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

/** A volume one container mounts: writable when any of its mounts there is, `mount` the deciding mount's index. */
export interface MountedVolume {
  readonly volume: Volume;
  readonly writable: boolean;
  readonly mount: number;
}

/** The volumes a container mounts, in volume order. */
export function mountedVolumes(workload: Workload, container: Container): MountedVolume[] {
  const out: MountedVolume[] = [];
  for (const volume of workload.volumes) {
    const indices = container.volumeMounts.flatMap((mount, i) => (mount.volume === volume.name ? [i] : []));
    if (indices.length === 0) continue;
    const writable = indices.find((i) => container.volumeMounts[i]?.readOnly === false);
    out.push({ volume, writable: writable !== undefined, mount: writable ?? indices[0]! });
  }
  return out;
}

/** An edge's likelihood when it differs from the technique's class; omitted otherwise. */
export function likelihoodField(
  base: LikelihoodClass,
  actual: LikelihoodClass,
): { readonly likelihood?: LikelihoodClass } {
  return actual === base ? {} : { likelihood: actual };
}

/** A host path whose mount gives node root, and why. */
export interface SensitiveHostPath {
  readonly path: string;
  /** Paths below it are as dangerous (any file there is a credential or runs as root). */
  readonly subtree: boolean;
  /** Read-only is enough: the directory holds node or cluster credentials, not only files to overwrite. */
  readonly readOnlyRoot: boolean;
  readonly why: string;
}

const entry = (path: string, subtree: boolean, readOnlyRoot: boolean, why: string): SensitiveHostPath => ({
  path,
  subtree,
  readOnlyRoot,
  why,
});

/**
 * Host paths whose mount gives node root. A mount of an ancestor (`/`, `/var`) counts too, since it contains
 * them. Left out on purpose: `/dev` (the device cgroup still refuses host block devices), `/var/log` (a symlink
 * trick reads node files through `pods/log`, it is not root), `/var/lib/etcd` (it holds Secrets, not node
 * root), and `/run`, `/var/run` (container runtime sockets: the runtime-socket-mount technique).
 */
export const SENSITIVE_HOST_PATHS: readonly SensitiveHostPath[] = [
  entry('/', false, true, "the node's whole filesystem"),
  entry('/etc', false, true, 'host configuration: crontab, sudoers, shadow, and the kubelet kubeconfig'),
  entry('/etc/kubernetes', true, true, 'kubelet kubeconfig, PKI and static pod manifests the kubelet runs'),
  entry('/etc/cron.d', true, false, 'cron jobs run as host root'),
  entry('/etc/crontab', true, false, 'cron jobs run as host root'),
  entry('/etc/sudoers.d', true, false, 'sudo rules for host users'),
  entry('/etc/systemd', true, false, 'systemd units run as host root'),
  entry('/root', true, true, "host root's SSH keys, kubeconfigs and shell start-up files"),
  entry('/home', true, false, "host users' SSH keys and shell start-up files"),
  entry(
    '/var/lib/kubelet',
    true,
    true,
    "the kubelet's client certificate and every pod's volumes and tokens",
  ),
  entry('/var/lib/docker', true, false, "other containers' root filesystems and images"),
  entry('/var/lib/containerd', true, false, "other containers' root filesystems and images"),
  entry('/var/spool/cron', true, false, 'cron jobs run as host root'),
  entry('/proc', true, false, 'host kernel settings such as /proc/sys/kernel/core_pattern'),
  entry('/sys', true, false, 'cgroup release_agent and uevent_helper, run as host root'),
  entry('/boot', true, false, 'the kernel and boot loader the node starts'),
  entry('/usr', true, false, 'binaries and libraries host root runs'),
  entry('/bin', true, false, 'binaries host root runs'),
  entry('/sbin', true, false, 'binaries host root runs'),
  entry('/lib', true, false, 'libraries host root loads'),
  entry('/lib64', true, false, 'libraries host root loads'),
  entry('/opt/cni', true, false, 'CNI plugins the kubelet runs as host root'),
];

/** The sensitive entry a host path exposes: it is the entry, contains it, or lies inside a subtree entry. */
export function sensitiveHostPath(hostPath: string): SensitiveHostPath | undefined {
  const path = normalizeHostPath(hostPath);
  let match: SensitiveHostPath | undefined;
  for (const candidate of SENSITIVE_HOST_PATHS) {
    if (candidate.path === path) return candidate;
    const hit = isWithin(candidate.path, path) || (candidate.subtree && isWithin(path, candidate.path));
    // Prefer an entry whose credentials are readable: it decides whether read-only is still node root.
    if (hit && (match === undefined || (candidate.readOnlyRoot && !match.readOnlyRoot))) match = candidate;
  }
  return match;
}

/**
 * Container runtime API sockets, and the directories that hold them. Whoever can connect() starts a privileged
 * container on the node; a read-only bind mount does not stop connect(). `/var/run` is a symlink to `/run` on
 * current distributions, so both spellings are listed. k3s keeps its containerd socket under `/run/k3s`, and
 * dockerd keeps the containerd it manages under `/run/docker/containerd`.
 */
export const RUNTIME_SOCKET_PATHS: readonly string[] = [
  '/run',
  '/run/containerd',
  '/run/containerd/containerd.sock',
  '/run/crio',
  '/run/crio/crio.sock',
  '/run/cri-dockerd.sock',
  '/run/docker',
  '/run/docker.sock',
  '/run/docker/containerd/containerd.sock',
  '/run/k3s/containerd',
  '/run/k3s/containerd/containerd.sock',
  '/var/run',
  '/var/run/containerd',
  '/var/run/containerd/containerd.sock',
  '/var/run/crio',
  '/var/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/var/run/docker',
  '/var/run/docker.sock',
  '/var/run/docker/containerd/containerd.sock',
];

/** True when a host path is a container runtime socket or a directory holding one. */
export function isRuntimeSocketPath(hostPath: string): boolean {
  return RUNTIME_SOCKET_PATHS.includes(normalizeHostPath(hostPath));
}
