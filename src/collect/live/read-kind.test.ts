import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interner } from '../interner.js';
import { DEFAULT_LIMITS } from '../limits.js';
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

const reader = (client: ApiClient, maxDepth = DEFAULT_LIMITS.depth) => ({
  client,
  limiter: new Limiter(1),
  namespaces: ['shop'],
  interner: new Interner(),
  maxDepth,
});

test('objects nested past --max-depth are left out and said, as files are; the rest of the kind is read', async () => {
  const items = [pod('web'), deepPod('deep', 20_000), pod('api'), deepPod('deeper', 300)];
  const read = await readKind(reader(answering({ items })), POD);
  assert.deepEqual(
    read.objects.map((o) => o.ref),
    ['Pod/shop/web', 'Pod/shop/api'],
  );
  const reason = 'nesting depth over 200, raise with --max-depth: Pod/shop/deep, Pod/shop/deeper';
  assert.deepEqual(read.failures, [{ plural: 'pods', kind: 'limit-exceeded', reason }]);
  const [gap] = liveGaps(read.failures);
  assert.equal(gap?.kind, 'limit-exceeded');
  assert.ok(gap?.message.startsWith(`pods: over a limit (${reason})`), gap?.message);
});

test('with --max-depth raised, a deeper object is read; one too deep to project is still left out', async () => {
  const items = [deepPod('deeper', 300), deepPod('deep', 20_000)];
  const read = await readKind(reader(answering({ items }), 100_000), POD);
  assert.deepEqual(
    read.objects.map((o) => o.ref),
    ['Pod/shop/deeper'],
  );
  assert.deepEqual(read.failures, [
    { plural: 'pods', kind: 'limit-exceeded', reason: 'nested too deep to read: Pod/shop/deep' },
  ]);
});

test('near miss: an object nested as deep as the limit allows is read like any other', async () => {
  // deepPod's spec nests `depth` objects inside the pod itself, and the innermost holds a number.
  const read = await readKind(reader(answering({ items: [deepPod('deep', 199)] })), POD);
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
