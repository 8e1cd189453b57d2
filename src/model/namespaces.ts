/**
 * Namespaces with their Pod Security Admission enforce level, and ServiceAccounts including the implicit
 * `default` of every namespace and any SA a workload names that the input lacks.
 */
import type { SnapshotObject } from '../collect/snapshot.js';
import { namespaceOf } from './owners.js';
import { bool, stringMap } from './read.js';
import type { Namespace, PsaLevel, ServiceAccount } from './types.js';

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
const LEVELS: ReadonlySet<string> = new Set(['privileged', 'baseline', 'restricted']);

/** Namespaced kinds the model reads: without `metadata.namespace` they live in `default`, as kubectl puts them. */
export const MODEL_NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  'ConfigMap',
  'CronJob',
  'DaemonSet',
  'Deployment',
  'Ingress',
  'Job',
  'NetworkPolicy',
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
]);

/**
 * The enforce level of a declared namespace. An unparsable label makes PSA fall back to `restricted`
 * (pod-security-admission `api.PolicyToEvaluate` defaults invalid levels to restricted).
 */
function psaOf(
  labels: Readonly<Record<string, string>>,
  defaultLevel: Exclude<PsaLevel, 'unknown'>,
): PsaLevel {
  const value = labels[ENFORCE_LABEL];
  if (value === undefined) return defaultLevel;
  return LEVELS.has(value) ? (value as PsaLevel) : 'restricted';
}

/** Every namespace declared or used by an object; undeclared ones have an `unknown` level. */
export function buildNamespaces(
  objects: readonly SnapshotObject[],
  defaultLevel: Exclude<PsaLevel, 'unknown'>,
): Namespace[] {
  const byName = new Map<string, Namespace>();
  for (const so of objects) {
    if (so.kind !== 'Namespace') continue;
    const labels = stringMap(so.object.metadata?.labels);
    byName.set(so.name, {
      ref: so.ref,
      name: so.name,
      labels,
      psaEnforce: psaOf(labels, defaultLevel),
      declared: true,
      ...(so.location !== undefined ? { location: so.location } : {}),
    });
  }
  for (const so of objects) {
    const name = so.namespace ?? (MODEL_NAMESPACED_KINDS.has(so.kind) ? 'default' : undefined);
    if (name !== undefined && !byName.has(name))
      byName.set(name, {
        ref: `Namespace/${name}`,
        name,
        labels: {},
        psaEnforce: 'unknown',
        declared: false,
      });
  }
  return [...byName.values()];
}

/** Explicit ServiceAccounts, plus implicit `default` ones and those workloads name (`namespace/name`). */
export function buildServiceAccounts(
  objects: readonly SnapshotObject[],
  namespaces: readonly Namespace[],
  named: ReadonlySet<string>,
): ServiceAccount[] {
  const byKey = new Map<string, ServiceAccount>();
  for (const so of objects) {
    if (so.kind !== 'ServiceAccount') continue;
    const namespace = namespaceOf(so);
    const automount = bool(so.object.automountServiceAccountToken);
    const annotations = stringMap(so.object.metadata?.annotations);
    byKey.set(`${namespace}/${so.name}`, {
      ref: `ServiceAccount/${namespace}/${so.name}`,
      namespace,
      name: so.name,
      ...(automount !== undefined ? { automountServiceAccountToken: automount } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      implicit: false,
      ...(so.location !== undefined ? { location: so.location } : {}),
    });
  }
  const implicit = [...namespaces.map((ns) => `${ns.name}/default`), ...named];
  for (const key of implicit) {
    if (byKey.has(key)) continue;
    const [namespace = '', name = ''] = key.split('/');
    byKey.set(key, { ref: `ServiceAccount/${namespace}/${name}`, namespace, name, implicit: true });
  }
  return [...byKey.values()];
}
