import type { KubeObject } from '../json-types.js';
import type { BindingSpec, RoleSpec } from '../model/object-specs.js';
import type { Random } from '../random.js';
import { simpleMeta } from './simple-meta.js';

const RBAC = 'rbac.authorization.k8s.io';
const RBAC_V1 = `${RBAC}/v1`;

function manager(name: string, builtin: boolean): string {
  if (builtin) return 'kube-apiserver';
  return name.startsWith('system:') || name.startsWith('kubeadm:') ? 'kubeadm' : 'helm';
}

/** A Role (namespaced) or ClusterRole, with its aggregation rule when it has one. */
export function renderRole(r: RoleSpec, rng: Random): KubeObject {
  const kind = r.namespace === undefined ? 'ClusterRole' : 'Role';
  const aggregationRule =
    r.aggregateFrom === undefined
      ? undefined
      : { clusterRoleSelectors: r.aggregateFrom.map((matchLabels) => ({ matchLabels })) };
  const builtin = r.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
  const metadata = simpleMeta({
    name: r.name,
    namespace: r.namespace,
    created: r.created,
    labels: r.labels,
    annotations: r.annotations,
    apiVersion: RBAC_V1,
    manager: manager(r.name, builtin),
    body: { aggregationRule, rules: r.rules },
    rng,
  });
  return { aggregationRule, apiVersion: RBAC_V1, kind, metadata, rules: r.rules };
}

/** A RoleBinding (namespaced) or ClusterRoleBinding. */
export function renderBinding(b: BindingSpec, rng: Random): KubeObject {
  const kind = b.namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding';
  const roleRef = { apiGroup: RBAC, kind: b.roleKind, name: b.roleName };
  // apiGroup is empty (so omitted) for ServiceAccounts and the RBAC group for users and groups.
  const subjects = b.subjects.map((s) => ({
    apiGroup: s.kind === 'ServiceAccount' ? undefined : RBAC,
    kind: s.kind,
    name: s.name,
    namespace: s.namespace,
  }));
  const builtin = b.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
  const metadata = simpleMeta({
    name: b.name,
    namespace: b.namespace,
    created: b.created,
    labels: b.labels,
    annotations: builtin ? { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } : undefined,
    apiVersion: RBAC_V1,
    manager: manager(b.name, builtin),
    body: { roleRef, subjects },
    rng,
  });
  return { apiVersion: RBAC_V1, kind, metadata, roleRef, subjects };
}
