/**
 * Owner collapsing: Pods, ReplicaSets, Jobs and ReplicationControllers fold into their top owner present in
 * the snapshot, so a `kubectl get -A` dump (Deployment + ReplicaSet + Pods) is one workload and a patch lands
 * on the object a user actually edits.
 */
import type { OwnerReference, SnapshotObject } from '../collect/snapshot.js';
import type { WorkloadKind } from './types.js';

/** Kinds that are workloads; only these become top owners. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set<WorkloadKind>([
  'CronJob',
  'DaemonSet',
  'Deployment',
  'Job',
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
]);

/** Kinds that own other workload objects; only these are indexed for owner lookups (never Pods). */
const OWNER_KINDS: ReadonlySet<string> = new Set([
  'CronJob',
  'DaemonSet',
  'Deployment',
  'Job',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
]);

/** Kinds a controller creates, which therefore collapse into an owner when it is present. */
const OWNED_KINDS: ReadonlySet<string> = new Set(['Job', 'Pod', 'ReplicaSet', 'ReplicationController']);

/** The namespace the model gives a namespaced object that does not state one. */
export function namespaceOf(so: SnapshotObject): string {
  return so.namespace ?? 'default';
}

function key(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

/** The controller reference, or else the first reference to a workload kind (hand-written manifests). */
function controllerRef(so: SnapshotObject): OwnerReference | undefined {
  const refs = Array.isArray(so.object.metadata?.ownerReferences) ? so.object.metadata.ownerReferences : [];
  return refs.find((ref) => ref?.controller === true) ?? refs.find((ref) => WORKLOAD_KINDS.has(ref?.kind));
}

/** Resolves top owners of workload objects; build once per snapshot. */
export interface OwnerIndex {
  /** The top owner of a workload object (itself when it has no present owner). */
  topOwner(so: SnapshotObject): SnapshotObject;
}

/** Indexes owner-capable objects by kind/namespace/name for owner lookups. */
export function ownerIndex(objects: readonly SnapshotObject[]): OwnerIndex {
  const byKey = new Map<string, SnapshotObject>();
  for (const so of objects)
    if (OWNER_KINDS.has(so.kind)) byKey.set(key(so.kind, namespaceOf(so), so.name), so);
  const memo = new Map<SnapshotObject, SnapshotObject>();
  const ownerOf = (so: SnapshotObject): SnapshotObject | undefined => {
    if (!OWNED_KINDS.has(so.kind)) return undefined;
    const ref = controllerRef(so);
    if (ref === undefined || !OWNER_KINDS.has(ref.kind)) return undefined;
    const owner = byKey.get(key(ref.kind, namespaceOf(so), ref.name));
    if (owner === undefined) return undefined;
    const ownerUid = owner.object.metadata?.uid;
    // A uid mismatch is a different object that happens to share the name (a recreated owner).
    if (ref.uid !== undefined && ownerUid !== undefined && ref.uid !== ownerUid) return undefined;
    return owner;
  };
  const topOwner = (so: SnapshotObject): SnapshotObject => {
    const owner = ownerOf(so);
    if (owner === undefined) return so;
    // Owners are few and shared by many replicas: memoise them, not the Pods.
    let top = memo.get(owner);
    if (top === undefined) {
      top = owner;
      // Real chains are at most CronJob > Job > Pod; the bound stops a malformed ownership cycle.
      for (let depth = 0, next = ownerOf(top); next !== undefined && depth < 8; depth++, next = ownerOf(top))
        top = next;
      memo.set(owner, top);
    }
    return top;
  };
  return { topOwner };
}

/** JSON Pointer segments from the object root to the pod spec of a workload kind. */
export function podSpecPathOf(kind: WorkloadKind): readonly string[] {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'DaemonSet':
    case 'Deployment':
    case 'Job':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
      return ['spec', 'template', 'spec'];
    default: {
      const never: never = kind;
      throw new Error(`no pod spec path for ${String(never)}`);
    }
  }
}
