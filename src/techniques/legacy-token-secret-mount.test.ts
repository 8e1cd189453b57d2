import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { legacyTokenSecretMount } from './legacy-token-secret-mount.js';
import { runTable } from './table-test.js';
import { deployment } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> ServiceAccount/shop/ci';
const FIX = 'delete-legacy-token-secret@Secret/shop/ci-token';
const secret = (type = 'kubernetes.io/service-account-token') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type,
  metadata: {
    name: 'ci-token',
    namespace: 'shop',
    annotations: { 'kubernetes.io/service-account.name': 'ci' },
  },
});
const mounted = deployment({
  automountServiceAccountToken: false,
  containers: [{ name: 'app', image: 'web:1.0', volumeMounts: [{ name: 'ci', mountPath: '/ci' }] }],
  volumes: [{ name: 'ci', secret: { secretName: 'ci-token' } }],
});
const inEnv = (env: Record<string, unknown>) =>
  deployment({ containers: [{ name: 'app', image: 'web:1.0', ...env }] });

runTable(legacyTokenSecretMount, [
  { name: 'a mounted legacy token Secret', objects: [secret(), mounted], edges: [EDGE], fixes: [FIX] },
  {
    name: 'read through env secretKeyRef',
    objects: [
      secret(),
      inEnv({ env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'ci-token', key: 'token' } } }] }),
    ],
    edges: [EDGE],
    fixes: [FIX],
  },
  {
    name: 'read through envFrom',
    objects: [secret(), inEnv({ envFrom: [{ secretRef: { name: 'ci-token' } }] })],
    edges: [EDGE],
  },
  { name: 'near miss: an Opaque Secret holds no token', objects: [secret('Opaque'), mounted], edges: [] },
  {
    name: 'near miss: the volume is declared but not mounted',
    objects: [
      secret(),
      deployment({
        containers: [{ name: 'app', image: 'web:1.0' }],
        volumes: [{ name: 'ci', secret: { secretName: 'ci-token' } }],
      }),
    ],
    edges: [],
  },
]);

test('legacy-token-secret-mount: deleting the Secret removes the edge', () => {
  const snapshot = snapshotOf([secret(), mounted]);
  const [edge] = legacyTokenSecretMount.find(buildModel(snapshot));
  assert.ok(edge);
  assert.deepEqual(legacyTokenSecretMount.find(buildModel(applyPatches(snapshot, edge.fixes))), []);
});
