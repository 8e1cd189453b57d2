/**
 * Builds the Model from a Snapshot: pure, deterministic and linear in the number of objects, because the
 * prioritizer rebuilds it once per candidate fix. Every array is sorted by ref; queries are memoised.
 */
import type { Gap, Location, Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { buildControlPlane } from './control-plane.js';
import { duplicateKeysOf } from './duplicate-keys.js';
import { exposureIndex } from './exposure.js';
import { Memo, memoKey } from './memo.js';
import type { Exposure, Model } from './model.js';
import { buildNamespaces, buildServiceAccounts } from './namespaces.js';
import { ingressOf, networkPolicyOf, serviceOf } from './network.js';
import { buildNodes } from './nodes.js';
import { ownerIndex } from './owners.js';
import { claimHostPaths } from './persistent-volumes.js';
import { poolsIndex } from './pools.js';
import { resolveBindings } from './rbac-bindings.js';
import { boundGrants, compareBound, grantsWhere, grantTableOf } from './rbac-grants.js';
import { rbacIndex } from './rbac-index.js';
import { buildRoles, type Sourced } from './rbac-roles.js';
import { compareStrings, groupBy, sortByRef } from './read.js';
import { scannerOf } from './scanner.js';
import { configMapOf, secretOf } from './secrets.js';
import type { Grant, PsaLevel, SecretInfo } from './types.js';
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

const RBAC_KINDS: ReadonlySet<string> = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

/** Where an object was read, for messages: `file:line`, or its ref when it has no location. */
function whereOf(so: SnapshotObject): string {
  return so.location !== undefined ? `${so.location.file}:${so.location.line}` : so.ref;
}

/**
 * The objects the model reads: built-in objects the input does not override, then the input. An object
 * defined twice is applied in order, as `kubectl apply` would: the later one wins, and the earlier is a gap.
 */
function effectiveObjects(
  snapshot: Snapshot,
  builtIn: readonly SnapshotObject[],
): { readonly objects: readonly SnapshotObject[]; readonly gaps: readonly Gap[] } {
  const last = new Map<string, SnapshotObject>();
  for (const so of snapshot.objects) last.set(so.ref, so);
  const gaps: Gap[] = [];
  let input = snapshot.objects;
  if (last.size !== snapshot.objects.length) {
    input = snapshot.objects.filter((so) => last.get(so.ref) === so);
    for (const so of snapshot.objects) {
      const kept = last.get(so.ref);
      if (kept !== undefined && kept !== so)
        gaps.push({
          kind: 'unreadable',
          where: whereOf(so),
          message: `${so.ref} is defined again at ${whereOf(kept)} — the later definition is analysed; remove one of them`,
        });
    }
  }
  if (builtIn.length === 0) return { objects: input, gaps };
  return { objects: [...builtIn.filter((so) => !last.has(so.ref)), ...input], gaps };
}

const ALL_GRANTS = memoKey<readonly Grant[]>('every grant');

/** A query memoised by ref. */
function memoised<T>(compute: (ref: string) => T): (ref: string) => T {
  const cache = new Map<string, T>();
  return (ref) => {
    if (cache.has(ref)) return cache.get(ref) as T;
    const value = compute(ref);
    cache.set(ref, value);
    return value;
  };
}

/** Builds the model; pure: the same snapshot and options give an equal model. */
export function buildModel(snapshot: Snapshot, options: ModelOptions = {}): Model {
  const builtIn = new Set(options.builtIn ?? []);
  const builtInRefs = new Set((options.builtIn ?? []).map((so) => so.ref));
  // A live dump or `kubectl get -A` output carries the bootstrap roles too; they are still the API server's own
  // (it reconciles them at start-up), so no fix may patch them. The label is how the server marks them.
  const isBuiltIn = (so: SnapshotObject) =>
    builtIn.has(so) ||
    builtInRefs.has(so.ref) ||
    so.object.metadata?.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
  const effective = effectiveObjects(snapshot, options.builtIn ?? []);
  const objects = effective.objects;
  const ofKind = groupBy(objects, (so) => so.kind);
  const kind = (name: string): readonly SnapshotObject[] => ofKind.get(name) ?? [];

  const rbacSources: Sourced[] = [];
  for (const name of RBAC_KINDS)
    for (const so of kind(name)) rbacSources.push({ so, builtIn: isBuiltIn(so) });
  const roles = sortByRef(buildRoles(rbacSources, { aggregate: snapshot.source.type !== 'cluster' }));
  const resolved = resolveBindings(rbacSources, roles);
  const bound = resolved.bound.sort(compareBound);
  const memo = new Memo();

  const secrets = sortByRef(kind('Secret').map(secretOf));
  const secretsByNamespace = new Map<string, Map<string, SecretInfo>>();
  for (const secret of secrets) {
    const map = secretsByNamespace.get(secret.namespace) ?? new Map<string, SecretInfo>();
    map.set(secret.name, secret);
    secretsByNamespace.set(secret.namespace, map);
  }
  const namespaces = sortByRef(buildNamespaces(snapshot.objects, options.defaultPsaLevel ?? 'privileged'));
  const declaredAccounts = new Map(
    buildServiceAccounts(kind('ServiceAccount'), [], new Set()).map((sa) => [
      `${sa.namespace}/${sa.name}`,
      sa,
    ]),
  );
  const workloadSet = buildWorkloads(objects, {
    owners: ownerIndex(objects),
    serviceAccount: (namespace, name) => declaredAccounts.get(`${namespace}/${name}`),
    secretsIn: (namespace) => secretsByNamespace.get(namespace) ?? new Map(),
  });
  const workloads = sortByRef(workloadSet.workloads);
  const serviceAccounts = sortByRef(
    buildServiceAccounts(kind('ServiceAccount'), namespaces, workloadSet.namedServiceAccounts),
  );
  const nodes = sortByRef(buildNodes(kind('Node')));
  const services = sortByRef(kind('Service').map(serviceOf));
  const ingresses = sortByRef(kind('Ingress').map(ingressOf));

  const workloadIndex = new Map(workloads.map((w) => [w.ref, w]));
  const accountIndex = new Map(serviceAccounts.map((sa) => [`${sa.namespace}/${sa.name}`, sa]));
  const namespaceIndex = new Map(namespaces.map((ns) => [ns.name, ns]));
  const roleIndex = new Map(roles.map((role) => [role.ref, role]));
  const rbac = rbacIndex(bound, memo);
  const exposures = exposureIndex(services, ingresses);
  const pools = poolsIndex(nodes, workloadSet.nodeNames);
  const claims = claimHostPaths(objects);
  let locations: Map<string, Location> | undefined;
  const scanner = scannerOf(snapshot);

  return {
    workloads,
    serviceAccounts,
    roles,
    bindings: sortByRef(resolved.bindings),
    bound,
    get grants() {
      // Made on first use: scans go through `grantsWhere`, which makes only the grants they keep.
      return memo.of(ALL_GRANTS, () => {
        const table = grantTableOf(memo);
        return bound.flatMap((item) => boundGrants(table, item));
      });
    },
    grantsWhere: (keep) => grantsWhere(grantTableOf(memo), bound, keep),
    services,
    ingresses,
    networkPolicies: sortByRef(kind('NetworkPolicy').map(networkPolicyOf)),
    nodes,
    namespaces,
    secrets,
    configMaps: sortByRef(kind('ConfigMap').map(configMapOf)),
    assumptions: {
      defaultPsaLevel: options.defaultPsaLevel ?? 'privileged',
      networkPolicyEnforced: options.networkPolicyEnforced ?? true,
      kubeVersion: options.kubeVersion ?? snapshot.kubeVersion ?? DEFAULT_KUBE_VERSION,
    },
    controlPlane: buildControlPlane(snapshot.objects),
    duplicateKeys: duplicateKeysOf(objects),
    ...(scanner === undefined ? {} : { scanner }),
    memo,
    gaps: [...effective.gaps, ...resolved.gaps].sort(
      (a: Gap, b: Gap) => compareStrings(a.where, b.where) || compareStrings(a.message, b.message),
    ),
    locationOf(ref) {
      // Built on first use: most consumers ask for few locations, and this map is as large as the input.
      if (locations === undefined) {
        locations = new Map();
        for (const so of objects) if (so.location !== undefined) locations.set(so.ref, so.location);
      }
      return locations.get(ref);
    },
    workload: (ref) => workloadIndex.get(ref),
    serviceAccount: (namespace, name) => accountIndex.get(`${namespace}/${name}`),
    namespace: (name) => namespaceIndex.get(name),
    role: (ref) => roleIndex.get(ref),
    groupsOf: rbac.groupsOf,
    grantsOf: rbac.grantsOf,
    can: rbac.can,
    whoCan: rbac.whoCan,
    exposureOf: memoised((ref): readonly Exposure[] => {
      const workload = workloadIndex.get(ref);
      return workload === undefined ? [] : exposures(workload);
    }),
    poolsOf: memoised((ref): readonly string[] => {
      const workload = workloadIndex.get(ref);
      return workload === undefined ? [] : pools(workload);
    }),
    claimHostPath: (namespace, claim) => claims.get(`${namespace}/${claim}`),
  };
}
