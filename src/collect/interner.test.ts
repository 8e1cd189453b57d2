import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles } from './collect-files.js';
import { fileSource } from './file-chunks.js';
import { resolveInputs } from './input-files.js';
import { Interner } from './interner.js';
import { DEFAULT_LIMITS } from './limits.js';
import { readParallel } from './parallel-read.js';
import { applyOps } from './patch.js';
import { readInput } from './read-input.js';
import type { KubeObject } from './snapshot.js';
import { withTempDir } from './test-helpers.js';

const LONG = 'x'.repeat(300);
// Same length and same middle character as LONG: the same weak hash, a different value.
const LONG_OTHER = `y${'x'.repeat(299)}`;

/** [case, first value, second value, whether the second becomes the first's copy]. */
const CASES: readonly [string, unknown, unknown, boolean][] = [
  [
    'equal containers',
    [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }],
    [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }],
    true,
  ],
  ['equal labels', { app: 'web', tier: 'front' }, { app: 'web', tier: 'front' }, true],
  ['equal long strings', { script: LONG }, { script: `${LONG}` }, true],
  ['equal nulls, booleans and fractions', { a: null, b: true, c: 0.5 }, { a: null, b: true, c: 0.5 }, true],
  [
    'one value differs deep down',
    [{ name: 'c', ports: [{ containerPort: 80 }] }],
    [{ name: 'c', ports: [{ containerPort: 81 }] }],
    false,
  ],
  ['same keys in another order', { app: 'web', tier: 'front' }, { tier: 'front', app: 'web' }, false],
  ['one key more', { app: 'web' }, { app: 'web', tier: 'front' }, false],
  ['0 and -0', { x: 0 }, { x: -0 }, false],
  ['a string and a number', { x: '1' }, { x: 1 }, false],
  ['an array and an object with index keys', ['a', 'b'], { 0: 'a', 1: 'b' }, false],
  ['long strings with the same hash', { script: LONG }, { script: LONG_OTHER }, false],
  ['true and false', { privileged: true }, { privileged: false }, false],
];

for (const [name, first, second, shared] of CASES) {
  test(`subtree sharing: ${name} ${shared ? 'share one copy' : 'stay apart'}`, () => {
    const interner = new Interner();
    const a: Record<string, unknown> = { kind: 'Pod', spec: structuredClone(first) };
    const b: Record<string, unknown> = { kind: 'Pod', spec: structuredClone(second) };
    interner.shareBelow(a);
    interner.shareBelow(b);
    assert.equal(a.spec === b.spec, shared);
    // Sharing never changes a value, nor the top-level objects themselves.
    assert.deepEqual(a, { kind: 'Pod', spec: first });
    assert.deepEqual(b, { kind: 'Pod', spec: second });
    assert.ok(Object.is((b.spec as { x?: unknown }).x, (second as { x?: unknown }).x));
  });
}

test('subtree sharing: nodes whose hashes collide each keep their own copy, and later equals find theirs', () => {
  // Keys of one length with the same first and last letters hash alike, so these four share one hash.
  const interner = new Interner();
  const made = [{ axb: 1 }, { ayb: 1 }, { axb: 1 }, { ayb: 1 }].map((value) => {
    const holder: Record<string, unknown> = { value };
    interner.shareBelow(holder);
    return holder.value;
  });
  assert.notEqual(made[0], made[1]);
  assert.equal(made[2], made[0]);
  assert.equal(made[3], made[1]);
  assert.deepEqual(made, [{ axb: 1 }, { ayb: 1 }, { axb: 1 }, { ayb: 1 }]);
});

test('subtree sharing: the same keys in another order stay apart even when their hashes collide', () => {
  const interner = new Interner();
  const a: Record<string, unknown> = { value: { axb: 1, ayb: 1 } };
  const b: Record<string, unknown> = { value: { ayb: 1, axb: 1 } };
  interner.shareBelow(a);
  interner.shareBelow(b);
  assert.notEqual(a.value, b.value);
  assert.deepEqual(Object.keys(b.value as object), ['ayb', 'axb']);
});

const POD = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'shop/web:1', securityContext: { privileged: true } }] },
});

test('pods read from files share their equal containers, and a patch on one leaves the other as it was', async () => {
  await withTempDir(async (dir) => {
    for (let i = 0; i < 6; i++)
      await writeFile(
        join(dir, `pods-${i}.json`),
        JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [POD(`a${i}`), POD(`b${i}`)] }),
      );
    const byMainThread = (await collectFiles([dir], { parallelBytes: Number.POSITIVE_INFINITY })).objects;
    // A slow main thread leaves most files to the parse worker, whose results are shared as they arrive.
    const files = (await resolveInputs([dir])).files;
    const interner = new Interner();
    let readHere = 0;
    const slowHere = async (file: string) => {
      await new Promise((resolve) => setTimeout(resolve, readHere++ === 0 ? 1500 : 20));
      return readInput(file, fileSource(file), { limits: DEFAULT_LIMITS, interner });
    };
    const results = await readParallel(files, { limits: DEFAULT_LIMITS, interner }, slowHere);
    assert.ok(readHere < files.length, `the worker read ${files.length - readHere} of ${files.length} files`);
    const byWorker = results.flatMap((result) => result.objects);

    for (const objects of [byMainThread, byWorker]) {
      const pods = objects.map((so) => so.object);
      assert.equal(pods.length, 12);
      for (const pod of pods) assert.equal(containersOf(pod), containersOf(pods[0]!));
      assert.equal(pods[3]!.metadata?.labels, pods[0]!.metadata?.labels);
      assert.notEqual(pods[3]!.metadata, pods[0]!.metadata);

      const patched = applyOps(pods[0]!, [
        { op: 'replace', path: '/spec/containers/0/securityContext/privileged', value: false },
      ]);
      assert.deepEqual(containersOf(patched!), [
        { name: 'web', image: 'shop/web:1', securityContext: { privileged: false } },
      ]);
      for (const pod of pods) assert.deepEqual(containersOf(pod), POD('x').spec.containers);
    }
  });
});

function containersOf(pod: KubeObject): unknown {
  return (pod.spec as { containers: unknown }).containers;
}
