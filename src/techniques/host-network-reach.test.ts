import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { cloudMetadataAccess } from './cloud-metadata-access.js';
import { hostNetworkReach } from './host-network-reach.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

runTable(hostNetworkReach, [
  {
    name: 'hostNetwork reaches the cloud identity of its pool',
    objects: [deployment({ hostNetwork: true, containers: [container()] })],
    edges: ['Deployment/shop/web#app -> cloud:node-identity/workers'],
    fixes: ['disable-host-network@Deployment/shop/web'],
  },
  {
    name: 'near miss: hostNetwork false',
    objects: [deployment({ hostNetwork: false, containers: [container()] })],
    edges: [],
  },
]);

test('host-network-reach: the fix leaves only the low-likelihood metadata step', () => {
  const snapshot = snapshotOf([deployment({ hostNetwork: true, containers: [container()] })]);
  const [edge] = hostNetworkReach.find(buildModel(snapshot));
  assert.ok(edge);
  const patched = buildModel(applyPatches(snapshot, edge.fixes));
  assert.deepEqual(hostNetworkReach.find(patched), []);
  assert.equal(cloudMetadataAccess.find(patched).length, 1);
});
