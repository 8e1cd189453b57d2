import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { nsenterHostEscape } from './nsenter-host-escape.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';
const both = deployment({ hostPID: true, containers: [container({ privileged: true })] });

runTable(nsenterHostEscape, [
  {
    name: 'privileged + hostPID enters the host',
    objects: [both],
    edges: [EDGE],
    fixes: ['disable-host-pid@Deployment/shop/web', 'drop-privileged@Deployment/shop/web'],
  },
  {
    name: 'near miss: privileged without hostPID',
    objects: [deployment({ containers: [container({ privileged: true })] })],
    edges: [],
  },
  {
    name: 'near miss: hostPID without privileged is not node root',
    objects: [deployment({ hostPID: true, containers: [container()] })],
    edges: [],
  },
]);

test('nsenter-host-escape: either fix removes the edge', () => {
  const snapshot = snapshotOf([both]);
  const [edge] = nsenterHostEscape.find(buildModel(snapshot));
  assert.ok(edge);
  for (const fix of edge.fixes)
    assert.deepEqual(nsenterHostEscape.find(buildModel(applyPatches(snapshot, [fix]))), [], fix.remediation);
});
