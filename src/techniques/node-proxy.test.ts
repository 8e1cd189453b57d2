import { test } from 'node:test';
import { nodeProxy } from './node-proxy.js';
import { CLUSTER_FIXES, clusterGrant, shopGrant } from './rbac-capability-fixtures.js';
import { assertFixesRemove, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const EDGE = 'ServiceAccount/shop/ci -> hub:exec/*';

runTable(nodeProxy, [
  {
    name: 'get nodes/proxy cluster-wide',
    objects: clusterGrant(rule(['get'], ['nodes/proxy'])),
    edges: [EDGE],
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'create nodes/proxy cluster-wide',
    objects: clusterGrant(rule(['create'], ['nodes/proxy'])),
    edges: [EDGE],
  },
  { name: 'near miss: get nodes', objects: clusterGrant(rule(['get'], ['nodes'])), edges: [] },
  { name: 'near miss: get nodes/stats', objects: clusterGrant(rule(['get'], ['nodes/stats'])), edges: [] },
  {
    name: 'near miss: a RoleBinding cannot grant a cluster-scoped resource',
    objects: shopGrant(rule(['get'], ['nodes/proxy'])),
    edges: [],
  },
]);

test('node-proxy: each fix removes the edge', () => {
  assertFixesRemove(nodeProxy, clusterGrant(rule(['get'], ['nodes/proxy'])), EDGE);
});

testMeta(nodeProxy);
