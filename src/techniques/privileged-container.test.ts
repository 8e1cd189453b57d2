import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { privilegedContainer } from './privileged-container.js';
import { runTable } from './table-test.js';

const deployment = (spec: Record<string, unknown>, name = 'web') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
});
const privileged = (value: unknown) => ({
  name: 'app',
  image: 'nginx:1.27',
  securityContext: { privileged: value },
});

runTable(privilegedContainer, [
  {
    name: 'privileged container reaches the workers pool',
    objects: [deployment({ containers: [privileged(true)] })],
    edges: ['Deployment/shop/web#app -> jewel:node-root/workers'],
    fixes: ['drop-privileged@Deployment/shop/web'],
  },
  {
    name: 'near miss: privileged: false',
    objects: [deployment({ containers: [privileged(false)] })],
    edges: [],
  },
  {
    name: 'near miss: privileged as a string is not a boolean',
    objects: [deployment({ containers: [privileged('true')] })],
    edges: [],
  },
  {
    name: 'init and ephemeral containers count too',
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'debug', namespace: 'ops' },
        spec: {
          containers: [{ name: 'main', image: 'busybox:1.36' }],
          initContainers: [{ name: 'setup', image: 'busybox:1.36', securityContext: { privileged: true } }],
          ephemeralContainers: [
            { name: 'dbg', image: 'busybox:1.36', securityContext: { privileged: true } },
          ],
        },
      },
    ],
    edges: ['Pod/ops/debug#dbg -> jewel:node-root/workers', 'Pod/ops/debug#setup -> jewel:node-root/workers'],
  },
  {
    name: 'a DaemonSet that tolerates the control-plane taint reaches both pools',
    objects: [
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace: 'kube-system' },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            metadata: { labels: { app: 'agent' } },
            spec: { tolerations: [{ operator: 'Exists' }], containers: [privileged(true)] },
          },
        },
      },
    ],
    edges: [
      'DaemonSet/kube-system/agent#app -> jewel:node-root/control-plane',
      'DaemonSet/kube-system/agent#app -> jewel:node-root/workers',
    ],
  },
  {
    name: 'near miss: a workload no node admits has no pool, so no edge',
    objects: [deployment({ nodeSelector: { 'no-such': 'label' }, containers: [privileged(true)] })],
    edges: [],
  },
]);

test('privileged-container: the fix sets privileged to false and removes the edge', () => {
  const snapshot = snapshotOf([
    deployment({ containers: [{ name: 'side', image: 'envoy:1' }, privileged(true)] }),
  ]);
  const [edge] = privilegedContainer.find(buildModel(snapshot));
  assert.ok(edge);
  assert.deepEqual(edge.fixes[0]?.ops, [
    { op: 'replace', path: '/spec/template/spec/containers/1/securityContext/privileged', value: false },
  ]);
  assert.equal(edge.evidence[0]?.location, 'test.yaml:1');
  const patched = applyPatches(snapshot, edge.fixes);
  assert.deepEqual(privilegedContainer.find(buildModel(patched)), []);
});
