// Disagreements the SubjectAccessReview differential (test/rbac-differential) found between the model and a
// real kube-apiserver, each pinned by a test named after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { ruleAllows } from './rbac-match.js';
import { snapshotOf } from './test-helpers.js';
import type { AccessRequest, PolicyRule } from './types.js';

function rule(partial: Partial<PolicyRule>): PolicyRule {
  return { verbs: [], apiGroups: [''], resources: [], resourceNames: [], nonResourceURLs: [], ...partial };
}

function req(verb: string, resource: string, extra: Partial<AccessRequest> = {}): AccessRequest {
  return { verb, apiGroup: '', resource, namespace: 'ns', ...extra };
}

test('resourceNames [""] allows list, watch, deletecollection, top-level create (server allowed, model denied)', () => {
  // The API server compares the request's name, empty for these requests, with each resourceName; "" is valid.
  const empty = rule({ verbs: ['*'], resources: ['secrets'], resourceNames: [''] });
  for (const verb of ['list', 'watch', 'deletecollection', 'create'])
    assert.ok(ruleAllows(empty, req(verb, 'secrets')), `${verb} secrets`);
  // A request that names an object (or a list narrowed to one by a field selector) carries that name.
  assert.ok(!ruleAllows(empty, req('get', 'secrets', { name: 'db' })));
  assert.ok(!ruleAllows(empty, req('list', 'secrets', { name: 'db' })));
  assert.ok(!ruleAllows(empty, req('create', 'pods', { subresource: 'exec', name: 'web' })));
  // get/update/delete always name an object: without a name the question is "every object", not granted.
  assert.ok(!ruleAllows(empty, req('get', 'secrets')));
  const mixed = rule({ verbs: ['list', 'get'], resources: ['secrets'], resourceNames: ['', 'db'] });
  assert.ok(ruleAllows(mixed, req('list', 'secrets')));
  assert.ok(ruleAllows(mixed, req('get', 'secrets', { name: 'db' })));
  assert.ok(!ruleAllows(mixed, req('get', 'secrets', { name: 'other' })));
});

test('resourceNames [""] reaches can(): a ServiceAccount bound to it lists every Secret of the namespace', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'templated', namespace: 'app' },
        rules: [{ verbs: ['list'], apiGroups: [''], resources: ['secrets'], resourceNames: [''] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'templated', namespace: 'app' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'templated' },
        subjects: [{ kind: 'ServiceAccount', name: 'worker' }],
      },
    ]),
  );
  const list = { verb: 'list', apiGroup: '', resource: 'secrets', namespace: 'app' };
  assert.equal(model.can('ServiceAccount/app/worker', list)?.binding, 'RoleBinding/app/templated');
  assert.equal(model.can('ServiceAccount/app/worker', { ...list, namespace: 'other' }), undefined);
});

test("User/system:serviceaccount:<ns>:<name> holds its ServiceAccount's grants (server allowed, model denied)", () => {
  // The API server matches a ServiceAccount subject by the user name system:serviceaccount:<ns>:<name>.
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'reader' },
        rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'worker', namespace: 'app' }],
      },
    ]),
  );
  const get = { verb: 'get', apiGroup: '', resource: 'configmaps', namespace: 'app', name: 'x' };
  const asUser = 'User/system:serviceaccount:app:worker';
  assert.equal(model.can(asUser, get)?.binding, 'ClusterRoleBinding/reader');
  assert.deepEqual(model.grantsOf(asUser), model.grantsOf('ServiceAccount/app/worker'));
  assert.deepEqual(model.groupsOf(asUser), model.groupsOf('ServiceAccount/app/worker'));
  // Not the SA user name form (three parts, or an empty part): an ordinary User with no grants.
  assert.equal(model.can('User/system:serviceaccount:app:worker:x', get), undefined);
  assert.equal(model.can('User/system:serviceaccount:app', get), undefined);
  assert.deepEqual(model.groupsOf('User/system:serviceaccount:app'), ['system:authenticated']);
});
