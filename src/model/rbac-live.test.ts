/**
 * Differential test against a real API server: for tricky RBAC objects, `can` must answer exactly what the
 * server's authorizer answers in a SubjectAccessReview sent with the groups the model assumes (a SAR adds no
 * implicit groups). Skipped when the control-plane binaries are not built.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type ControlPlane,
  controlPlaneSkipReason,
  startControlPlane,
} from '../../test/harness/control-plane.js';
import { loadBootstrapRbac } from '../collect/bootstrap-rbac.js';
import { buildModel } from './build-model.js';
import type { Model } from './model.js';
import { ruleAllowsNonResource } from './rbac-match.js';
import { snapshotOf } from './test-helpers.js';
import type { AccessRequest } from './types.js';

const skip = controlPlaneSkipReason();
const RBAC = 'rbac.authorization.k8s.io/v1';
const A = 'live-a';
const B = 'live-b';

const clusterRole = (name: string, rules: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
  rules,
  ...(extra.aggregationRule ? { aggregationRule: extra.aggregationRule } : {}),
});
const bind = (
  kind: string,
  name: string,
  namespace: string | undefined,
  role: [string, string],
  subjects: unknown[],
) => ({
  apiVersion: RBAC,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role[0], name: role[1] },
  subjects,
});
const user = (name: string) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name });

const OBJECTS: Record<string, unknown>[] = [
  clusterRole('lt-exec', [{ verbs: ['create', 'get'], apiGroups: [''], resources: ['pods/exec'] }]),
  clusterRole('lt-podstar', [{ verbs: ['*'], apiGroups: [''], resources: ['pods/*'] }]),
  clusterRole('lt-scale', [{ verbs: ['update', 'patch'], apiGroups: ['*'], resources: ['*/scale'] }]),
  clusterRole('lt-named', [
    {
      verbs: ['get', 'list', 'watch', 'create', 'delete', 'deletecollection'],
      apiGroups: [''],
      resources: ['secrets'],
      resourceNames: ['db'],
    },
  ]),
  clusterRole('lt-token', [
    {
      verbs: ['create'],
      apiGroups: [''],
      resources: ['serviceaccounts/token', 'pods/exec'],
      resourceNames: ['builder'],
    },
  ]),
  clusterRole('lt-nonres', [{ verbs: ['get'], nonResourceURLs: ['/metrics', '/logs/*'] }]),
  clusterRole('lt-ns-patch', [{ verbs: ['patch'], apiGroups: [''], resources: ['namespaces'] }]),
  clusterRole('lt-agg', [], {
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'lt/agg': 'true' } }] },
  }),
  clusterRole('lt-agg-mid', [], {
    labels: { 'lt/agg': 'true' },
    aggregationRule: {
      clusterRoleSelectors: [{ matchExpressions: [{ key: 'lt/leaf', operator: 'Exists' }] }],
    },
  }),
  clusterRole('lt-agg-leaf', [{ verbs: ['list'], apiGroups: [''], resources: ['configmaps'] }], {
    labels: { 'lt/leaf': 'x' },
  }),
  {
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name: 'lt-pods', namespace: A },
    rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
  },
  bind('RoleBinding', 'sa-no-ns', A, ['Role', 'lt-pods'], [{ kind: 'ServiceAccount', name: 'app' }]),
  bind('RoleBinding', 'named', A, ['ClusterRole', 'lt-named'], [user('alice')]),
  bind('RoleBinding', 'nonres-rb', A, ['ClusterRole', 'lt-nonres'], [user('alice')]),
  bind('ClusterRoleBinding', 'lt-nonres-crb', undefined, ['ClusterRole', 'lt-nonres'], [user('bob')]),
  bind(
    'ClusterRoleBinding',
    'lt-exec',
    undefined,
    ['ClusterRole', 'lt-exec'],
    [user(`system:serviceaccount:${B}:runner`)],
  ),
  bind('RoleBinding', 'token', B, ['ClusterRole', 'lt-token'], [user('carol')]),
  bind('RoleBinding', 'podstar', B, ['ClusterRole', 'lt-podstar'], [user('bob')]),
  bind(
    'RoleBinding',
    'scale',
    B,
    ['ClusterRole', 'lt-scale'],
    [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'team' }],
  ),
  bind('ClusterRoleBinding', 'lt-agg', undefined, ['ClusterRole', 'lt-agg'], [user('carol')]),
  bind('RoleBinding', 'ns-patch', B, ['ClusterRole', 'lt-ns-patch'], [user('dave')]),
  bind('RoleBinding', 'edit', B, ['ClusterRole', 'edit'], [user('erin')]),
  bind('RoleBinding', 'admin-here', A, ['ClusterRole', 'cluster-admin'], [user('frank')]),
];

const IDENTITIES = [
  'User/alice',
  'User/bob',
  'User/carol',
  'User/dave',
  'User/erin',
  'User/frank',
  'Group/team',
  `ServiceAccount/${A}/app`,
  `ServiceAccount/${B}/runner`,
  `ServiceAccount/${B}/other`,
];

const r = (verb: string, resource: string, more: Partial<AccessRequest> = {}): AccessRequest => {
  const [base = '', subresource] = resource.split('/');
  return { verb, apiGroup: '', resource: base, ...(subresource ? { subresource } : {}), ...more };
};
const REQUESTS: AccessRequest[] = [
  r('create', 'pods/exec', { namespace: A, name: 'p' }),
  r('get', 'pods/exec', { namespace: B, name: 'p' }),
  r('get', 'pods/log', { namespace: B, name: 'p' }),
  r('get', 'pods/*', { namespace: B, name: 'p' }),
  r('get', 'pods', { namespace: A, name: 'p' }),
  r('get', 'pods', { namespace: B, name: 'p' }),
  r('list', 'pods', { namespace: A }),
  r('create', 'pods', { namespace: B }),
  r('update', 'deployments/scale', { apiGroup: 'apps', namespace: B, name: 'd' }),
  r('update', 'deployments', { apiGroup: 'apps', namespace: B, name: 'd' }),
  r('patch', 'statefulsets/scale', { apiGroup: 'apps', namespace: B, name: 's' }),
  r('get', 'secrets', { namespace: A, name: 'db' }),
  r('get', 'secrets', { namespace: A, name: 'other' }),
  r('list', 'secrets', { namespace: A }),
  r('list', 'secrets', { namespace: A, name: 'db' }),
  r('watch', 'secrets', { namespace: A, name: 'db' }),
  r('create', 'secrets', { namespace: A, name: 'db' }),
  r('deletecollection', 'secrets', { namespace: A }),
  r('delete', 'secrets', { namespace: A, name: 'db' }),
  r('get', 'secrets', { namespace: B, name: 'db' }),
  r('create', 'serviceaccounts/token', { namespace: B, name: 'builder' }),
  r('create', 'serviceaccounts/token', { namespace: B, name: 'default' }),
  r('create', 'pods/exec', { namespace: B, name: 'builder' }),
  r('list', 'configmaps', { namespace: A }),
  r('list', 'configmaps'),
  r('patch', 'namespaces', { name: B }),
  r('patch', 'namespaces', { name: A }),
  r('create', 'rolebindings', { apiGroup: 'rbac.authorization.k8s.io', namespace: B }),
  r('escalate', 'clusterroles', { apiGroup: 'rbac.authorization.k8s.io', name: 'x' }),
  r('get', 'nodes', { name: 'n' }),
  r('create', 'selfsubjectaccessreviews', { apiGroup: 'authorization.k8s.io' }),
];
const URLS = ['/metrics', '/logs/kube-apiserver.log', '/logs', '/healthz', '/api'];

let cp: ControlPlane;
let model: Model;

async function apply(object: Record<string, unknown>): Promise<void> {
  const meta = object.metadata as { name: string; namespace?: string };
  const plural = `${String(object.kind).toLowerCase()}s`;
  const base = String(object.apiVersion).startsWith('rbac')
    ? '/apis/rbac.authorization.k8s.io/v1'
    : '/api/v1';
  const path = `${base}${meta.namespace ? `/namespaces/${meta.namespace}` : ''}/${plural}`;
  const res = await cp.request('admin', 'POST', path, object);
  assert.ok(res.status === 201 || res.status === 409, `${path}: ${res.status} ${res.text}`);
}

async function waitForAggregation(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await cp.request<{ rules?: unknown[] }>(
      'admin',
      'GET',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/lt-agg',
    );
    if ((res.json.rules ?? []).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail('the aggregation controller never filled lt-agg');
}

/** The SAR identity: a SA authenticates as `system:serviceaccount:ns:name`; a Group is tested via a member. */
function sarSubject(identity: string): { user: string; groups: readonly string[] } {
  const [kind, ...rest] = identity.split('/');
  if (kind === 'ServiceAccount')
    return { user: `system:serviceaccount:${rest[0]}:${rest[1]}`, groups: model.groupsOf(identity) };
  if (kind === 'Group') return { user: 'member-of-a-group', groups: [rest.join('/')] };
  return { user: rest.join('/'), groups: model.groupsOf(identity) };
}

/**
 * The attributes the API server derives from the real request: the namespaces resource carries its own name as
 * the namespace; a top-level create (POST to the collection) and deletecollection carry no name.
 */
function asRequestInfo(request: AccessRequest): Record<string, unknown> {
  const namespace = request.resource === 'namespaces' ? request.name : request.namespace;
  const nameless = request.verb === 'deletecollection' || (request.verb === 'create' && !request.subresource);
  return {
    verb: request.verb,
    group: request.apiGroup,
    resource: request.resource,
    ...(request.subresource ? { subresource: request.subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(request.name && !nameless ? { name: request.name } : {}),
  };
}

async function serverAllows(identity: string, attributes: Record<string, unknown>): Promise<boolean> {
  const res = await cp.request<{ status: { allowed: boolean } }>(
    'admin',
    'POST',
    '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { ...sarSubject(identity), ...attributes },
    },
  );
  assert.equal(res.status, 201, res.text);
  return res.json.status.allowed;
}

before(async () => {
  if (skip) return;
  cp = await startControlPlane({ controllers: true, users: { dave: [] } });
  for (const namespace of [A, B])
    await apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  for (const object of OBJECTS) await apply(object);
  await waitForAggregation();
  const bootstrap = await loadBootstrapRbac(cp.version);
  model = buildModel(snapshotOf(OBJECTS), { builtIn: bootstrap.objects });
  assert.deepEqual(model.gaps, []);
});
after(async () => {
  await cp?.stop();
});

test('can() agrees with the API server on every identity and resource request', { skip }, async () => {
  const disagreements: string[] = [];
  let allowed = 0;
  for (const identity of IDENTITIES)
    for (const request of REQUESTS) {
      const server = await serverAllows(identity, { resourceAttributes: asRequestInfo(request) });
      const ours = model.can(identity, request) !== undefined;
      if (server) allowed++;
      if (server !== ours)
        disagreements.push(`${identity} ${JSON.stringify(request)}: server ${server}, model ${ours}`);
    }
  assert.deepEqual(disagreements, []);
  assert.ok(allowed > 10, 'the matrix exercises allowed requests too');
});

test('non-resource URLs agree: only ClusterRoleBindings give them effect', { skip }, async () => {
  const disagreements: string[] = [];
  for (const identity of IDENTITIES)
    for (const url of URLS) {
      const server = await serverAllows(identity, { nonResourceAttributes: { path: url, verb: 'get' } });
      const ours = model
        .grantsOf(identity)
        .some((g) => g.scope === '*' && ruleAllowsNonResource(g.rule, 'get', url));
      if (server !== ours) disagreements.push(`${identity} get ${url}: server ${server}, model ${ours}`);
    }
  assert.deepEqual(disagreements, []);
});

test('a real PATCH of a namespace is authorized in that namespace, as the model assumes', {
  skip,
}, async () => {
  const patch = (namespace: string) =>
    cp.request(
      'dave',
      'PATCH',
      `/api/v1/namespaces/${namespace}`,
      { metadata: { labels: { touched: 'yes' } } },
      {
        contentType: 'application/merge-patch+json',
      },
    );
  assert.equal((await patch(B)).status, 200);
  assert.equal((await patch(A)).status, 403);
  assert.ok(model.can('User/dave', { verb: 'patch', apiGroup: '', resource: 'namespaces', name: B }));
  assert.equal(
    model.can('User/dave', { verb: 'patch', apiGroup: '', resource: 'namespaces', name: A }),
    undefined,
  );
});
