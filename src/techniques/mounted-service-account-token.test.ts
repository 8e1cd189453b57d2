import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { mountedServiceAccountToken } from './mounted-service-account-token.js';
import { runTable } from './table-test.js';

const FIX = 'disable-token-automount@Deployment/shop/web';

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { serviceAccountName: 'api', containers: [{ name: 'app', image: 'web:1.0' }], ...spec },
    },
  },
});
const serviceAccount = (automount?: boolean) => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'api', namespace: 'shop' },
  ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
});
const projected = {
  name: 'token',
  projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] },
};
const legacySecret = {
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/service-account-token',
  metadata: {
    name: 'ci-token',
    namespace: 'shop',
    annotations: { 'kubernetes.io/service-account.name': 'ci' },
  },
};

runTable(mountedServiceAccountToken, [
  {
    name: 'automount on by default reaches every container, init included',
    objects: [deployment({ initContainers: [{ name: 'migrate', image: 'web:1.0' }] })],
    edges: [
      'Deployment/shop/web#app -> ServiceAccount/shop/api',
      'Deployment/shop/web#migrate -> ServiceAccount/shop/api',
    ],
    fixes: [FIX],
  },
  {
    name: 'automount reaches the regular container, not an ephemeral one that mounts nothing',
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          serviceAccountName: 'api',
          automountServiceAccountToken: true,
          containers: [{ name: 'app', image: 'web:1.0' }],
          ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
        },
      },
    ],
    edges: ['Pod/shop/web#app -> ServiceAccount/shop/api'],
  },
  {
    name: 'the ServiceAccount turns automount on explicitly',
    objects: [serviceAccount(true), deployment({})],
    edges: ['Deployment/shop/web#app -> ServiceAccount/shop/api'],
    fixes: [FIX],
  },
  {
    name: 'near miss: the ServiceAccount turns automount off',
    objects: [serviceAccount(false), deployment({})],
    edges: [],
  },
  {
    name: 'near miss: the pod turns automount off',
    objects: [deployment({ automountServiceAccountToken: false })],
    edges: [],
  },
  {
    name: 'the pod overrides the ServiceAccount',
    objects: [serviceAccount(false), deployment({ automountServiceAccountToken: true })],
    edges: ['Deployment/shop/web#app -> ServiceAccount/shop/api'],
    fixes: [FIX],
  },
  {
    name: 'a projected token arrives with automount off, only where mounted, with no automount fix',
    objects: [
      deployment({
        automountServiceAccountToken: false,
        containers: [
          {
            name: 'app',
            image: 'web:1.0',
            volumeMounts: [{ name: 'token', mountPath: '/var/run/secrets/tokens' }],
          },
          { name: 'proxy', image: 'envoy:1.30' },
        ],
        volumes: [projected],
      }),
    ],
    edges: ['Deployment/shop/web#app -> ServiceAccount/shop/api'],
    fixes: [],
  },
  {
    name: 'near miss: the projected volume is declared but no container mounts it',
    objects: [deployment({ automountServiceAccountToken: false, volumes: [projected] })],
    edges: [],
  },
  {
    name: 'near miss: a mounted legacy token Secret is legacy-token-secret-mount, not counted twice',
    objects: [
      legacySecret,
      deployment({
        automountServiceAccountToken: false,
        containers: [{ name: 'app', image: 'web:1.0', volumeMounts: [{ name: 'ci', mountPath: '/ci' }] }],
        volumes: [{ name: 'ci', secret: { secretName: 'ci-token' } }],
      }),
    ],
    edges: [],
  },
]);

test('mounted-service-account-token: automount plus a projected token of the same SA offers no fix', () => {
  const snapshot = snapshotOf([
    deployment({
      containers: [{ name: 'app', image: 'web:1.0', volumeMounts: [{ name: 'token', mountPath: '/t' }] }],
      volumes: [projected],
    }),
  ]);
  const [edge] = mountedServiceAccountToken.find(buildModel(snapshot));
  assert.equal(edge?.to, 'ServiceAccount/shop/api');
  assert.deepEqual(edge?.fixes, []);
  assert.equal(edge?.evidence.length, 2);
  assert.match(edge?.evidence[1]?.says ?? '', /does not remove it/);
});

test('mounted-service-account-token: the fix adds automountServiceAccountToken: false and removes the edge', () => {
  const snapshot = snapshotOf([serviceAccount(true), deployment({})]);
  const [edge] = mountedServiceAccountToken.find(buildModel(snapshot));
  assert.deepEqual(edge?.evidence[0]?.ref, 'ServiceAccount/shop/api');
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'add', path: '/spec/template/spec/automountServiceAccountToken', value: false },
  ]);
  assert.deepEqual(mountedServiceAccountToken.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
