/** Workloads: one per top owner, built from its pod template. Replicas and owned objects add nothing. */
import type { SnapshotObject } from '../collect/snapshot.js';
import { containersOf } from './containers.js';
import { requirements } from './label-selector.js';
import { namespaceOf, type OwnerIndex, podSpecPathOf, WORKLOAD_KINDS } from './owners.js';
import { arr, at, bool, obj, str, stringMap } from './read.js';
import { tokenMountOf } from './token-mount.js';
import type { NodeSelectorRequirement, SecretInfo, ServiceAccount, Workload, WorkloadKind } from './types.js';
import { volumesOf } from './volumes.js';

/** Workloads plus what owned pods reveal: where live replicas run. */
export interface WorkloadSet {
  readonly workloads: Workload[];
  /** Node names of the live pods of each workload (the pod itself, or pods it owns). */
  readonly nodeNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** ServiceAccounts named by workloads, as `namespace/name`. */
  readonly namedServiceAccounts: ReadonlySet<string>;
}

/** What building workloads reads from the rest of the model. */
export interface WorkloadContext {
  readonly owners: OwnerIndex;
  serviceAccount(namespace: string, name: string): ServiceAccount | undefined;
  /** Secrets of a namespace by name. */
  secretsIn(namespace: string): ReadonlyMap<string, SecretInfo>;
}

function nodeAffinityTerms(spec: Readonly<Record<string, unknown>>): NodeSelectorRequirement[][] {
  const required = at(spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution']);
  return arr(obj(required).nodeSelectorTerms).map((term) => [
    ...requirements(obj(term).matchExpressions),
    // matchFields can only name `metadata.name`; the `field:` prefix keeps it apart from label keys.
    ...requirements(obj(term).matchFields).map((req) => ({ ...req, key: `field:${req.key}` })),
  ]);
}

function tolerationsOf(spec: Readonly<Record<string, unknown>>): Workload['tolerations'] {
  return arr(spec.tolerations).map((raw) => {
    const t = obj(raw);
    const out: { key?: string; operator?: string; value?: string; effect?: string } = {};
    for (const field of ['key', 'operator', 'value', 'effect'] as const) {
      const value = str(t[field]);
      if (value !== undefined) out[field] = value;
    }
    return out;
  });
}

function buildWorkload(so: SnapshotObject, context: WorkloadContext): Workload {
  const kind = so.kind as WorkloadKind;
  const namespace = namespaceOf(so);
  const podSpecPath = podSpecPathOf(kind);
  const spec = obj(at(so.object, podSpecPath));
  const podMeta = obj(
    kind === 'Pod' ? so.object.metadata : at(so.object, [...podSpecPath.slice(0, -1), 'metadata']),
  );
  const annotations = stringMap(podMeta.annotations);
  const serviceAccountName = str(spec.serviceAccountName) || str(spec.serviceAccount) || 'default';
  const volumes = volumesOf(spec);
  const nodeName = str(spec.nodeName);
  return {
    ref: so.ref,
    kind,
    namespace,
    name: so.name,
    ...(so.location !== undefined ? { location: so.location } : {}),
    podSpecPath,
    podLabels: stringMap(podMeta.labels),
    serviceAccountName,
    token: tokenMountOf({
      podAutomount: bool(spec.automountServiceAccountToken),
      serviceAccountAutomount: context.serviceAccount(namespace, serviceAccountName)
        ?.automountServiceAccountToken,
      serviceAccountName,
      volumes,
      secrets: context.secretsIn(namespace),
    }),
    hostPID: bool(spec.hostPID) === true,
    hostIPC: bool(spec.hostIPC) === true,
    hostNetwork: bool(spec.hostNetwork) === true,
    shareProcessNamespace: bool(spec.shareProcessNamespace) === true,
    hostUsers: bool(spec.hostUsers) ?? true,
    ...(nodeName !== undefined && nodeName !== '' ? { nodeName } : {}),
    nodeSelector: stringMap(spec.nodeSelector),
    tolerations: tolerationsOf(spec),
    requiredNodeAffinity: nodeAffinityTerms(spec),
    volumes,
    containers: containersOf(spec, annotations),
  };
}

/** Builds one workload per top owner, and records the nodes live pods run on. */
export function buildWorkloads(objects: readonly SnapshotObject[], context: WorkloadContext): WorkloadSet {
  const workloads: Workload[] = [];
  const nodeNames = new Map<string, Set<string>>();
  const namedServiceAccounts = new Set<string>();
  for (const so of objects) {
    if (!WORKLOAD_KINDS.has(so.kind)) continue;
    const top = context.owners.topOwner(so);
    if (so.kind === 'Pod') {
      const nodeName = str(obj(so.object.spec).nodeName);
      if (nodeName !== undefined && nodeName !== '') {
        const set = nodeNames.get(top.ref);
        if (set === undefined) nodeNames.set(top.ref, new Set([nodeName]));
        else set.add(nodeName);
      }
    }
    if (top !== so) continue;
    const workload = buildWorkload(so, context);
    namedServiceAccounts.add(`${workload.namespace}/${workload.serviceAccountName}`);
    workloads.push(workload);
  }
  return { workloads, nodeNames, namedServiceAccounts };
}
