/**
 * The one registry of what a live scan reads: each kind's API group, version, plural, scope and why analysis
 * needs it. The collector lists exactly these, and chokepoint's least-privilege ClusterRole is generated from
 * them, so the two cannot drift apart.
 */

/** How a kind is read. `table-names` lists a Table of names and types only (Secrets: no value, no annotation). */
export type ReadMode = 'objects' | 'table-names';

/** One kind the live collector lists. */
export interface LiveKind {
  readonly kind: string;
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly mode: ReadMode;
  /** Why analysis reads it: the attack condition it feeds. */
  readonly why: string;
}

/** Every kind a live scan lists, sorted by group then plural. */
export const LIVE_KINDS: readonly LiveKind[] = [
  kind(
    'ConfigMap',
    '',
    'configmaps',
    true,
    'credential-like keys readable by everyone who can read ConfigMaps',
  ),
  kind('Namespace', '', 'namespaces', false, 'Pod Security Admission levels gate pod-creation edges'),
  kind('Node', '', 'nodes', false, 'pools, taints and control-plane nodes decide co-location'),
  kind('Pod', '', 'pods', true, 'containers, their security contexts, volumes and tokens'),
  kind('ReplicationController', '', 'replicationcontrollers', true, 'pod templates'),
  {
    ...kind('Secret', '', 'secrets', true, 'legacy token Secrets are credentials; others lead to secrets'),
    mode: 'table-names',
  },
  kind('ServiceAccount', '', 'serviceaccounts', true, 'identities and their token automount'),
  kind('Service', '', 'services', true, 'NodePort and LoadBalancer exposure'),
  kind('DaemonSet', 'apps', 'daemonsets', true, 'pod templates on every node'),
  kind('Deployment', 'apps', 'deployments', true, 'pod templates'),
  kind('ReplicaSet', 'apps', 'replicasets', true, 'pod templates, collapsed into their owner'),
  kind('StatefulSet', 'apps', 'statefulsets', true, 'pod templates'),
  kind('CronJob', 'batch', 'cronjobs', true, 'pod templates'),
  kind('Job', 'batch', 'jobs', true, 'pod templates, collapsed into their owner'),
  kind('Ingress', 'networking.k8s.io', 'ingresses', true, 'exposure to the internet'),
  kind('NetworkPolicy', 'networking.k8s.io', 'networkpolicies', true, 'which pods can reach which'),
  kind(
    'ClusterRoleBinding',
    'rbac.authorization.k8s.io',
    'clusterrolebindings',
    false,
    'cluster-wide grants',
  ),
  kind(
    'ClusterRole',
    'rbac.authorization.k8s.io',
    'clusterroles',
    false,
    'rules, as aggregated by the server',
  ),
  kind('RoleBinding', 'rbac.authorization.k8s.io', 'rolebindings', true, 'namespace grants'),
  kind('Role', 'rbac.authorization.k8s.io', 'roles', true, 'namespace rules'),
];

function kind(name: string, group: string, plural: string, namespaced: boolean, why: string): LiveKind {
  // Every kind read is served at v1 by every supported server (1.22+).
  return { kind: name, group, version: 'v1', plural, namespaced, mode: 'objects', why };
}

/** The `apiVersion` objects of a kind carry: `v1` or `group/v1`. */
export function apiVersionOf(k: LiveKind): string {
  return k.group === '' ? k.version : `${k.group}/${k.version}`;
}

/** The list path of a kind, cluster-wide or in one namespace. */
export function listPath(k: LiveKind, namespace?: string): string {
  const base = k.group === '' ? `/api/${k.version}` : `/apis/${k.group}/${k.version}`;
  const ns = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${base}${ns}/${k.plural}`;
}
