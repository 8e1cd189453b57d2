import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateToTemp, hashDir, listFiles, removeDump, type TempDump } from './dump-fixture.js';

const dumps: TempDump[] = [];
after(() => dumps.forEach(removeDump));

test('the same seed and size give byte-identical output', () => {
  const first = generateToTemp({ size: 'R1k', format: 'json', seed: 42 });
  const second = generateToTemp({ size: 'R1k', format: 'json', seed: 42 });
  dumps.push(first, second);
  assert.deepEqual(listFiles(first.dir), listFiles(second.dir));
  assert.equal(hashDir(first.dir), hashDir(second.dir));
  assert.equal(first.bytes, second.bytes);
});

test('a different seed gives a different cluster', () => {
  const a = generateToTemp({ size: 'R1k', format: 'yaml', seed: 1 });
  const b = generateToTemp({ size: 'R1k', format: 'yaml', seed: 2 });
  dumps.push(a, b);
  assert.notEqual(hashDir(a.dir), hashDir(b.dir));
});
