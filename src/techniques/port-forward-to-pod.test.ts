import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portForwardToPod } from './port-forward-to-pod.js';
import { pod, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const HUB = 'ServiceAccount/shop/ci -> hub:port-forward/shop';
const DB = pod('shop', 'db', { ports: [{ containerPort: 5432 }] });

runTable(portForwardToPod, [
  {
    name: 'create pods/portforward',
    objects: [DB, ...shopGrant(rule(['create'], ['pods/portforward']))],
    edges: [HUB],
    fixes: SHOP_FIXES,
  },
  {
    name: 'get pods/portforward before 1.35',
    objects: [DB, ...shopGrant(rule(['get'], ['pods/portforward']))],
    edges: [HUB],
    options: { kubeVersion: '1.30' },
  },
  {
    name: 'near miss: get pods/portforward from 1.35',
    objects: [DB, ...shopGrant(rule(['get'], ['pods/portforward']))],
    edges: [],
  },
  {
    name: 'near miss: create services/proxy',
    objects: [DB, ...shopGrant(rule(['create'], ['services/proxy']))],
    edges: [],
  },
]);

test('port-forward-to-pod: the hub reaches the namespace’s containers; the technique is unlikely', () => {
  const edges = edgesOf(portForwardToPod, [DB, ...shopGrant(rule(['create'], ['pods/portforward']))]);
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), [
    'hub:port-forward/shop -> Pod/shop/db#app',
  ]);
  assert.equal(portForwardToPod.meta.likelihood, 'unlikely');
});

test('port-forward-to-pod: each fix removes the edge', () => {
  assertFixesRemove(portForwardToPod, [DB, ...shopGrant(rule(['create'], ['pods/portforward']))], HUB);
});

testMeta(portForwardToPod);
