import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLUSTER_FIXES, clusterGrant, shopGrant } from './rbac-capability-fixtures.js';
import { assertFixesRemove, edgesOf, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';
import { webhookControl } from './webhook-control.js';

const G = ['admissionregistration.k8s.io'];
const EDGE = 'ServiceAccount/shop/ci -> jewel:cluster-admin';

runTable(webhookControl, [
  {
    name: 'create mutating webhooks',
    objects: clusterGrant(rule(['create'], ['mutatingwebhookconfigurations'], G)),
    edges: [EDGE],
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'patch validating webhooks',
    objects: clusterGrant(rule(['patch'], ['validatingwebhookconfigurations'], G)),
    edges: [EDGE],
  },
  {
    name: 'both kinds: one edge',
    objects: clusterGrant(
      rule(['update'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], G),
    ),
    edges: [EDGE],
  },
  {
    name: 'near miss: list webhooks',
    objects: clusterGrant(rule(['list'], ['mutatingwebhookconfigurations'], G)),
    edges: [],
  },
  {
    name: 'near miss: the wrong API group',
    objects: clusterGrant(rule(['create'], ['mutatingwebhookconfigurations'])),
    edges: [],
  },
  {
    name: 'near miss: through a RoleBinding',
    objects: shopGrant(rule(['create'], ['mutatingwebhookconfigurations'], G)),
    edges: [],
  },
]);

test('webhook-control: mutating is likely, validating only unlikely', () => {
  const mutating = edgesOf(
    webhookControl,
    clusterGrant(rule(['create'], ['mutatingwebhookconfigurations'], G)),
  );
  const validating = edgesOf(
    webhookControl,
    clusterGrant(rule(['create'], ['validatingwebhookconfigurations'], G)),
  );
  assert.equal(mutating[0]?.likelihood, undefined);
  assert.equal(validating[0]?.likelihood, 'unlikely');
});

test('webhook-control: each fix removes the edge', () => {
  assertFixesRemove(
    webhookControl,
    clusterGrant(rule(['create'], ['mutatingwebhookconfigurations'], G)),
    EDGE,
  );
});

testMeta(webhookControl);
