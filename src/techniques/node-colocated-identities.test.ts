import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { nodeColocatedIdentities } from './node-colocated-identities.js';
import { runTable } from './table-test.js';

const workload = (kind: string, name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name, namespace: 'ops' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { serviceAccountName: name, containers: [{ name: 'c', image: 'x:1' }], ...spec },
    },
  },
});
const node = (name: string, labels: Record<string, string>, taints: unknown[] = []) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { taints },
});

runTable(nodeColocatedIdentities, [
  {
    name: 'a Deployment on the workers pool, with the isolation fix',
    objects: [workload('Deployment', 'deployer')],
    edges: ['jewel:node-root/workers -> ServiceAccount/ops/deployer'],
    fixes: ['isolate-sensitive-workload@Deployment/ops/deployer'],
  },
  {
    name: 'a DaemonSet that tolerates everything sits on every pool, with no fix',
    objects: [workload('DaemonSet', 'agent', { tolerations: [{ operator: 'Exists' }] })],
    edges: [
      'jewel:node-root/control-plane -> ServiceAccount/ops/agent',
      'jewel:node-root/workers -> ServiceAccount/ops/agent',
    ],
    fixes: [],
  },
  {
    name: 'near miss: a workload that no node admits',
    objects: [workload('Deployment', 'deployer', { nodeSelector: { pool: 'gpu' } })],
    edges: [],
  },
  {
    name: 'node pools from Node labels: a nodeSelector keeps the identity off the other pool',
    objects: [
      node('a', { 'cloud.google.com/gke-nodepool': 'apps' }),
      node('b', { 'cloud.google.com/gke-nodepool': 'system', tier: 'system' }),
      workload('Deployment', 'deployer', { nodeSelector: { tier: 'system' } }),
    ],
    edges: ['jewel:node-root/system -> ServiceAccount/ops/deployer'],
  },
  {
    name: 'two workloads with one ServiceAccount make a twin each per pool (one graph edge), each cut by its isolation',
    objects: [
      workload('Deployment', 'one', { serviceAccountName: 'shared' }),
      workload('StatefulSet', 'two', { serviceAccountName: 'shared' }),
    ],
    edges: [
      'jewel:node-root/workers -> ServiceAccount/ops/shared',
      'jewel:node-root/workers -> ServiceAccount/ops/shared',
    ],
    fixes: [
      'isolate-sensitive-workload@Deployment/ops/one',
      'isolate-sensitive-workload@StatefulSet/ops/two',
    ],
  },
  {
    name: 'three workloads with one ServiceAccount: no pair of isolations cuts the edge, so no fix',
    objects: ['one', 'two', 'three'].map((name) =>
      workload('Deployment', name, { serviceAccountName: 'shared' }),
    ),
    edges: ['jewel:node-root/workers -> ServiceAccount/ops/shared'],
    fixes: [],
  },
]);

test('node-colocated-identities: evidence names the first ten workloads and counts the rest', () => {
  const many = Array.from({ length: 12 }, (_, i) =>
    workload('Deployment', `w${String(i).padStart(2, '0')}`, { serviceAccountName: 'shared' }),
  );
  const [edge] = nodeColocatedIdentities.find(buildModel(snapshotOf(many)));
  assert.equal(edge?.evidence.length, 11);
  assert.equal(edge?.evidence[0]?.ref, 'Deployment/ops/w00');
  assert.deepEqual(edge?.evidence[10], {
    ref: 'ServiceAccount/ops/shared',
    says: 'and 2 more workloads run as it in pool workers',
  });
});

test('node-colocated-identities: a DaemonSet sharing the SA keeps a trivial twin no fix cuts', () => {
  const model = buildModel(
    snapshotOf([
      workload('Deployment', 'one', { serviceAccountName: 'shared' }),
      workload('DaemonSet', 'two', { serviceAccountName: 'shared' }),
    ]),
  );
  const edges = nodeColocatedIdentities.find(model);
  const daemon = edges.find((edge) => edge.evidence[0]?.ref === 'DaemonSet/ops/two');
  const deployment = edges.find((edge) => edge.evidence[0]?.ref === 'Deployment/ops/one');
  assert.equal(edges.length, 2);
  assert.equal(daemon?.likelihood, undefined);
  assert.deepEqual(daemon?.fixes, []);
  assert.equal(deployment?.likelihood, 'possible');
  assert.deepEqual(
    deployment?.fixes.map((fix) => `${fix.remediation}@${fix.target}`),
    ['isolate-sensitive-workload@Deployment/ops/one'],
  );
});

test('node-colocated-identities: a Deployment alone is possible; isolating it removes the edge', () => {
  const snapshot = snapshotOf([
    workload('Deployment', 'deployer', { tolerations: [{ key: 'x', operator: 'Exists' }] }),
  ]);
  const [edge] = nodeColocatedIdentities.find(buildModel(snapshot));
  assert.equal(edge?.likelihood, 'possible');
  assert.deepEqual(edge?.fixes[0]?.ops, [
    {
      op: 'add',
      path: '/spec/template/spec/nodeSelector',
      value: { 'chokepoint.io/dedicated': 'sensitive' },
    },
    {
      op: 'add',
      path: '/spec/template/spec/tolerations/-',
      value: { key: 'chokepoint.io/dedicated', operator: 'Equal', value: 'sensitive', effect: 'NoSchedule' },
    },
  ]);
  assert.deepEqual(nodeColocatedIdentities.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
