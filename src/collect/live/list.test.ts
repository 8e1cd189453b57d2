import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiClient, BodyResult } from './api-client.js';
import { listAll } from './list.js';
import { Limiter } from './pool.js';

/** A client whose answers are scripted by the `continue` token asked for ('' for the first page). */
function scripted(answer: (token: string, call: number) => BodyResult): {
  client: ApiClient;
  asked: string[];
} {
  const asked: string[] = [];
  const client = {
    getBody: async (path: string) => {
      asked.push(path);
      const token = new URL(path, 'http://x').searchParams.get('continue') ?? '';
      return answer(token, asked.length);
    },
  } as unknown as ApiClient;
  return { client, asked };
}

const page = (items: unknown[], next?: string): BodyResult => ({
  ok: true,
  status: 200,
  body: Buffer.from(JSON.stringify({ kind: 'PodList', metadata: { continue: next }, items })),
});
const pod = (name: string) => ({ metadata: { name } });
const nameOf = (item: unknown) => (item as { metadata: { name: string } }).metadata.name;

test('every page is read in order, each item through keep, and dropped items are left out', async () => {
  const pages: Record<string, BodyResult> = {
    '': page([pod('a'), pod('skip-b')], 't1'),
    t1: page([pod('c')], 't2'),
    t2: page([pod('skip-d'), pod('e')]),
  };
  const { client, asked } = scripted((token) => pages[token]!);
  const keep = (item: unknown) => (nameOf(item).startsWith('skip') ? undefined : nameOf(item).toUpperCase());
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/pods' }, keep);
  assert.deepEqual(listed, { ok: true, items: ['A', 'C', 'E'], columns: [] });
  assert.deepEqual(asked, [
    '/api/v1/pods?limit=500',
    '/api/v1/pods?limit=500&continue=t1',
    '/api/v1/pods?limit=500&continue=t2',
  ]);
});

test('an expired continue token (410) starts the list again and keeps nothing of the first attempt', async () => {
  let expired = false;
  const { client, asked } = scripted((token) => {
    if (token === '') return page([pod(expired ? 'a2' : 'a1')], 't1');
    if (!expired) {
      expired = true;
      return { ok: false, status: 410, reason: '410 Expired' };
    }
    return page([pod('b2')]);
  });
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/pods' }, nameOf);
  assert.deepEqual(listed, { ok: true, items: ['a2', 'b2'], columns: [] });
  assert.equal(asked.length, 4);
});

test('a list that keeps expiring gives up with the 410', async () => {
  const { client, asked } = scripted((token) =>
    token === '' ? page([pod('a')], 't1') : { ok: false, status: 410, reason: '410 Expired' },
  );
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/pods' }, nameOf);
  assert.deepEqual(listed, { ok: false, status: 410, reason: '410 Expired' });
  assert.equal(asked.length, 8);
});

test('a Table answer gives its rows and column names', async () => {
  const table = {
    kind: 'Table',
    columnDefinitions: [{ name: 'Name' }, { name: 'Type' }],
    rows: [{ cells: ['s1', 'Opaque'] }],
    metadata: {},
  };
  const { client } = scripted(() => ({ ok: true, status: 200, body: Buffer.from(JSON.stringify(table)) }));
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/namespaces/a/secrets' });
  assert.deepEqual(listed, { ok: true, items: [{ cells: ['s1', 'Opaque'] }], columns: ['Name', 'Type'] });
});

test('an answer that is not JSON, or not an object, fails the list with the reason', async () => {
  for (const [text, reason] of [
    ['{"items": [', /^invalid JSON in the answer: /],
    ['null', /^the answer is not a JSON object$/],
  ] as const) {
    const { client } = scripted(() => ({ ok: true, status: 200, body: Buffer.from(text) }));
    const listed = await listAll(client, new Limiter(1), { path: '/api/v1/pods' });
    assert.equal(listed.ok, false);
    assert.equal(listed.ok ? '' : listed.kind, 'parse-error');
    assert.match(listed.ok ? '' : listed.reason, reason);
  }
});

test('a refusal passes through as it came', async () => {
  const { client } = scripted(() => ({ ok: false, status: 403, reason: '403 Forbidden' }));
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/pods' });
  assert.deepEqual(listed, { ok: false, status: 403, reason: '403 Forbidden' });
});

test('a page past the string limit fails the list with its size, not a crash', async () => {
  // What Buffer#toString throws past V8's string limit, without allocating the 512 MiB to reach it.
  const tooLong = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), {
    code: 'ERR_STRING_TOO_LONG',
  });
  const body = {
    length: 600_000_000,
    toString: () => {
      throw tooLong;
    },
  } as unknown as Buffer;
  const { client } = scripted(() => ({ ok: true, status: 200, body }));
  const listed = await listAll(client, new Limiter(1), { path: '/api/v1/configmaps' });
  assert.deepEqual(listed, {
    ok: false,
    kind: 'limit-exceeded',
    reason: 'the answer is too large to read (600000000 bytes)',
  });
});
