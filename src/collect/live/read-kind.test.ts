import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interner } from '../interner.js';
import type { ApiClient, BodyResult } from './api-client.js';
import { LIVE_KINDS, type LiveKind } from './kinds.js';
import { liveGaps } from './live-gaps.js';
import { Limiter } from './pool.js';
import { readKind } from './read-kind.js';

const POD = LIVE_KINDS.find((k) => k.kind === 'Pod') as LiveKind;

/** A client that answers every list with one page of these items (each a value or its JSON text), or `text`. */
function answering(body: { items: unknown[] } | string): ApiClient {
  const texts =
    typeof body === 'string' ? [] : body.items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i)));
  const text =
    typeof body === 'string' ? body : `{"kind":"PodList","metadata":{},"items":[${texts.join(',')}]}`;
  const answer: BodyResult = { ok: true, status: 200, body: Buffer.from(text) };
  return { getBody: async () => answer } as unknown as ApiClient;
}

const pod = (name: string, spec: unknown = { containers: [{ name: 'app', image: 'app:1' }] }) => ({
  metadata: { name, namespace: 'shop' },
  spec,
});

/** The JSON text of a pod whose spec nests `depth` objects deep: JSON.parse reads it, a recursive walk may not. */
function deepPod(name: string, depth: number): string {
  return `{"metadata":{"name":"${name}","namespace":"shop"},"spec":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

const reader = (client: ApiClient) => ({
  client,
  limiter: new Limiter(1),
  namespaces: ['shop'],
  interner: new Interner(),
});

test('an object nested too deep to project is left out and said, and the rest of the kind is read', async () => {
  const read = await readKind(
    reader(answering({ items: [pod('web'), deepPod('deep', 20_000), pod('api')] })),
    POD,
  );
  assert.deepEqual(
    read.objects.map((o) => o.ref),
    ['Pod/shop/web', 'Pod/shop/api'],
  );
  assert.deepEqual(read.failures, [
    { plural: 'pods', kind: 'limit-exceeded', reason: 'nested too deep to read: Pod/shop/deep' },
  ]);
  const [gap] = liveGaps(read.failures);
  assert.equal(gap?.kind, 'limit-exceeded');
  assert.match(gap?.message ?? '', /^pods: over a limit \(nested too deep to read: Pod\/shop\/deep\)/);
});

test('near miss: an object nested a hundred deep is read like any other', async () => {
  const read = await readKind(reader(answering({ items: [deepPod('deep', 100)] })), POD);
  assert.deepEqual(
    read.objects.map((o) => o.ref),
    ['Pod/shop/deep'],
  );
  assert.deepEqual(read.failures, []);
});

test('an answer that is not JSON is a parse-error gap that says so, not a timeout', async () => {
  const read = await readKind(reader(answering('<html>proxy error</html>')), POD);
  assert.deepEqual(read.objects, []);
  const [gap] = liveGaps(read.failures);
  assert.equal(gap?.kind, 'parse-error');
  assert.match(gap?.message ?? '', /^pods: unreadable answer \(invalid JSON in the answer: /);
});
