import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { hostPathPersistentVolume } from './host-path-persistent-volume.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';
const pv = (path: string, claimRef?: Record<string, string>, source = 'hostPath') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'node-disk' },
  spec: { [source]: { path }, ...(claimRef ? { claimRef } : {}) },
});
const pvc = (volumeName?: string, namespace = 'shop') => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace },
  spec: volumeName ? { volumeName } : {},
});
const mounting = (readOnly = false) =>
  deployment({
    containers: [container({}, { volumeMounts: [{ name: 'data', mountPath: '/data', readOnly }] })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
  });

runTable(hostPathPersistentVolume, [
  {
    name: 'a claim bound by volumeName to a hostPath PV of /',
    objects: [pv('/'), pvc('node-disk'), mounting()],
    edges: [EDGE],
    fixes: ['remove-host-path@Deployment/shop/web'],
  },
  {
    name: 'bound by the PV claimRef',
    objects: [pv('/etc', { namespace: 'shop', name: 'data' }), pvc(), mounting()],
    edges: [EDGE],
  },
  {
    name: 'a local PV of the runtime socket, read-only',
    objects: [pv('/run/containerd/containerd.sock', undefined, 'local'), pvc('node-disk'), mounting(true)],
    edges: [EDGE],
  },
  {
    name: 'near miss: the claimRef names another namespace',
    objects: [pv('/', { namespace: 'ops', name: 'data' }), pvc(), mounting()],
    edges: [],
  },
  {
    name: 'near miss: a harmless node path',
    objects: [pv('/srv/data'), pvc('node-disk'), mounting()],
    edges: [],
  },
  {
    name: 'near miss: read-only /etc/cron.d is not root',
    objects: [pv('/etc/cron.d'), pvc('node-disk'), mounting(true)],
    edges: [],
  },
]);

test('host-path-persistent-volume: the evidence points at the PV, and removing the volume removes the edge', () => {
  const snapshot = snapshotOf([pv('/'), pvc('node-disk'), mounting()]);
  const [edge] = hostPathPersistentVolume.find(buildModel(snapshot));
  assert.ok(edge);
  assert.equal(edge.evidence[1]?.ref, 'PersistentVolume/node-disk');
  assert.deepEqual(hostPathPersistentVolume.find(buildModel(applyPatches(snapshot, edge.fixes))), []);
});
