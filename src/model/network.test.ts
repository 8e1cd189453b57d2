import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

const policy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'ns' },
  spec,
});

test('NetworkPolicy: omitted policyTypes mean Ingress, plus Egress when egress rules exist', () => {
  const model = buildModel(
    snapshotOf([
      policy('deny-in', { podSelector: {} }),
      policy('with-egress', { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
      policy('egress-only', { podSelector: {}, policyTypes: ['Egress'] }),
      policy('empty-egress-list', { podSelector: {}, egress: [] }),
    ]),
  );
  const types = Object.fromEntries(model.networkPolicies.map((p) => [p.name, p.policyTypes]));
  assert.deepEqual(types, {
    'deny-in': ['Ingress'],
    'egress-only': ['Egress'],
    'empty-egress-list': ['Ingress'],
    'with-egress': ['Egress', 'Ingress'],
  });
});

test('NetworkPolicy peers keep pod and namespace selectors together, ipBlocks and ports with ranges', () => {
  const model = buildModel(
    snapshotOf([
      policy('p', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: 'a' } },
                podSelector: { matchExpressions: [{ key: 'role', operator: 'Exists' }] },
              },
              { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
            ],
            ports: [{ port: 5432 }, { protocol: 'UDP', port: 1000, endPort: 2000 }, { port: 'metrics' }],
          },
          {},
        ],
      }),
    ]),
  );
  const [p] = model.networkPolicies;
  assert.deepEqual(p?.podSelector, { matchLabels: { app: 'db' }, matchExpressions: [] });
  assert.deepEqual(p?.ingress[0]?.peers, [
    {
      podSelector: { matchLabels: {}, matchExpressions: [{ key: 'role', operator: 'Exists', values: [] }] },
      namespaceSelector: { matchLabels: { team: 'a' }, matchExpressions: [] },
    },
    { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
  ]);
  assert.deepEqual(p?.ingress[0]?.ports, [
    { protocol: 'TCP', port: 5432 },
    { protocol: 'UDP', port: 1000, endPort: 2000 },
    { protocol: 'TCP', port: 'metrics' },
  ]);
  assert.deepEqual(p?.ingress[1], { peers: [], ports: [] }, 'an empty rule allows all peers on all ports');
});

test('Secrets keep type and token owner; ConfigMaps the keys the collector flagged as credentials', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/service-account-token',
        metadata: {
          name: 'tok',
          namespace: 'ns',
          annotations: { 'kubernetes.io/service-account.name': 'ci' },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'plain',
          namespace: 'ns',
          annotations: { 'kubernetes.io/service-account.name': 'x' },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg', namespace: 'ns' },
        data: { DB_PASSWORD: 'hunter2', API_KEY: 'k-123', LOG_LEVEL: 'debug' },
      },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'clean', namespace: 'ns' }, data: { a: 'b' } },
    ]),
  );
  assert.deepEqual(
    model.secrets.map((s) => [s.ref, s.type, s.serviceAccountName]),
    [
      ['Secret/ns/plain', 'Opaque', undefined],
      ['Secret/ns/tok', 'kubernetes.io/service-account-token', 'ci'],
    ],
  );
  assert.deepEqual(
    model.configMaps.map((c) => [c.ref, c.credentialLikeKeys]),
    [
      ['ConfigMap/ns/cfg', ['API_KEY', 'DB_PASSWORD']],
      ['ConfigMap/ns/clean', []],
    ],
  );
});
