/**
 * What the generated RBAC and questions are made of: API resources with their scope and subresources, verbs,
 * object names and non-resource paths. A SubjectAccessReview never checks that a resource exists, so the
 * catalog also holds a custom group the server does not serve.
 */

/** One API resource as the authorizer sees it. */
export interface ResourceKind {
  readonly group: string;
  readonly resource: string;
  readonly namespaced: boolean;
  readonly subresources: readonly string[];
}

/** The resources questions are asked about. */
export const RESOURCES: readonly ResourceKind[] = [
  {
    group: '',
    resource: 'pods',
    namespaced: true,
    subresources: ['exec', 'log', 'attach', 'portforward', 'status', 'eviction'],
  },
  { group: '', resource: 'secrets', namespaced: true, subresources: [] },
  { group: '', resource: 'configmaps', namespaced: true, subresources: [] },
  { group: '', resource: 'services', namespaced: true, subresources: ['status', 'proxy'] },
  { group: '', resource: 'serviceaccounts', namespaced: true, subresources: ['token'] },
  { group: '', resource: 'nodes', namespaced: false, subresources: ['status', 'proxy'] },
  { group: '', resource: 'namespaces', namespaced: false, subresources: ['status', 'finalize'] },
  { group: '', resource: 'persistentvolumes', namespaced: false, subresources: ['status'] },
  // What `impersonate` is checked on.
  { group: '', resource: 'users', namespaced: false, subresources: [] },
  { group: '', resource: 'groups', namespaced: false, subresources: [] },
  { group: 'apps', resource: 'deployments', namespaced: true, subresources: ['scale', 'status'] },
  { group: 'apps', resource: 'statefulsets', namespaced: true, subresources: ['scale', 'status'] },
  { group: 'apps', resource: 'daemonsets', namespaced: true, subresources: ['status'] },
  { group: 'batch', resource: 'jobs', namespaced: true, subresources: ['status'] },
  { group: 'rbac.authorization.k8s.io', resource: 'roles', namespaced: true, subresources: [] },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterroles', namespaced: false, subresources: [] },
  { group: 'storage.k8s.io', resource: 'storageclasses', namespaced: false, subresources: [] },
  { group: 'example.com', resource: 'widgets', namespaced: true, subresources: ['scale', 'status'] },
  // The bootstrap system:basic-user role lets every authenticated identity create these.
  { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews', namespaced: false, subresources: [] },
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', namespaced: false, subresources: [] },
];

/** Every API group of the catalog. */
export const GROUPS: readonly string[] = [...new Set(RESOURCES.map((r) => r.group))];

/** Verbs rules name and questions ask. */
export const VERBS: readonly string[] = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'bind',
  'escalate',
  'impersonate',
];

/** Object names rules restrict to (`resourceNames`) and questions ask about. */
export const NAMES: readonly string[] = ['db', 'web', 'cache', 'other'];

/** Subresources that `*\/sub` rules name. */
export const STAR_SUBRESOURCES: readonly string[] = ['scale', 'status'];

/** Subresource rules, written as the rule writes them. */
export const SUBRESOURCE_RULES: readonly string[] = [
  'pods/exec',
  'pods/log',
  'pods/attach',
  'pods/status',
  'deployments/scale',
  'statefulsets/scale',
  'services/proxy',
  'serviceaccounts/token',
  'nodes/proxy',
  'widgets/status',
];

/** `nonResourceURLs` of ClusterRole rules: exact paths and `*` prefix forms. */
export const URL_RULES: readonly (readonly string[])[] = [
  ['/healthz/*'],
  ['/healthz', '/metrics'],
  ['/logs*'],
  ['/custom/*', '/debug/pprof'],
  ['/metrics/*', '/version'],
  ['/apis/custom/v1'],
];

/** Paths non-resource questions ask about. */
export const URLS: readonly string[] = [
  '/healthz',
  '/healthz/',
  '/healthz/etcd',
  '/healthz/ping',
  '/metrics',
  '/metrics/cadvisor',
  '/logs',
  '/logs/',
  '/logs/kube-apiserver.log',
  '/logsx',
  '/version',
  '/api',
  '/apis',
  '/apis/custom/v1',
  '/apis/custom/v1/x',
  '/openid/v1/jwks',
  '/.well-known/openid-configuration',
  '/readyz',
  '/livez/ping',
  '/custom',
  '/custom/a/b',
  '/debug/pprof',
  '/debug/pprof/heap',
];

/** Verbs of non-resource requests: lower-case HTTP methods. */
export const URL_VERBS: readonly string[] = ['get', 'post', 'put', 'delete', 'head'];

/** The catalog entry of a group and resource, if any. */
export function kindOf(group: string, resource: string): ResourceKind | undefined {
  return RESOURCES.find((r) => r.group === group && r.resource === resource);
}
