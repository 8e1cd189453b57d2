import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServiceAccountToken } from './create-service-account-token.js';
import { CLUSTER_FIXES, clusterGrant, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, rule, serviceAccount, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const ACCOUNTS = [
  serviceAccount('shop', 'deployer'),
  serviceAccount('shop', 'web'),
  serviceAccount('other', 'deployer'),
];
const HUB = 'ServiceAccount/shop/ci -> hub:sa-token/shop';

runTable(createServiceAccountToken, [
  {
    name: 'create serviceaccounts/token in a namespace',
    objects: [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts/token']))],
    edges: [HUB],
    fixes: SHOP_FIXES,
  },
  {
    name: 'resourceNames limit it to the named account in scope',
    objects: [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts/token'], [''], ['deployer']))],
    edges: ['ServiceAccount/shop/ci -> ServiceAccount/shop/deployer'],
    fixes: SHOP_FIXES,
  },
  {
    name: 'cluster-wide with resourceNames: every namespace’s account of that name',
    objects: [...ACCOUNTS, ...clusterGrant(rule(['create'], ['serviceaccounts/token'], [''], ['deployer']))],
    edges: [
      'ServiceAccount/shop/ci -> ServiceAccount/other/deployer',
      'ServiceAccount/shop/ci -> ServiceAccount/shop/deployer',
    ],
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'near miss: a name that is no account',
    objects: [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts/token'], [''], ['ghost']))],
    edges: [],
  },
  {
    name: 'near miss: create serviceaccounts',
    objects: [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts']))],
    edges: [],
  },
  {
    name: 'near miss: get serviceaccounts/token',
    objects: [...ACCOUNTS, ...shopGrant(rule(['get'], ['serviceaccounts/token']))],
    edges: [],
  },
]);

test('create-service-account-token: the hub fans out to every account of the namespace, the implicit default included', () => {
  const edges = edgesOf(createServiceAccountToken, [
    ...ACCOUNTS,
    ...shopGrant(rule(['create'], ['serviceaccounts/token'])),
  ]);
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), [
    'hub:sa-token/shop -> ServiceAccount/shop/ci',
    'hub:sa-token/shop -> ServiceAccount/shop/default',
    'hub:sa-token/shop -> ServiceAccount/shop/deployer',
    'hub:sa-token/shop -> ServiceAccount/shop/web',
  ]);
});

test('create-service-account-token: each fix removes its edge', () => {
  assertFixesRemove(
    createServiceAccountToken,
    [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts/token']))],
    HUB,
  );
  assertFixesRemove(
    createServiceAccountToken,
    [...ACCOUNTS, ...shopGrant(rule(['create'], ['serviceaccounts/token'], [''], ['deployer']))],
    'ServiceAccount/shop/ci -> ServiceAccount/shop/deployer',
  );
});

testMeta(createServiceAccountToken);
