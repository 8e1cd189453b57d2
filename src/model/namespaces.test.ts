import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

const ns = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});
const enforce = (level: string) => ({ 'pod-security.kubernetes.io/enforce': level });
const pod = (namespace: string | undefined, serviceAccountName?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...(namespace ? { namespace } : {}) },
  spec: { ...(serviceAccountName ? { serviceAccountName } : {}), containers: [{ name: 'a' }] },
});

test('PSA: the enforce label, the default for unlabelled declared namespaces, unknown when undeclared', () => {
  const objects = [
    ns('locked', enforce('restricted')),
    ns('base', enforce('baseline')),
    ns('plain'),
    ns('typo', enforce('Restricted')),
    pod('helm-only'),
  ];
  const model = buildModel(snapshotOf(objects));
  const levels = Object.fromEntries(model.namespaces.map((n) => [n.name, [n.psaEnforce, n.declared]]));
  assert.deepEqual(levels, {
    base: ['baseline', true],
    'helm-only': ['unknown', false],
    locked: ['restricted', true],
    plain: ['privileged', true],
    typo: ['restricted', true],
  });
  const baselineDefault = buildModel(snapshotOf(objects), { defaultPsaLevel: 'baseline' });
  assert.equal(baselineDefault.namespace('plain')?.psaEnforce, 'baseline');
  assert.equal(baselineDefault.namespace('helm-only')?.psaEnforce, 'unknown');
  assert.equal(baselineDefault.assumptions.defaultPsaLevel, 'baseline');
});

test('namespaces come from Namespace objects and from any namespaced object; a missing namespace is default', () => {
  const model = buildModel(
    snapshotOf([
      ns('declared'),
      pod(undefined),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'cm-ns' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr' } },
    ]),
  );
  assert.deepEqual(
    model.namespaces.map((n) => n.ref),
    ['Namespace/cm-ns', 'Namespace/declared', 'Namespace/default'],
  );
});

test('ServiceAccounts: explicit ones, the implicit default of every namespace, and those workloads name', () => {
  const model = buildModel(
    snapshotOf([
      ns('empty'),
      pod('shop', 'web'),
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'ci', namespace: 'shop' },
        automountServiceAccountToken: false,
      },
    ]),
  );
  assert.deepEqual(
    model.serviceAccounts.map((s) => `${s.ref}${s.implicit ? ' (implicit)' : ''}`),
    [
      'ServiceAccount/empty/default (implicit)',
      'ServiceAccount/shop/ci',
      'ServiceAccount/shop/default (implicit)',
      'ServiceAccount/shop/web (implicit)',
    ],
  );
  assert.equal(model.serviceAccount('shop', 'ci')?.automountServiceAccountToken, false);
  assert.equal(model.serviceAccount('shop', 'web')?.automountServiceAccountToken, undefined);
});

test('assumptions: defaults, and the options that override them', () => {
  assert.deepEqual(buildModel(snapshotOf([])).assumptions, {
    defaultPsaLevel: 'privileged',
    networkPolicyEnforced: true,
    kubeVersion: '1.36',
  });
  const snapshot = { ...snapshotOf([]), kubeVersion: '1.31' };
  assert.equal(buildModel(snapshot).assumptions.kubeVersion, '1.31');
  assert.equal(buildModel(snapshot, { kubeVersion: '1.33' }).assumptions.kubeVersion, '1.33');
  assert.equal(
    buildModel(snapshot, { networkPolicyEnforced: false }).assumptions.networkPolicyEnforced,
    false,
  );
});

test('locationOf returns where an object was read', () => {
  const model = buildModel(snapshotOf([ns('a'), ns('b')]));
  assert.deepEqual(model.locationOf('Namespace/b'), { file: 'test.yaml', line: 1, doc: 1 });
  assert.equal(model.locationOf('Namespace/zzz'), undefined);
});
