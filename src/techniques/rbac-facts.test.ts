import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { rbacFacts } from './rbac-facts.js';

type Rule = Record<string, string[]>;

const role = (kind: 'Role' | 'ClusterRole', rules: Rule[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name: 'r', ...(kind === 'Role' ? { namespace: 'shop' } : {}) },
  rules: rules.map((rule) => ({ apiGroups: [''], ...rule })),
});

/** The facts of one role, as `fact object path`, read as Kubernetes `version`. */
function factsOf(objects: unknown[], version = '1.36'): string[] {
  const model = buildModel(snapshotOf(objects), { kubeVersion: version });
  return rbacFacts(model)
    .map((f) => `${f.fact} ${f.object} ${f.path ?? ''}`.trim())
    .sort();
}
const of = (kind: 'Role' | 'ClusterRole', ...rules: Rule[]) => factsOf([role(kind, rules)]);
const at = (fact: string, kind = 'Role', rule = 0) =>
  `${fact} ${kind === 'Role' ? 'Role/shop/r' : 'ClusterRole/r'} /rules/${rule}`;

// One rule shape per row: the rule that shows the fact, and a near miss one field away that does not.
const ROWS: readonly { fact: string; kind?: 'Role' | 'ClusterRole'; hit: Rule; miss: Rule }[] = [
  {
    fact: 'pod-portforward-rbac-rule',
    hit: { resources: ['pods/portforward'], verbs: ['create'] },
    miss: { resources: ['pods/portforward'], verbs: ['list'] },
  },
  {
    fact: 'pod-log-rbac-rule',
    hit: { resources: ['pods/log'], verbs: ['get'] },
    miss: { resources: ['pods/status'], verbs: ['get'] },
  },
  {
    fact: 'namespace-list-rbac-rule',
    kind: 'ClusterRole',
    hit: { resources: ['namespaces'], verbs: ['list'] },
    miss: { resources: ['namespaces'], verbs: ['get'] },
  },
  {
    fact: 'service-list-rbac-rule',
    hit: { resources: ['services'], verbs: ['list'] },
    miss: { resources: ['endpoints'], verbs: ['list'] },
  },
  {
    fact: 'network-policy-write-rbac-rule',
    hit: { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['patch'] },
    miss: { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get'] },
  },
  {
    fact: 'csr-approve-rbac-rule',
    kind: 'ClusterRole',
    hit: {
      apiGroups: ['certificates.k8s.io'],
      resources: ['certificatesigningrequests/approval'],
      verbs: ['update'],
    },
    miss: {
      apiGroups: ['certificates.k8s.io'],
      resources: ['certificatesigningrequests'],
      verbs: ['update'],
    },
  },
  {
    fact: 'node-proxy-rbac-rule',
    kind: 'ClusterRole',
    hit: { resources: ['nodes/proxy'], verbs: ['get'] },
    miss: { resources: ['nodes/stats'], verbs: ['get'] },
  },
  {
    fact: 'impersonate-rbac-rule',
    kind: 'ClusterRole',
    hit: { resources: ['users'], verbs: ['impersonate'] },
    miss: { resources: ['users'], verbs: ['get'] },
  },
  {
    fact: 'token-create-rbac-rule',
    hit: { resources: ['serviceaccounts/token'], verbs: ['create'] },
    miss: { resources: ['serviceaccounts'], verbs: ['create'] },
  },
  {
    fact: 'full-control-rbac-rule',
    hit: {
      apiGroups: ['*'],
      resources: ['*'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    },
    miss: {
      apiGroups: ['*'],
      resources: ['*'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'],
    },
  },
];

for (const { fact, kind = 'Role', hit, miss } of ROWS) {
  test(`${fact}: the rule shows it, a rule one field away does not`, () => {
    const only = (facts: string[]) => facts.filter((f) => f.startsWith(`${fact} `));
    assert.deepEqual(only(of(kind, hit)), [at(fact, kind)]);
    assert.deepEqual(only(of(kind, miss)), []);
  });
}

test('a Role grants nothing cluster-scoped: the same rule in a Role is no fact', () => {
  assert.deepEqual(of('Role', { resources: ['nodes/proxy'], verbs: ['get'] }), []);
  assert.deepEqual(of('Role', { resources: ['users'], verbs: ['impersonate'] }), []);
});

test('escalate-bind-rbac-rule: bind needs create on bindings, escalate needs a write on roles', () => {
  const RBAC = ['rbac.authorization.k8s.io'];
  const bind = { apiGroups: RBAC, resources: ['roles'], verbs: ['bind'] };
  const createRb = { apiGroups: RBAC, resources: ['rolebindings'], verbs: ['create'] };
  const createCrb = { apiGroups: RBAC, resources: ['clusterrolebindings'], verbs: ['create'] };
  assert.deepEqual(of('Role', bind, createRb), [at('escalate-bind-rbac-rule')]);
  assert.deepEqual(of('Role', bind), []);
  // A Role is never named by a ClusterRoleBinding, and a Role cannot grant ClusterRoleBindings anyway.
  assert.deepEqual(of('ClusterRole', bind, createCrb), []);
  // bind on clusterroles is checked in the RoleBinding's namespace, so a Role can grant it.
  assert.deepEqual(of('Role', { ...bind, resources: ['clusterroles'] }, createRb), [
    at('escalate-bind-rbac-rule'),
  ]);
  const escalate = { apiGroups: RBAC, resources: ['roles'], verbs: ['escalate', 'update'] };
  assert.deepEqual(of('Role', escalate), [at('escalate-bind-rbac-rule')]);
  assert.deepEqual(of('Role', { ...escalate, verbs: ['escalate'] }), []);
});

test('pod-shell-get-rbac-rule: get alone on exec or attach from 1.35 only (before, get is a shell outright)', () => {
  const get = { apiGroups: ['*'], resources: ['pods/exec'], verbs: ['get'] };
  assert.deepEqual(of('Role', get), [at('pod-shell-get-rbac-rule')]);
  assert.deepEqual(of('Role', { ...get, verbs: ['get', 'create'] }), []);
  assert.deepEqual(factsOf([role('Role', [get])], '1.34'), []);
  // portforward with get alone is the portforward fact, worded for the older servers.
  assert.deepEqual(of('Role', { ...get, resources: ['pods/portforward'] }), [
    at('pod-portforward-rbac-rule'),
  ]);
});

const binding = (roleRef: { kind: string; name: string }, subjects: Record<string, string>[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'b', namespace: 'shop' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});
const jane = { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' };

test('rbac-dangling-role-ref: a binding to a role that does not exist; the same binding to one that does is none', () => {
  const b = binding({ kind: 'Role', name: 'r' }, [jane]);
  assert.deepEqual(factsOf([b]), ['rbac-dangling-role-ref RoleBinding/shop/b /roleRef/name']);
  assert.deepEqual(factsOf([b, role('Role', [{ resources: ['pods'], verbs: ['get'] }])]), []);
});

test('node-identity-binding: a grant to system:nodes, not to another group', () => {
  const nodes = { kind: 'Group', name: 'system:nodes', apiGroup: 'rbac.authorization.k8s.io' };
  const r = role('Role', [{ resources: ['pods'], verbs: ['get'] }]);
  assert.deepEqual(factsOf([r, binding({ kind: 'Role', name: 'r' }, [nodes])]), [
    'node-identity-binding RoleBinding/shop/b /subjects/0',
  ]);
  assert.deepEqual(factsOf([r, binding({ kind: 'Role', name: 'r' }, [{ ...nodes, name: 'ops' }])]), []);
});

test("dashboard-identity-use: the dashboard's role given to a user, or its ServiceAccount run by another pod", () => {
  const dashboardRole = { ...role('ClusterRole', [{ resources: ['pods'], verbs: ['get'] }]) };
  dashboardRole.metadata = { name: 'kubernetes-dashboard' };
  const toJane = binding({ kind: 'ClusterRole', name: 'kubernetes-dashboard' }, [jane]);
  assert.deepEqual(factsOf([dashboardRole, toJane]), [
    'dashboard-identity-use RoleBinding/shop/b /subjects/0',
  ]);
  const toSa = binding({ kind: 'ClusterRole', name: 'kubernetes-dashboard' }, [
    { kind: 'ServiceAccount', name: 'kubernetes-dashboard', namespace: 'shop' },
  ]);
  assert.deepEqual(factsOf([dashboardRole, toSa]), []);
  const pod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { serviceAccountName: 'kubernetes-dashboard', containers: [{ name: 'c', image: 'app:1' }] },
  });
  assert.deepEqual(factsOf([pod('frontend')]), ['dashboard-identity-use Pod/shop/frontend']);
  assert.deepEqual(factsOf([pod('kubernetes-dashboard-1')]), []);
});
