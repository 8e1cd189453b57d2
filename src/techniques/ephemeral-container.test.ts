import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ephemeralContainer } from './ephemeral-container.js';
import { pod, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { arrows, assertFixesRemove, edgesOf, namespace, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const HUB = 'ServiceAccount/shop/ci -> hub:ephemeral-containers/shop';
const WEB = pod('shop', 'web');
const GRANT = shopGrant(rule(['patch'], ['pods/ephemeralcontainers']));
const PRIVILEGED = namespace('shop', { 'pod-security.kubernetes.io/enforce': 'privileged' });
const BASELINE = namespace('shop', { 'pod-security.kubernetes.io/enforce': 'baseline' });
const ROOT = [
  'hub:ephemeral-containers/shop -> jewel:node-root/control-plane',
  'hub:ephemeral-containers/shop -> jewel:node-root/workers',
];

runTable(ephemeralContainer, [
  {
    name: 'patch ephemeralcontainers where PSA is privileged: exec and node root',
    objects: [PRIVILEGED, WEB, ...GRANT],
    edges: [HUB, ...ROOT].filter((edge) => !edge.endsWith('control-plane')),
    fixes: [...SHOP_FIXES, 'enforce-pod-security-baseline@Namespace/shop'],
  },
  {
    name: 'update ephemeralcontainers under baseline: exec only',
    objects: [BASELINE, WEB, ...shopGrant(rule(['update'], ['pods/ephemeralcontainers']))],
    edges: [HUB],
  },
  {
    name: 'near miss: patch pods is not ephemeralcontainers',
    objects: [PRIVILEGED, WEB, ...shopGrant(rule(['patch'], ['pods']))],
    edges: [],
  },
  {
    name: 'near miss: get ephemeralcontainers',
    objects: [PRIVILEGED, WEB, ...shopGrant(rule(['get'], ['pods/ephemeralcontainers']))],
    edges: [],
  },
]);

test('ephemeral-container: the hub leads to the namespace’s exec hub; node root only for pools its pods run on', () => {
  const edges = edgesOf(ephemeralContainer, [PRIVILEGED, WEB, ...GRANT]);
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), [
    'hub:ephemeral-containers/shop -> hub:exec/shop',
  ]);
  assert.ok(!arrows(edges).includes(ROOT[0]!), 'a plain pod does not run on the control plane');
});

test('ephemeral-container: an undeclared namespace is likely, not certain', () => {
  const edge = edgesOf(ephemeralContainer, [WEB, ...GRANT]).find((e) => e.to.startsWith('jewel:node-root/'));
  assert.equal(edge?.likelihood, 'likely');
});

test('ephemeral-container: each fix removes its edge', () => {
  assertFixesRemove(ephemeralContainer, [PRIVILEGED, WEB, ...GRANT], HUB);
  assertFixesRemove(ephemeralContainer, [PRIVILEGED, WEB, ...GRANT], ROOT[1]!);
});

testMeta(ephemeralContainer);
