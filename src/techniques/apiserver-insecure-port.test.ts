import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { apiserverInsecurePort } from './apiserver-insecure-port.js';
import { staticPod } from './control-plane-fixtures.js';
import { runTable } from './table-test.js';

runTable(apiserverInsecurePort, [
  {
    name: 'an insecure port on a 1.20 API server',
    objects: [
      staticPod('kube-apiserver', ['--insecure-port=8080', '--insecure-bind-address=0.0.0.0'], 'v1.20.7'),
    ],
    edges: ['endpoint:kube-apiserver-insecure-port -> jewel:cluster-admin'],
    fixes: ['disable-insecure-port@Pod/kube-system/kube-apiserver-cp1'],
  },
  {
    name: 'near miss: insecure port 0',
    objects: [staticPod('kube-apiserver', ['--insecure-port=0'], 'v1.20.7')],
    edges: [],
  },
  {
    name: 'near miss: 1.24 and later have no insecure port',
    objects: [staticPod('kube-apiserver', ['--insecure-port=8080'], 'v1.24.0')],
    edges: [],
  },
]);

test('apiserver-insecure-port: bound to loopback (the default address) it is unlikely', () => {
  const model = buildModel(snapshotOf([staticPod('kube-apiserver', ['--insecure-port=1'], 'v1.20.7')]));
  const [edge] = apiserverInsecurePort.find(model);
  assert.equal(edge?.likelihood, 'unlikely');
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'replace', path: '/spec/containers/0/command/1', value: '--insecure-port=0' },
  ]);
});

test('apiserver-insecure-port: without an image tag the --kube-version decides', () => {
  const pod = staticPod('kube-apiserver', ['--insecure-port=8080']);
  (pod.spec as { containers: { image: string }[] }).containers[0]!.image = 'kube-apiserver';
  assert.equal(apiserverInsecurePort.find(buildModel(snapshotOf([pod]), { kubeVersion: '1.19' })).length, 1);
  assert.equal(apiserverInsecurePort.find(buildModel(snapshotOf([pod]), { kubeVersion: '1.30' })).length, 0);
});
