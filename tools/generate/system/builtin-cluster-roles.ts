import { CLUSTER_EPOCH } from '../clock.js';
import type { PolicyRule, RoleSpec } from '../model/object-specs.js';
import { ALL_VERBS, READ, rule, urlRule, WILDCARD_RULE } from '../model/rules.js';

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const AGGREGATE = 'rbac.authorization.k8s.io/aggregate-to-';

const VIEW_RULES: readonly PolicyRule[] = [
  rule(
    [''],
    ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'replicationcontrollers', 'services'],
    READ,
  ),
  rule(
    [''],
    ['bindings', 'events', 'limitranges', 'namespaces', 'pods/log', 'pods/status', 'resourcequotas'],
    READ,
  ),
  rule(['apps'], ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], READ),
  rule(['batch'], ['cronjobs', 'jobs'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
];

const EDIT_RULES: readonly PolicyRule[] = [
  rule(
    [''],
    ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'],
    READ,
  ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule(
    [''],
    ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'],
    ['create', 'delete', 'patch'],
  ),
  rule([''], ['configmaps', 'persistentvolumeclaims', 'secrets', 'services', 'serviceaccounts'], ALL_VERBS),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    ['daemonsets', 'deployments', 'deployments/scale', 'replicasets', 'statefulsets'],
    ALL_VERBS,
  ),
  rule(['batch'], ['cronjobs', 'jobs'], ALL_VERBS),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], ALL_VERBS),
];

const ADMIN_RULES: readonly PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL_VERBS),
];

function role(name: string, rules: readonly PolicyRule[], labels: Record<string, string> = {}): RoleSpec {
  return {
    name,
    rules,
    labels: { ...BOOTSTRAP, ...labels },
    annotations: AUTOUPDATE,
    created: CLUSTER_EPOCH,
  };
}

function aggregated(
  name: string,
  rules: readonly PolicyRule[],
  labels: Record<string, string> = {},
): RoleSpec {
  return { ...role(name, rules, labels), aggregateFrom: [{ [`${AGGREGATE}${name}`]: 'true' }] };
}

/** The default ClusterRoles the API server bootstraps, trimmed to the ones that matter for paths. */
export function builtinClusterRoles(): RoleSpec[] {
  return [
    role('cluster-admin', [WILDCARD_RULE, urlRule(['*'], ['*'])]),
    aggregated('admin', [...ADMIN_RULES, ...EDIT_RULES, ...VIEW_RULES]),
    aggregated('edit', [...EDIT_RULES, ...VIEW_RULES], { [`${AGGREGATE}admin`]: 'true' }),
    aggregated('view', VIEW_RULES, { [`${AGGREGATE}edit`]: 'true' }),
    role('system:aggregate-to-admin', ADMIN_RULES, { [`${AGGREGATE}admin`]: 'true' }),
    role('system:aggregate-to-edit', EDIT_RULES, { [`${AGGREGATE}edit`]: 'true' }),
    role('system:aggregate-to-view', VIEW_RULES, { [`${AGGREGATE}view`]: 'true' }),
    role('system:auth-delegator', [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    ]),
    role('system:basic-user', [
      rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
    ]),
    role('system:discovery', [
      urlRule(['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/version'], ['get']),
    ]),
    role('system:public-info-viewer', [
      urlRule(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get']),
    ]),
    role('system:monitoring', [urlRule(['/healthz', '/livez', '/metrics', '/readyz'], ['get'])]),
    role('system:node', [
      rule([''], ['nodes', 'nodes/status'], ['get', 'list', 'watch', 'create', 'update', 'patch']),
      rule([''], ['pods'], ['get', 'list', 'watch', 'create', 'delete']),
      rule([''], ['pods/status', 'pods/eviction'], ['create', 'patch', 'update']),
      rule(
        [''],
        ['configmaps', 'secrets', 'persistentvolumeclaims', 'persistentvolumes'],
        ['get', 'list', 'watch'],
      ),
      rule([''], ['serviceaccounts/token'], ['create']),
    ]),
    role('system:node-proxier', [
      rule([''], ['endpoints', 'services'], ['list', 'watch']),
      rule([''], ['nodes'], READ),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
      rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
    ]),
    role('system:coredns', [
      rule([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ]),
    role('system:kube-scheduler', [
      rule([''], ['pods', 'nodes', 'persistentvolumes', 'persistentvolumeclaims'], READ),
      rule([''], ['bindings', 'pods/binding'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update']),
    ]),
    role('system:kube-controller-manager', [
      rule([''], ['secrets', 'serviceaccounts'], ['create', 'get', 'update', 'delete']),
      rule([''], ['serviceaccounts/token'], ['create']),
      rule(['*'], ['*'], ['list', 'watch']),
    ]),
  ];
}
