import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';
import type { TokenMount } from './types.js';

function sa(name: string, automount?: boolean): unknown {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: 'ns' },
    ...(automount !== undefined ? { automountServiceAccountToken: automount } : {}),
  };
}

function tokenOf(spec: Record<string, unknown>, ...others: unknown[]): TokenMount | undefined {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    spec: { containers: [{ name: 'a' }], ...spec },
  };
  return buildModel(snapshotOf([pod, ...others])).workload('Pod/ns/p')?.token;
}

test('automount is on by default', () => {
  assert.deepEqual(tokenOf({}), { mounted: true, reason: 'automount is on (default)', decidedBy: 'default' });
  assert.deepEqual(tokenOf({ serviceAccountName: 'app' }, sa('app')), tokenOf({}));
});

test('the ServiceAccount decides when the pod does not say', () => {
  assert.deepEqual(tokenOf({ serviceAccountName: 'app' }, sa('app', false)), {
    mounted: false,
    reason: 'the ServiceAccount sets automountServiceAccountToken: false',
    decidedBy: 'service-account',
  });
  assert.equal(tokenOf({ serviceAccountName: 'app' }, sa('app', true))?.decidedBy, 'service-account');
  assert.equal(tokenOf({}, sa('default', false))?.mounted, false, 'the implicit SA name is default');
});

test("the pod's setting overrides the ServiceAccount's, both ways", () => {
  assert.deepEqual(
    tokenOf({ serviceAccountName: 'app', automountServiceAccountToken: true }, sa('app', false)),
    {
      mounted: true,
      reason: 'the pod sets automountServiceAccountToken: true',
      decidedBy: 'pod',
    },
  );
  assert.deepEqual(
    tokenOf({ serviceAccountName: 'app', automountServiceAccountToken: false }, sa('app', true)),
    {
      mounted: false,
      reason: 'the pod sets automountServiceAccountToken: false',
      decidedBy: 'pod',
    },
  );
});

test('with automount off, a projected serviceAccountToken volume still mounts a token', () => {
  const token = tokenOf({
    automountServiceAccountToken: false,
    volumes: [
      { name: 'kube-api-access-abcde', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
    ],
  });
  assert.equal(token?.mounted, true);
  assert.equal(token?.decidedBy, 'projected-volume');
  assert.match(token?.reason ?? '', /kube-api-access-abcde/);
});

test("with automount off, a volume of the SA's legacy token Secret still mounts a token; another Secret does not", () => {
  const secret = (name: string, type: string, account: string) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    type,
    metadata: { name, namespace: 'ns', annotations: { 'kubernetes.io/service-account.name': account } },
  });
  const spec = (secretName: string) => ({
    serviceAccountName: 'app',
    automountServiceAccountToken: false,
    volumes: [{ name: 'tok', secret: { secretName } }],
  });
  const legacy = tokenOf(
    spec('app-token'),
    secret('app-token', 'kubernetes.io/service-account-token', 'app'),
  );
  assert.equal(legacy?.mounted, true);
  assert.equal(legacy?.decidedBy, 'secret-volume');
  assert.equal(tokenOf(spec('opaque'), secret('opaque', 'Opaque', 'app'))?.mounted, false);
  assert.equal(
    tokenOf(spec('other-token'), secret('other-token', 'kubernetes.io/service-account-token', 'other'))
      ?.mounted,
    false,
  );
});
