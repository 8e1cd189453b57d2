import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPodAsServiceAccount } from './create-pod-as-service-account.js';
import { patchPod } from './patch-pod.js';
import { pod, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, rule, serviceAccount, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const WEB = pod('shop', 'web', {}, { serviceAccountName: 'web' });
const NO_TOKEN = pod(
  'shop',
  'batch',
  {},
  { serviceAccountName: 'batch', automountServiceAccountToken: false },
);
const HUB = 'ServiceAccount/shop/ci -> hub:patch-pods/shop';

runTable(patchPod, [
  {
    name: 'patch pods',
    objects: [WEB, ...shopGrant(rule(['patch'], ['pods']))],
    edges: [HUB],
    fixes: SHOP_FIXES,
  },
  { name: 'update pods', objects: [WEB, ...shopGrant(rule(['update'], ['pods']))], edges: [HUB] },
  {
    name: 'patch deployments rewrites a pod template: pod creation',
    objects: shopGrant(rule(['patch'], ['deployments'], ['apps'])),
    edges: ['ServiceAccount/shop/ci -> hub:create-pods/shop'],
  },
  {
    name: 'update cronjobs rewrites a job template: pod creation',
    objects: shopGrant(rule(['update'], ['cronjobs'], ['batch'])),
    edges: ['ServiceAccount/shop/ci -> hub:create-pods/shop'],
  },
  {
    name: 'near miss: patch jobs (their template is immutable)',
    objects: shopGrant(rule(['patch'], ['jobs'], ['batch'])),
    edges: [],
  },
  {
    name: 'near miss: patch pods/status',
    objects: [WEB, ...shopGrant(rule(['patch'], ['pods/status']))],
    edges: [],
  },
  { name: 'near miss: get pods', objects: [WEB, ...shopGrant(rule(['get'], ['pods']))], edges: [] },
]);

test('patch-pod: the hub reaches the accounts whose tokens pods mount, a twin per pod, each cut by its automount', () => {
  const twin = pod('shop', 'web2', {}, { serviceAccountName: 'web' });
  const edges = edgesOf(patchPod, [WEB, twin, NO_TOKEN, ...shopGrant(rule(['patch'], ['pods']))]);
  const fanOut = edges.filter((edge) => edge.structural);
  assert.deepEqual(arrows(fanOut), [
    'hub:patch-pods/shop -> ServiceAccount/shop/web',
    'hub:patch-pods/shop -> ServiceAccount/shop/web',
  ]);
  assert.deepEqual(
    fanOut.map((edge) => edge.fixes.map((fix) => `${fix.remediation}@${fix.target}`)),
    [['disable-token-automount@Pod/shop/web'], ['disable-token-automount@Pod/shop/web2']],
  );
});

test('patch-pod: an account whose token three pods mount is one target no single change cuts', () => {
  const more = ['web2', 'web3'].map((name) => pod('shop', name, {}, { serviceAccountName: 'web' }));
  const edges = edgesOf(patchPod, [WEB, ...more, ...shopGrant(rule(['patch'], ['pods']))]);
  const fanOut = edges.filter((edge) => edge.structural);
  assert.deepEqual(arrows(fanOut), ['hub:patch-pods/shop -> ServiceAccount/shop/web']);
  assert.deepEqual(fanOut[0]?.fixes, []);
});

test('patch-pod: each fix removes the edge', () => {
  assertFixesRemove(patchPod, [WEB, ...shopGrant(rule(['patch'], ['pods']))], HUB);
});

testMeta(patchPod);

test('patch-pod: a controller writer’s create-pods hub fans out like a pod creator’s', () => {
  const edges = edgesOf(createPodAsServiceAccount, [
    serviceAccount('shop', 'web'),
    ...shopGrant(rule(['patch'], ['statefulsets'], ['apps'])),
  ]);
  assert.ok(arrows(edges).includes('hub:create-pods/shop -> ServiceAccount/shop/web'));
});
