import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interner } from '../interner.js';
import { LIVE_KINDS, type LiveKind } from './kinds.js';
import { liveObject } from './live-objects.js';

const POD = LIVE_KINDS.find((k) => k.kind === 'Pod') as LiveKind;
const container = () => ({
  name: 'app',
  image: 'registry.example/app:1',
  securityContext: { privileged: true },
});
const pod = (name: string) => ({
  metadata: {
    name,
    namespace: 'shop',
    resourceVersion: '7',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
  },
  spec: { containers: [container()] },
});

test('with the read interner, two pods of one template share their containers and strings', () => {
  const interner = new Interner();
  const a = liveObject(POD, pod('web-1'), interner)!;
  const b = liveObject(POD, pod('web-2'), interner)!;
  const specOf = (o: typeof a) => o.object.spec as { containers: unknown[] };
  assert.equal(specOf(a).containers, specOf(b).containers);
  assert.equal(a.namespace, b.namespace);
  // Shared, and still what the projection gives without sharing.
  assert.deepEqual(a, liveObject(POD, pod('web-1')));
});

test('without an interner (near miss), equal containers stay separate copies', () => {
  const a = liveObject(POD, pod('web-1'))!;
  const b = liveObject(POD, pod('web-2'))!;
  const specOf = (o: typeof a) => o.object.spec as { containers: unknown[] };
  assert.notEqual(specOf(a).containers, specOf(b).containers);
  assert.deepEqual(specOf(a).containers, specOf(b).containers);
});

test('a live object is the pruned projection: kind and apiVersion from the registry, no last-applied', () => {
  const object = liveObject(POD, pod('web-1'), new Interner())!;
  assert.equal(object.ref, 'Pod/shop/web-1');
  assert.equal(object.apiVersion, 'v1');
  assert.equal(object.resourceVersion, '7');
  assert.deepEqual((object.object.metadata as { annotations: object }).annotations, {});
  assert.equal(liveObject(POD, { metadata: {} }, new Interner()), undefined);
});
