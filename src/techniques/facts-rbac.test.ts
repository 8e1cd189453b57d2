import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { findFacts } from './facts.js';

const role = (rule: Record<string, string[]>) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'r', namespace: 'shop' },
  rules: [{ apiGroups: [''], ...rule }],
});

/** The pod-exec-rbac-rule facts of one role, read as Kubernetes `version`. */
function execFacts(rule: Record<string, string[]>, version = '1.36'): string[] {
  const model = buildModel(snapshotOf([role(rule)]), { kubeVersion: version });
  return findFacts(model)
    .filter((f) => f.fact === 'pod-exec-rbac-rule')
    .map((f) => `${f.object} ${f.path}`);
}

test('a role rule that opens a shell in pods is a fact, bound or not', () => {
  assert.deepEqual(execFacts({ resources: ['pods/exec'], verbs: ['create'] }), ['Role/shop/r /rules/0']);
  assert.deepEqual(execFacts({ resources: ['pods/attach'], verbs: ['create'] }), ['Role/shop/r /rules/0']);
  assert.deepEqual(execFacts({ resources: ['*'], verbs: ['*'] }), ['Role/shop/r /rules/0']);
  // The authorizer matches `*`, exact names and `*/sub`, never `pods/*`.
  assert.deepEqual(execFacts({ resources: ['pods/*'], verbs: ['*'] }), []);
});

test('near misses: another subresource, and get alone from 1.35 (it still opens a shell before)', () => {
  assert.deepEqual(execFacts({ resources: ['pods/log'], verbs: ['create', 'get'] }), []);
  assert.deepEqual(execFacts({ resources: ['pods/exec'], verbs: ['get'] }), []);
  assert.deepEqual(execFacts({ resources: ['pods/exec'], verbs: ['get'] }, '1.34'), ['Role/shop/r /rules/0']);
});
