import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachToPod } from './attach-to-pod.js';
import { pod, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const HUB = 'ServiceAccount/shop/ci -> hub:attach/shop';
const SHELL = pod('shop', 'shell', { stdin: true, tty: true });
const WEB = pod('shop', 'web');

runTable(attachToPod, [
  {
    name: 'create pods/attach reaches a stdin container structurally',
    objects: [SHELL, ...shopGrant(rule(['create'], ['pods/attach']))],
    edges: [HUB],
    fixes: SHOP_FIXES,
  },
  {
    name: 'a container without stdin is reached only at possible',
    objects: [WEB, ...shopGrant(rule(['create'], ['pods/attach']))],
    edges: [HUB, 'hub:attach/shop -> Pod/shop/web#app'],
  },
  {
    name: 'get pods/attach before 1.35',
    objects: [SHELL, ...shopGrant(rule(['get'], ['pods/attach']))],
    edges: [HUB],
    options: { kubeVersion: '1.33' },
  },
  {
    name: 'near miss: get pods/attach from 1.35',
    objects: [SHELL, ...shopGrant(rule(['get'], ['pods/attach']))],
    edges: [],
  },
  {
    name: 'near miss: create pods/exec is not attach',
    objects: [SHELL, ...shopGrant(rule(['create'], ['pods/exec']))],
    edges: [],
  },
]);

test('attach-to-pod: stdin decides the likelihood of each container', () => {
  const edges = edgesOf(attachToPod, [SHELL, WEB, ...shopGrant(rule(['create'], ['pods/attach']))]);
  const shell = edges.find((edge) => edge.to === 'Pod/shop/shell#app');
  const web = edges.find((edge) => edge.to === 'Pod/shop/web#app');
  assert.equal(shell?.structural, true);
  assert.equal(web?.likelihood, 'possible');
  assert.deepEqual(arrows(edges).length, 3);
});

test('attach-to-pod: each fix removes the edge', () => {
  assertFixesRemove(attachToPod, [SHELL, ...shopGrant(rule(['create'], ['pods/attach']))], HUB);
});

testMeta(attachToPod);
