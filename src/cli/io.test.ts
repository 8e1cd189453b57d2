import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeOutput } from './io.js';

test('a report in pieces is written to its file in order, replacing what was there', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-io-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'nested', 'report.json');
  const pieces = ['{\n', `  "a": "${'x'.repeat(100_000)}",\n`, '  "b": 2\n', '}\n'];
  assert.equal(await writeOutput(file, { chunks: pieces }), undefined);
  assert.equal(readFileSync(file, 'utf8'), pieces.join(''));
  // A shorter report over a longer one leaves nothing of the old.
  writeFileSync(file, 'z'.repeat(500_000));
  assert.equal(await writeOutput(file, { chunks: ['short', '\n'] }), undefined);
  assert.equal(readFileSync(file, 'utf8'), 'short\n');
  assert.equal(await writeOutput(file, 'whole\n'), undefined);
  assert.equal(readFileSync(file, 'utf8'), 'whole\n');
});

test('an unwritable report path is a message, not a throw', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-io-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const blocker = join(dir, 'file');
  writeFileSync(blocker, 'not a folder');
  const message = await writeOutput(join(blocker, 'report.json'), { chunks: ['{}'] });
  assert.match(message ?? '', /: cannot write the report \(E[A-Z]+\) — choose a writable path$/);
});
