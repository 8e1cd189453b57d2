/**
 * Builds the Model from a Snapshot: pure, deterministic and linear in the number of objects, because the
 * prioritizer rebuilds it once per candidate fix. Every array is sorted by ref.
 */
import type { Gap, Location, Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { exposureIndex } from './exposure.js';
import type { Exposure, Model } from './model.js';
import { buildNamespaces, buildServiceAccounts } from './namespaces.js';
import { ingressOf, networkPolicyOf, serviceOf } from './network.js';
import { buildNodes } from './nodes.js';
import { ownerIndex } from './owners.js';
import { resolveBindings } from './rbac-bindings.js';
import { compareGrants, rbacIndex } from './rbac-index.js';
import { buildRoles, type Sourced } from './rbac-roles.js';
import { compareStrings, sortByRef } from './read.js';
import { schedulablePools, schedulingKey } from './scheduling.js';
import { configMapOf, secretOf } from './secrets.js';
import type { PsaLevel, SecretInfo, ServiceAccount, Workload } from './types.js';
import { buildWorkloads } from './workloads.js';

/** How to read the snapshot: version, admission defaults and whether the CNI enforces NetworkPolicy. */
export interface ModelOptions {
  /** Kubernetes minor version, e.g. `1.36`; defaults to the snapshot's, then `1.36`. */
  readonly kubeVersion?: string;
  /** PSA level of declared namespaces without an enforce label (AdmissionConfiguration default). */
  readonly defaultPsaLevel?: Exclude<PsaLevel, 'unknown'>;
  /** False when the CNI does not implement NetworkPolicy. Default true. */
  readonly networkPolicyEnforced?: boolean;
  /** Bootstrap RBAC objects of the version; an input object with the same ref overrides one. */
  readonly builtIn?: readonly SnapshotObject[];
}

/** The default Kubernetes minor version for offline analysis. */
export const DEFAULT_KUBE_VERSION = '1.36';

/** Input objects over built-in ones, by ref, in a stable order. */
function mergeSources(snapshot: Snapshot, builtIn: readonly SnapshotObject[]): Sourced[] {
  const byRef = new Map<string, Sourced>();
  for (const so of builtIn) byRef.set(so.ref, { so, builtIn: true });
  for (const so of snapshot.objects) byRef.set(so.ref, { so, builtIn: false });
  return [...byRef.values()];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

/** Builds the model; pure: the same snapshot and options give an equal model. */
export function buildModel(snapshot: Snapshot, options: ModelOptions = {}): Model {
  const sources = mergeSources(snapshot, options.builtIn ?? []);
  const objects = sources.map((s) => s.so);
  const ofKind = groupBy(objects, (so) => so.kind);
  const kind = (name: string): readonly SnapshotObject[] => ofKind.get(name) ?? [];

  const roles = sortByRef(buildRoles(sources, { aggregate: snapshot.source.type !== 'cluster' }));
  const resolved = resolveBindings(sources, roles);
  const bindings = sortByRef(resolved.bindings);
  const grants = resolved.grants.sort(compareGrants);

  const secrets = sortByRef(kind('Secret').map(secretOf));
  const secretsByNamespace = new Map<string, Map<string, SecretInfo>>();
  for (const secret of secrets) {
    const map = secretsByNamespace.get(secret.namespace) ?? new Map<string, SecretInfo>();
    map.set(secret.name, secret);
    secretsByNamespace.set(secret.namespace, map);
  }
  const namespaces = sortByRef(buildNamespaces(snapshot.objects, options.defaultPsaLevel ?? 'privileged'));
  const explicitAccounts = buildServiceAccounts(kind('ServiceAccount'), [], new Set());
  const accountIndex = new Map(explicitAccounts.map((sa) => [`${sa.namespace}/${sa.name}`, sa]));

  const owners = ownerIndex(objects);
  const workloadSet = buildWorkloads(objects, {
    owners,
    serviceAccount: (namespace, name) => accountIndex.get(`${namespace}/${name}`),
    secretsIn: (namespace) => secretsByNamespace.get(namespace) ?? new Map(),
  });
  const workloads = sortByRef(workloadSet.workloads);
  const serviceAccounts = sortByRef(
    buildServiceAccounts(kind('ServiceAccount'), namespaces, workloadSet.namedServiceAccounts),
  );
  const nodes = sortByRef(buildNodes(kind('Node')));
  const services = sortByRef(kind('Service').map(serviceOf));
  const ingresses = sortByRef(kind('Ingress').map(ingressOf));
  const networkPolicies = sortByRef(kind('NetworkPolicy').map(networkPolicyOf));
  const configMaps = sortByRef(kind('ConfigMap').map(configMapOf));
  const gaps: Gap[] = [...resolved.gaps].sort(
    (a, b) => compareStrings(a.where, b.where) || compareStrings(a.message, b.message),
  );

  const locations = new Map<string, Location>();
  for (const so of objects) if (so.location !== undefined) locations.set(so.ref, so.location);
  const workloadIndex = new Map(workloads.map((w) => [w.ref, w]));
  const serviceAccountIndex = new Map<string, ServiceAccount>(
    serviceAccounts.map((sa) => [`${sa.namespace}/${sa.name}`, sa]),
  );
  const namespaceIndex = new Map(namespaces.map((ns) => [ns.name, ns]));
  const roleIndex = new Map(roles.map((role) => [role.ref, role]));
  const nodeIndex = new Map(nodes.map((node) => [node.name, node]));
  const rbac = rbacIndex(grants);
  const exposures = exposureIndex(services, ingresses);
  const exposureMemo = new Map<string, readonly Exposure[]>();
  const poolsMemo = new Map<string, readonly string[]>();
  const poolsByKey = new Map<string, readonly string[]>();

  const poolsOf = (workload: Workload): readonly string[] => {
    const bound = workloadSet.nodeNames.get(workload.ref);
    const boundPools = [...(bound ?? [])].flatMap((name) => {
      const node = nodeIndex.get(name);
      return node === undefined ? [] : [node.pool];
    });
    if (boundPools.length > 0) return [...new Set(boundPools)].sort(compareStrings);
    const key = schedulingKey(workload);
    let pools = poolsByKey.get(key);
    if (pools === undefined) {
      pools = schedulablePools(workload, nodes);
      poolsByKey.set(key, pools);
    }
    return pools;
  };

  return {
    workloads,
    serviceAccounts,
    roles,
    bindings,
    grants,
    services,
    ingresses,
    networkPolicies,
    nodes,
    namespaces,
    secrets,
    configMaps,
    assumptions: {
      defaultPsaLevel: options.defaultPsaLevel ?? 'privileged',
      networkPolicyEnforced: options.networkPolicyEnforced ?? true,
      kubeVersion: options.kubeVersion ?? snapshot.kubeVersion ?? DEFAULT_KUBE_VERSION,
    },
    gaps,
    locationOf: (ref) => locations.get(ref),
    workload: (ref) => workloadIndex.get(ref),
    serviceAccount: (namespace, name) => serviceAccountIndex.get(`${namespace}/${name}`),
    namespace: (name) => namespaceIndex.get(name),
    role: (ref) => roleIndex.get(ref),
    groupsOf: rbac.groupsOf,
    grantsOf: rbac.grantsOf,
    can: rbac.can,
    whoCan: rbac.whoCan,
    exposureOf(ref) {
      const cached = exposureMemo.get(ref);
      if (cached !== undefined) return cached;
      const workload = workloadIndex.get(ref);
      const result = workload === undefined ? [] : exposures(workload);
      exposureMemo.set(ref, result);
      return result;
    },
    poolsOf(ref) {
      const cached = poolsMemo.get(ref);
      if (cached !== undefined) return cached;
      const workload = workloadIndex.get(ref);
      const result = workload === undefined ? [] : poolsOf(workload);
      poolsMemo.set(ref, result);
      return result;
    },
  };
}
