import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

const node = (
  name: string,
  labels: Record<string, string>,
  taints: unknown[] = [],
  unschedulable = false,
) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { taints, ...(unschedulable ? { unschedulable } : {}) },
});

const workload = (kind: string, name: string, podSpec: Record<string, unknown>) => ({
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
  kind,
  metadata: { name, namespace: 'ns' },
  ...(kind === 'Pod'
    ? { spec: { containers: [{ name: 'a' }], ...podSpec } }
    : { spec: { template: { spec: { containers: [{ name: 'a' }], ...podSpec } } } }),
});

const gpuTaint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };
const nodes = [
  node('w1', { 'eks.amazonaws.com/nodegroup': 'general', disk: 'ssd' }),
  node('w2', { 'eks.amazonaws.com/nodegroup': 'general' }),
  node('g1', { 'karpenter.sh/nodepool': 'gpu' }, [gpuTaint]),
  node('cp', { 'node-role.kubernetes.io/control-plane': '' }, [
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ]),
  node('m', { 'node-role.kubernetes.io/master': '' }),
  node('cordoned', { agentpool: 'legacy' }, [], true),
];

test('nodes: pool from the first pool label, else control-plane, else workers', () => {
  const model = buildModel(
    snapshotOf([
      ...nodes,
      node('plain', {}),
      node('both', {
        'node-role.kubernetes.io/control-plane': '',
        'cloud.google.com/gke-nodepool': 'cp-pool',
      }),
    ]),
  );
  assert.deepEqual(
    model.nodes.map((n) => `${n.name}:${n.pool}:${n.controlPlane}`),
    [
      'both:cp-pool:true',
      'cordoned:legacy:false',
      'cp:control-plane:true',
      'g1:gpu:false',
      'm:control-plane:true',
      'plain:workers:false',
      'w1:general:false',
      'w2:general:false',
    ],
  );
  assert.equal(model.nodes.find((n) => n.name === 'cordoned')?.unschedulable, true);
});

test('poolsOf: no constraints lands on every untainted schedulable pool', () => {
  const model = buildModel(snapshotOf([...nodes, workload('Deployment', 'web', {})]));
  assert.deepEqual(model.poolsOf('Deployment/ns/web'), ['control-plane', 'general']);
});

test('poolsOf: nodeSelector and required node affinity narrow the pools; nothing matching is possible', () => {
  const model = buildModel(
    snapshotOf([
      ...nodes,
      workload('Deployment', 'ssd', { nodeSelector: { disk: 'ssd' } }),
      workload('Deployment', 'none', { nodeSelector: { disk: 'nvme' } }),
      workload('Deployment', 'affinity', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists' }] },
                { matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'In', values: ['gpu'] }] },
              ],
            },
          },
        },
      }),
    ]),
  );
  assert.deepEqual(model.poolsOf('Deployment/ns/ssd'), ['general']);
  assert.deepEqual(model.poolsOf('Deployment/ns/none'), []);
  assert.deepEqual(
    model.poolsOf('Deployment/ns/affinity'),
    ['control-plane'],
    'gpu matches but its taint is not tolerated',
  );
});

test('poolsOf: tolerations open tainted pools; Exists without key tolerates everything', () => {
  const model = buildModel(
    snapshotOf([
      ...nodes,
      workload('Deployment', 'gpu', {
        tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
      }),
      workload('Deployment', 'wrong-value', { tolerations: [{ key: 'gpu', value: 'false' }] }),
      workload('Deployment', 'everything', { tolerations: [{ operator: 'Exists' }] }),
    ]),
  );
  assert.deepEqual(model.poolsOf('Deployment/ns/gpu'), ['control-plane', 'general', 'gpu']);
  assert.deepEqual(model.poolsOf('Deployment/ns/wrong-value'), ['control-plane', 'general']);
  assert.deepEqual(model.poolsOf('Deployment/ns/everything'), ['control-plane', 'general', 'gpu', 'legacy']);
});

test('poolsOf: a DaemonSet runs on every matching pool it tolerates, cordoned nodes included', () => {
  const model = buildModel(
    snapshotOf([
      ...nodes,
      workload('DaemonSet', 'agent', {}),
      workload('DaemonSet', 'cp-agent', {
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      }),
      workload('DaemonSet', 'gpu-agent', { nodeSelector: { 'karpenter.sh/nodepool': 'gpu' } }),
    ]),
  );
  assert.deepEqual(model.poolsOf('DaemonSet/ns/agent'), ['control-plane', 'general', 'legacy']);
  assert.deepEqual(model.poolsOf('DaemonSet/ns/cp-agent'), ['control-plane', 'general', 'legacy']);
  assert.deepEqual(model.poolsOf('DaemonSet/ns/gpu-agent'), []);
  // The master-labelled node is untainted here, so cp-agent's toleration matters only for `cp`.
  assert.ok(model.nodes.some((n) => n.name === 'cp' && n.taints.length === 1));
});

test('without Node objects: pseudo pools workers and a NoSchedule-tainted control-plane', () => {
  const model = buildModel(
    snapshotOf([
      workload('Deployment', 'web', {}),
      workload('DaemonSet', 'all', { tolerations: [{ operator: 'Exists' }] }),
      workload('DaemonSet', 'plain', {}),
      workload('Pod', 'bound', { nodeName: 'nowhere' }),
    ]),
  );
  assert.deepEqual(
    model.nodes.map((n) => n.ref),
    ['NodePool/control-plane', 'NodePool/workers'],
  );
  assert.deepEqual(model.nodes[0]?.taints, [
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ]);
  assert.deepEqual(model.poolsOf('Deployment/ns/web'), ['workers']);
  assert.deepEqual(model.poolsOf('DaemonSet/ns/all'), ['control-plane', 'workers']);
  assert.deepEqual(model.poolsOf('DaemonSet/ns/plain'), ['workers']);
  assert.deepEqual(model.poolsOf('Pod/ns/bound'), ['workers'], 'an unknown node falls back to scheduling');
  assert.deepEqual(model.poolsOf('Deployment/ns/missing'), []);
});

test('poolsOf: a pod bound by nodeName runs on that node, whatever its constraints say', () => {
  const model = buildModel(
    snapshotOf([...nodes, workload('Pod', 'p', { nodeName: 'g1', nodeSelector: { disk: 'ssd' } })]),
  );
  assert.deepEqual(model.poolsOf('Pod/ns/p'), ['gpu']);
});
