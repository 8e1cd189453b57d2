import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';
import type { PolicyRule } from './types.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

const role = {
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: { name: 'reader' },
  rules: [
    { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
    { verbs: ['get'], nonResourceURLs: ['/metrics'] },
    { verbs: ['list'], apiGroups: [''], resources: ['secrets'], nonResourceURLs: ['/healthz'] },
  ],
};

const roleBinding = (namespace: string, name: string, subject: string) => ({
  apiVersion: RBAC,
  kind: 'RoleBinding',
  metadata: { name, namespace },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
  subjects: [
    { kind: 'ServiceAccount', name: subject, namespace },
    { kind: 'User', name: `${subject}-user` },
  ],
});

const clusterBinding = {
  apiVersion: RBAC,
  kind: 'ClusterRoleBinding',
  metadata: { name: 'readers' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
  subjects: [{ kind: 'Group', name: 'auditors' }],
};

const model = buildModel(
  snapshotOf([
    role,
    roleBinding('a', 'one', 'app'),
    roleBinding('b', 'two', 'app'),
    roleBinding('b', 'three', 'ci'),
    clusterBinding,
  ]),
);

test('every binding of one kind to a role shares one rule list; a RoleBinding drops nonResourceURLs', () => {
  assert.equal(model.bound.length, 7);
  const lists = new Set(model.bound.map((item) => item.rules));
  assert.equal(lists.size, 2);
  const namespaced = model.bound.find((item) => item.scope === 'b')!.rules;
  const cluster = model.bound.find((item) => item.scope === '*')!.rules;
  // The /metrics-only rule gives nothing through a RoleBinding, and the mixed rule keeps only its resources.
  assert.deepEqual(
    namespaced.rules.map((r) => r.ruleIndex),
    [0, 2],
  );
  assert.deepEqual(namespaced.rules[1]!.rule.nonResourceURLs, []);
  assert.deepEqual(
    cluster.rules.map((r) => r.ruleIndex),
    [0, 1, 2],
  );
});

test('grants are one per rule of each bound subject, in binding then subject then rule order', () => {
  const keys = model.grants.map((g) => `${g.binding} ${g.subjectIndex} ${g.ruleIndex} ${g.subject}`);
  assert.deepEqual(keys, [
    'ClusterRoleBinding/readers 0 0 Group/auditors',
    'ClusterRoleBinding/readers 0 1 Group/auditors',
    'ClusterRoleBinding/readers 0 2 Group/auditors',
    'RoleBinding/a/one 0 0 ServiceAccount/a/app',
    'RoleBinding/a/one 0 2 ServiceAccount/a/app',
    'RoleBinding/a/one 1 0 User/app-user',
    'RoleBinding/a/one 1 2 User/app-user',
    'RoleBinding/b/three 0 0 ServiceAccount/b/ci',
    'RoleBinding/b/three 0 2 ServiceAccount/b/ci',
    'RoleBinding/b/three 1 0 User/ci-user',
    'RoleBinding/b/three 1 2 User/ci-user',
    'RoleBinding/b/two 0 0 ServiceAccount/b/app',
    'RoleBinding/b/two 0 2 ServiceAccount/b/app',
    'RoleBinding/b/two 1 0 User/app-user',
    'RoleBinding/b/two 1 2 User/app-user',
  ]);
});

test('grantsWhere asks each rule of each shared list once and keeps grants in model order', () => {
  const asked: PolicyRule[] = [];
  const kept = model.grantsWhere((rule) => {
    asked.push(rule);
    return rule.resources.includes('secrets');
  });
  assert.equal(asked.length, 5);
  assert.deepEqual(
    kept,
    model.grants.filter((grant) => grant.rule.resources.includes('secrets')),
  );
});

test('queries return the same grant objects as the model list', () => {
  const listed = new Set(model.grants);
  const ofApp = model.grantsOf('ServiceAccount/b/app');
  assert.equal(ofApp.length, 2);
  for (const grant of ofApp) assert.ok(listed.has(grant));
  const can = model.can('User/app-user', { verb: 'list', apiGroup: '', resource: 'secrets', namespace: 'b' });
  assert.ok(can !== undefined && listed.has(can));
  assert.equal(can.binding, 'RoleBinding/b/two');
  const who = model.whoCan({ verb: 'get', apiGroup: '', resource: 'pods', namespace: 'a' });
  assert.deepEqual(
    who.map((grant) => grant.subject),
    ['Group/auditors', 'ServiceAccount/a/app', 'User/app-user'],
  );
  for (const grant of who) assert.ok(listed.has(grant));
});

test('after the memo is released, queries make equal grants again, one object per grant', () => {
  const fresh = buildModel(snapshotOf([role, roleBinding('a', 'one', 'app'), clusterBinding]));
  const before = fresh.grantsOf('ServiceAccount/a/app');
  const request = { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'a' };
  assert.equal(fresh.can('ServiceAccount/a/app', request), before[0]);
  fresh.memo.release();
  const after = fresh.grantsOf('ServiceAccount/a/app');
  assert.deepEqual(after, before);
  assert.notEqual(after[0], before[0]);
  // The grants made after the release are shared among the queries again.
  assert.equal(fresh.can('ServiceAccount/a/app', request), after[0]);
  assert.ok(fresh.grants.includes(after[0]!));
  assert.ok(!fresh.grants.includes(before[0]!));
});
