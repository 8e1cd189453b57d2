import assert from 'node:assert/strict';
import { test } from 'node:test';
import { patchNode } from './patch-node.js';
import { CLUSTER_FIXES, clusterGrant, pod, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const PINNED = pod('shop', 'vault', {}, { nodeSelector: { secure: 'true' } });
const FREE = pod('shop', 'web');
const EDGE = 'ServiceAccount/shop/ci -> hub:patch-nodes/*';

runTable(patchNode, [
  {
    name: 'patch nodes cluster-wide',
    objects: [PINNED, ...clusterGrant(rule(['patch'], ['nodes']))],
    edges: [EDGE],
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'update nodes/status',
    objects: [PINNED, ...clusterGrant(rule(['update'], ['nodes/status']))],
    edges: [EDGE],
  },
  {
    name: 'near miss: get nodes',
    objects: [PINNED, ...clusterGrant(rule(['get', 'list'], ['nodes']))],
    edges: [],
  },
  {
    name: 'near miss: patch nodes through a RoleBinding',
    objects: [PINNED, ...shopGrant(rule(['patch'], ['nodes']))],
    edges: [],
  },
]);

test('patch-node: the hub reaches only containers of workloads that pick nodes by label', () => {
  const edges = edgesOf(patchNode, [PINNED, FREE, ...clusterGrant(rule(['patch'], ['nodes']))]);
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), [
    'hub:patch-nodes/* -> Pod/shop/vault#app',
  ]);
  assert.equal(patchNode.meta.likelihood, 'possible');
});

test('patch-node: each fix removes the edge', () => {
  assertFixesRemove(patchNode, [PINNED, ...clusterGrant(rule(['patch'], ['nodes']))], EDGE);
});

testMeta(patchNode);
