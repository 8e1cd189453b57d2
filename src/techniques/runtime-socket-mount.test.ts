import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { runtimeSocketMount } from './runtime-socket-mount.js';
import { runTable } from './table-test.js';

const EDGE = 'DaemonSet/ci/builder#docker -> jewel:node-root/workers';

/** A DaemonSet whose one container mounts one hostPath. */
const mounting = (path: string, readOnly = false, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'builder', namespace: 'ci' },
  spec: {
    selector: { matchLabels: { app: 'builder' } },
    template: {
      metadata: { labels: { app: 'builder' } },
      spec: {
        containers: [
          {
            name: 'docker',
            image: 'docker:27',
            volumeMounts: [{ name: 'sock', mountPath: '/var/run/docker.sock', readOnly }],
          },
        ],
        volumes: [{ name: 'sock', hostPath: { path, type: 'Socket' } }],
        ...extra,
      },
    },
  },
});

runTable(runtimeSocketMount, [
  {
    name: 'the Docker socket',
    objects: [mounting('/var/run/docker.sock')],
    edges: [EDGE],
    fixes: ['remove-host-path@DaemonSet/ci/builder'],
  },
  {
    name: 'read-only does not stop connect()',
    objects: [mounting('/var/run/docker.sock', true)],
    edges: [EDGE],
  },
  { name: 'the containerd socket', objects: [mounting('/run/containerd/containerd.sock')], edges: [EDGE] },
  { name: 'the CRI-O socket', objects: [mounting('/var/run/crio/crio.sock')], edges: [EDGE] },
  { name: 'the directory that holds the socket', objects: [mounting('/run/containerd/')], edges: [EDGE] },
  { name: 'all of /var/run', objects: [mounting('/var/run')], edges: [EDGE] },
  {
    name: "dockerd's state directory holds the containerd it manages",
    objects: [mounting('/var/run/docker')],
    edges: [EDGE],
  },
  {
    name: 'near miss: a different socket in /var/run',
    objects: [mounting('/var/run/dbus/system_bus_socket')],
    edges: [],
  },
  {
    name: 'near miss: /var/lib/docker is a data directory, not the socket',
    objects: [mounting('/var/lib/docker')],
    edges: [],
  },
  { name: 'near miss: / is host-path-escape, not this technique', objects: [mounting('/')], edges: [] },
  {
    name: 'near miss: the socket volume is declared but not mounted',
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'ci' },
        spec: {
          containers: [{ name: 'c', image: 'docker:27' }],
          volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
        },
      },
    ],
    edges: [],
  },
]);

test('runtime-socket-mount: a user namespace makes it unlikely, and the fix removes the edge', () => {
  const [userns] = runtimeSocketMount.find(
    buildModel(snapshotOf([mounting('/run/docker.sock', false, { hostUsers: false })])),
  );
  assert.equal(userns?.likelihood, 'unlikely');
  const snapshot = snapshotOf([mounting('/var/run/docker.sock', true)]);
  const [edge] = runtimeSocketMount.find(buildModel(snapshot));
  assert.equal(edge?.likelihood, undefined);
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'remove', path: '/spec/template/spec/containers/0/volumeMounts/0' },
    { op: 'remove', path: '/spec/template/spec/volumes/0' },
  ]);
  assert.deepEqual(runtimeSocketMount.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
