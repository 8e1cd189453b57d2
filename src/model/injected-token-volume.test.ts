import assert from 'node:assert/strict';
import { test } from 'node:test';
import { volumesOf } from './volumes.js';

const injected = {
  name: 'kube-api-access-t7ngm',
  projected: {
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};

test('the volume admission injects for automount is the automount, not a token projected on purpose', () => {
  assert.equal(volumesOf({ volumes: [injected] })[0]?.projectsServiceAccountToken, false);
});

test('near misses still project a token: another name, or another source list', () => {
  const renamed = { ...injected, name: 'my-token' };
  const extra = {
    ...injected,
    projected: { sources: [...injected.projected.sources, { secret: { name: 'x' } }] },
  };
  const audience = {
    ...injected,
    projected: { sources: [{ serviceAccountToken: { audience: 'vault', path: 'token' } }] },
  };
  for (const volume of [renamed, extra, audience])
    assert.equal(volumesOf({ volumes: [volume] })[0]?.projectsServiceAccountToken, true, volume.name);
});
