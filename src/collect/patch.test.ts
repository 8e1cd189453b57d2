import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyOps, applyPatches, pointer, pointerSegments } from './patch.js';
import type { KubeObject, Snapshot } from './snapshot.js';

const pod: KubeObject = {
  kind: 'Pod',
  metadata: { name: 'p', annotations: { 'a/b': 'x' } },
  spec: {
    hostPID: true,
    containers: [{ name: 'c', securityContext: { privileged: true } }],
    volumes: [1, 2, 3],
  },
};

test('ops apply in order to a copy; missing parents are created for add and replace', () => {
  const out = applyOps(pod, [
    { op: 'replace', path: '/spec/containers/0/securityContext/privileged', value: false },
    { op: 'add', path: '/spec/securityContext/runAsNonRoot', value: true },
    { op: 'add', path: '/spec/volumes/1', value: 'x' },
    { op: 'add', path: '/spec/volumes/-', value: 'end' },
    { op: 'remove', path: '/spec/volumes/0' },
    { op: 'remove', path: pointer('metadata', 'annotations', 'a/b') },
  ]);
  assert.deepEqual(out?.spec, {
    hostPID: true,
    containers: [{ name: 'c', securityContext: { privileged: false } }],
    volumes: ['x', 2, 3, 'end'],
    securityContext: { runAsNonRoot: true },
  });
  assert.deepEqual(out?.metadata?.annotations, {});
  assert.equal((pod.spec as { hostPID: boolean }).hostPID, true, 'the input is untouched');
});

test('removing under a path that does not exist removes nothing', () => {
  const out = applyOps(pod, [{ op: 'remove', path: '/spec/missing/hostPID' }]);
  assert.deepEqual(out, pod);
});

test('delete-object and removing the root delete the object; applyPatches drops it and shares the rest', () => {
  assert.equal(applyOps(pod, [{ op: 'delete-object' }]), undefined);
  assert.equal(applyOps(pod, [{ op: 'remove', path: '' }]), undefined);
  const other = {
    ref: 'Namespace/n',
    kind: 'Namespace',
    apiVersion: 'v1',
    name: 'n',
    object: { kind: 'Namespace' },
  };
  const snapshot: Snapshot = {
    source: { type: 'files', paths: [] },
    objects: [{ ref: 'Pod/d/p', kind: 'Pod', apiVersion: 'v1', name: 'p', object: pod }, other],
    gaps: [],
    kindCounts: {},
  };
  const patched = applyPatches(snapshot, [{ target: 'Pod/d/p', ops: [{ op: 'delete-object' }] }]);
  assert.deepEqual(patched.objects, [other]);
  assert.equal(patched.objects[0], other);
});

test('a subtree shared by two places (equal labels, one copy) is patched only at the path the op names', () => {
  const labels = { app: 'web' };
  const containers = [{ name: 'c', securityContext: { privileged: true } }];
  const deployment: KubeObject = {
    kind: 'Deployment',
    metadata: { name: 'web', labels },
    spec: { template: { metadata: { labels }, spec: { containers } } },
  };
  const before = structuredClone(deployment);
  const patched = applyOps(deployment, [
    { op: 'add', path: '/metadata/labels/checked', value: 'yes' },
    { op: 'replace', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false },
    { op: 'add', path: '/spec/template/spec/containers/0/securityContext/runAsNonRoot', value: true },
  ]);
  assert.deepEqual(patched, {
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', checked: 'yes' } },
    spec: {
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', securityContext: { privileged: false, runAsNonRoot: true } }] },
      },
    },
  });
  assert.deepEqual(deployment, before);
  assert.equal(deployment.metadata?.labels, labels);
});

test('JSON Pointer segments escape ~ and /', () => {
  assert.equal(pointer('metadata', 'annotations', 'a/b~c', 0), '/metadata/annotations/a~1b~0c/0');
  assert.deepEqual(pointerSegments('/metadata/annotations/a~1b~0c/0'), [
    'metadata',
    'annotations',
    'a/b~c',
    '0',
  ]);
  assert.deepEqual(pointerSegments(''), []);
});
