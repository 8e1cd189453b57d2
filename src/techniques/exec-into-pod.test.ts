import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execIntoPod } from './exec-into-pod.js';
import { CLUSTER_FIXES, clusterGrant, pod, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import { createRequired } from './rbac-stream.js';
import { arrows, assertFixesRemove, edgesOf, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const HUB = 'ServiceAccount/shop/ci -> hub:exec/shop';
const WEB = pod('shop', 'web');
const OLD = { kubeVersion: '1.34' };

runTable(execIntoPod, [
  {
    name: 'create pods/exec',
    objects: [WEB, ...shopGrant(rule(['create'], ['pods/exec']))],
    edges: [HUB],
    fixes: SHOP_FIXES,
  },
  {
    name: 'get pods/exec before 1.35',
    objects: [WEB, ...shopGrant(rule(['get'], ['pods/exec']))],
    edges: [HUB],
    options: OLD,
  },
  {
    name: 'near miss: get pods/exec from 1.35',
    objects: [WEB, ...shopGrant(rule(['get'], ['pods/exec']))],
    edges: [],
  },
  {
    name: 'create pods/exec before 1.35',
    objects: [WEB, ...shopGrant(rule(['create'], ['pods/exec']))],
    edges: [HUB],
    options: OLD,
  },
  { name: '*/exec is every exec', objects: [WEB, ...shopGrant(rule(['create'], ['*/exec']))], edges: [HUB] },
  {
    name: 'near miss: pods does not cover pods/exec',
    objects: [WEB, ...shopGrant(rule(['*'], ['pods']))],
    edges: [],
  },
  {
    name: 'near miss: pods/* is no wildcard',
    objects: [WEB, ...shopGrant(rule(['create'], ['pods/*']))],
    edges: [],
  },
  {
    name: 'near miss: list pods/exec',
    objects: [WEB, ...shopGrant(rule(['list'], ['pods/exec']))],
    edges: [],
  },
  {
    name: 'cluster-wide',
    objects: [WEB, ...clusterGrant(rule(['create'], ['pods/exec']))],
    edges: ['ServiceAccount/shop/ci -> hub:exec/*'],
    fixes: CLUSTER_FIXES,
  },
]);

test('exec-into-pod: a reached hub fans out to the running containers of its namespace, and * to each namespace', () => {
  const init = pod('shop', 'job', {}, { initContainers: [{ name: 'setup', image: 'x' }] });
  const other = pod('other', 'db');
  const edges = edgesOf(execIntoPod, [WEB, init, other, ...clusterGrant(rule(['create'], ['pods/exec']))]);
  const structural = arrows(edges.filter((edge) => edge.structural));
  assert.deepEqual(structural, [
    'hub:exec/* -> hub:exec/other',
    'hub:exec/* -> hub:exec/shop',
    'hub:exec/other -> Pod/other/db#app',
    'hub:exec/shop -> Pod/shop/job#app',
    'hub:exec/shop -> Pod/shop/web#app',
  ]);
});

test('exec-into-pod: no grant, no fan-out', () => {
  assert.deepEqual(edgesOf(execIntoPod, [WEB]), []);
});

test('exec-into-pod: each fix removes the edge', () => {
  assertFixesRemove(execIntoPod, [WEB, ...shopGrant(rule(['create'], ['pods/exec']))], HUB);
});

test('createRequired: from 1.35 on, a WebSocket upgrade also needs create', () => {
  assert.deepEqual(
    ['1.30', '1.34', 'v1.34.9', '1.35', '1.35.0', 'v1.36.2', '2.0', 'junk'].map(createRequired),
    [false, false, false, true, true, true, true, true],
  );
});

testMeta(execIntoPod);
