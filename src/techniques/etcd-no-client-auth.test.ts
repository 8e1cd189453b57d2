import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { staticPod } from './control-plane-fixtures.js';
import { etcdNoClientAuth } from './etcd-no-client-auth.js';
import { runTable } from './table-test.js';

const urls = '--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.5:2379';

runTable(etcdNoClientAuth, [
  {
    name: 'client-cert-auth unset (default false)',
    objects: [staticPod('etcd', [urls], '3.5.12-0')],
    edges: ['endpoint:etcd -> jewel:cluster-admin'],
    fixes: ['require-etcd-client-cert-auth@Pod/kube-system/etcd-cp1'],
  },
  {
    name: 'client-cert-auth=false',
    objects: [staticPod('etcd', [urls, '--client-cert-auth=false'], '3.5.12-0')],
    edges: ['endpoint:etcd -> jewel:cluster-admin'],
  },
  {
    name: 'near miss: client-cert-auth=true',
    objects: [staticPod('etcd', [urls, '--client-cert-auth=true'], '3.5.12-0')],
    edges: [],
  },
]);

test('etcd-no-client-auth: the fix appends the flag, and the patched pod is clean', () => {
  const snapshot = snapshotOf([staticPod('etcd', [urls], '3.5.12-0')]);
  const [edge] = etcdNoClientAuth.find(buildModel(snapshot));
  assert.equal(edge?.likelihood, undefined);
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'add', path: '/spec/containers/0/command/-', value: '--client-cert-auth=true' },
  ]);
  assert.deepEqual(etcdNoClientAuth.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});

test('etcd-no-client-auth: listening on loopback only is unlikely', () => {
  const [edge] = etcdNoClientAuth.find(
    buildModel(snapshotOf([staticPod('etcd', ['--listen-client-urls=https://127.0.0.1:2379'])])),
  );
  assert.equal(edge?.likelihood, 'unlikely');
});
