import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { controlPlaneNodeTakeover } from './control-plane-node-takeover.js';
import { runTable } from './table-test.js';

const node = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
});

runTable(controlPlaneNodeTakeover, [
  {
    name: 'offline, the assumed control-plane pool',
    objects: [],
    edges: ['jewel:node-root/control-plane -> jewel:cluster-admin'],
    fixes: [],
  },
  {
    name: 'a Node labelled control-plane',
    objects: [node('cp-1', { 'node-role.kubernetes.io/control-plane': '' }), node('w-1', {})],
    edges: ['jewel:node-root/control-plane -> jewel:cluster-admin'],
  },
  {
    name: 'the legacy master label still marks a control-plane node',
    objects: [node('cp-1', { 'node-role.kubernetes.io/master': '' }), node('w-1', {})],
    edges: ['jewel:node-root/control-plane -> jewel:cluster-admin'],
  },
  {
    name: 'near miss: managed clusters list only worker Nodes',
    objects: [node('w-1', { 'node-role.kubernetes.io/worker': '' }), node('w-2', {})],
    edges: [],
  },
]);

test('control-plane-node-takeover: one edge per pool, citing every control-plane node in it', () => {
  const model = buildModel(
    snapshotOf([
      node('cp-1', { 'node-role.kubernetes.io/control-plane': '' }),
      node('cp-2', { 'node-role.kubernetes.io/control-plane': '' }),
    ]),
  );
  const edges = controlPlaneNodeTakeover.find(model);
  assert.equal(edges.length, 1);
  assert.deepEqual(
    edges[0]?.evidence.map((item) => item.ref),
    ['Node/cp-1', 'Node/cp-2'],
  );
  assert.deepEqual(controlPlaneNodeTakeover.meta.remediations, []);
});
