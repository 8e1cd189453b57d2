import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles, readMemoOf } from './collect-files.js';
import { type ChunkSource, fileSource } from './file-chunks.js';
import { resolveInputs, STDIN_NAME } from './input-files.js';
import { DEFAULT_LIMITS } from './limits.js';
import { readParallel } from './parallel-read.js';
import { jsonSafe } from './parse-worker.js';
import { readInput } from './read-input.js';
import { fixture, withTempDir } from './test-helpers.js';

const LIST = (items: string) =>
  `{\n  "apiVersion": "v1",\n  "items": [\n${items}\n  ],\n  "kind": "List"\n}\n`;
const POD = (name: string, extra = '') =>
  `    {"apiVersion": "v1", "kind": "Pod",\n     "metadata": {"name": "${name}", "namespace": "a"},\n     "spec": {"containers": [{"name": "c", "image": "i"${extra}}]}}`;

test('the parse worker gives the same snapshot, gaps and formats as the main thread alone, in input order', async () => {
  await withTempDir(async (dir) => {
    await cp(fixture('broken'), join(dir, 'broken'), { recursive: true });
    for (let i = 0; i < 12; i++)
      await writeFile(
        join(dir, `list-${String(i).padStart(2, '0')}.json`),
        LIST([POD(`p${i}a`), POD(`p${i}b`)].join(',\n')),
      );
    // JSON would turn a number past a double's range (Infinity) into null: that file goes back to the main thread.
    await writeFile(join(dir, 'huge-number.json'), LIST(POD('huge', ', "x": 1e400')));
    await writeFile(join(dir, 'negative-zero.json'), LIST(POD('zero', ', "x": -0')));
    await writeFile(join(dir, 'cut.json'), LIST(POD('first')).slice(0, -20));
    await writeFile(join(dir, 'empty.json'), '');
    await writeFile(join(dir, 'binary.json'), Buffer.from([0x7b, 0, 1, 2]));
    await writeFile(join(dir, 'manifest.yaml'), 'kind: Namespace\nmetadata: {name: y}\n---\nkind: [\n');
    const single = await collectFiles([dir, join(dir, 'missing.json')], { parallelBytes: Infinity });
    const parallel = await collectFiles([dir, join(dir, 'missing.json')], { parallelBytes: 0 });
    assert.ok(
      single.objects.length > 24 && single.gaps.length > 5,
      'the folder has objects and gaps to compare',
    );
    assert.deepEqual(parallel, single);
    assert.equal(JSON.stringify(parallel), JSON.stringify(single));
    assert.deepEqual(readMemoOf(parallel)?.formats, readMemoOf(single)?.formats);
    const huge = parallel.objects.find((o) => o.name === 'huge')?.object.spec;
    assert.deepEqual(huge, { containers: [{ name: 'c', image: 'i', x: Number.POSITIVE_INFINITY }] });

    // A slow main thread leaves most files to the worker: its results must still equal reading each file here.
    const files = (await resolveInputs([dir, '-'])).files;
    let readHere = 0;
    const slowHere = async (file: string) => {
      // The first read waits long enough for the worker to start, even on a busy machine.
      await new Promise((resolve) => setTimeout(resolve, readHere++ === 0 ? 1500 : 20));
      return readInput(file, file === STDIN_NAME ? stdinSource() : fileSource(file), {
        limits: DEFAULT_LIMITS,
      });
    };
    const results = await readParallel(files, { limits: DEFAULT_LIMITS }, slowHere);
    assert.ok(readHere < files.length, `the worker read ${files.length - readHere} of ${files.length} files`);
    for (const [index, file] of files.entries()) {
      const expected = await readInput(file, file === STDIN_NAME ? stdinSource() : fileSource(file), {
        limits: DEFAULT_LIMITS,
      });
      assert.deepEqual(results[index], expected, file);
    }
  });
});

function stdinSource(): ChunkSource {
  return {
    open: async function* () {
      yield Buffer.from('kind: Namespace\nmetadata: {name: s}\n');
    },
    replayable: () => true,
  };
}

test('jsonSafe is false exactly for values a JSON round trip changes', () => {
  for (const value of [{ a: [1, 'x', null, true, { b: 2.5 }] }, [], 'text'])
    assert.equal(jsonSafe(value), true, JSON.stringify(value));
  for (const value of [{ a: Number.POSITIVE_INFINITY }, [Number.NaN], { a: { b: -0 } }, { a: undefined }])
    assert.equal(jsonSafe(value), false, String(value));
});
