import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snapshotOf } from './test-helpers.js';

test('snapshotOf accepts objects, Lists and YAML text, and scopes refs as kubectl does', () => {
  const snapshot = snapshotOf([
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' } },
    {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', namespace: 'ignored' } }],
    },
    'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\n---\nkind: Namespace\napiVersion: v1\nmetadata: {name: shop}\n',
  ]);
  assert.deepEqual(
    snapshot.objects.map((so) => [so.ref, so.location?.doc]),
    [
      ['Pod/default/bare', 0],
      ['Node/n', 1],
      ['Service/shop/s', 2],
      ['Namespace/shop', 3],
    ],
  );
  assert.deepEqual(snapshot.kindCounts, { Namespace: 1, Node: 1, Pod: 1, Service: 1 });
});

test('snapshotOf runs the collector projection: env literals redacted, unread annotations and Secret data dropped', () => {
  const [pod, secret, configMap] = snapshotOf([
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
        },
      },
      spec: { containers: [{ name: 'a', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] },
    },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { token: 'c2VjcmV0' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { API_KEY: 'abc123', mode: 'fast' },
    },
  ]).objects;
  assert.deepEqual(pod?.object.metadata?.annotations, {
    'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
  });
  assert.doesNotMatch(JSON.stringify(pod?.object), /hunter2/);
  assert.equal(secret?.object.data, undefined);
  assert.doesNotMatch(JSON.stringify(secret?.object), /c2VjcmV0/);
  assert.deepEqual(configMap?.object['x-chokepoint'], { credentialLikeKeys: ['API_KEY'] });
});

test('snapshotOf keeps the side field of an already projected record', () => {
  const [configMap] = snapshotOf([
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { API_KEY: '(redacted)' },
      'x-chokepoint': { credentialLikeKeys: ['API_KEY'] },
    },
  ]).objects;
  assert.deepEqual(configMap?.object['x-chokepoint'], { credentialLikeKeys: ['API_KEY'] });
});
