import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TECHNIQUES, TECHNIQUES_BY_ID } from './index.js';
import { LIKELIHOOD } from './likelihood.js';
import { REMEDIATION_IDS } from './remediations.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIR = join(REPO_ROOT, 'src', 'techniques');

test('ids are unique and each is the key it is registered under', () => {
  const ids = TECHNIQUES.map((t) => t.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const [key, technique] of Object.entries(TECHNIQUES_BY_ID)) assert.equal(technique.meta.id, key);
});

test('each technique lives in the file named after its id, and that file exports it', async () => {
  for (const { meta } of TECHNIQUES) {
    assert.ok(existsSync(join(SOURCE_DIR, `${meta.id}.ts`)), `src/techniques/${meta.id}.ts is missing`);
    const module = (await import(`./${meta.id}.js`)) as Record<string, unknown>;
    assert.ok(
      Object.values(module).includes(TECHNIQUES_BY_ID[meta.id]),
      `src/techniques/${meta.id}.ts does not export the technique registered as ${meta.id}`,
    );
  }
});

test('every technique has a table test and a doc page', () => {
  for (const { meta } of TECHNIQUES) {
    assert.ok(
      existsSync(join(SOURCE_DIR, `${meta.id}.test.ts`)),
      `src/techniques/${meta.id}.test.ts is missing`,
    );
    assert.ok(
      existsSync(join(REPO_ROOT, 'docs', 'techniques', `${meta.id}.md`)),
      `docs/techniques/${meta.id}.md is missing — run npm run docs`,
    );
  }
});

test('MITRE ATT&CK and Microsoft Threat Matrix ids are well formed, and every technique has an ATT&CK id', () => {
  for (const { meta } of TECHNIQUES) {
    assert.ok(meta.mitre.length > 0, `${meta.id}: no MITRE ATT&CK id`);
    for (const id of meta.mitre) assert.match(id, /^T\d{4}(\.\d{3})?$/, `${meta.id}: MITRE id ${id}`);
    for (const id of meta.msThreatMatrix) assert.match(id, /^MS-TA9\d{3}$/, `${meta.id}: MS id ${id}`);
  }
});

test('every remediation in the catalogue is offered by some technique', () => {
  const used = new Set(TECHNIQUES.flatMap((t) => t.meta.remediations));
  assert.deepEqual(
    REMEDIATION_IDS.filter((id) => !used.has(id)),
    [],
    'remediations no technique lists in meta.remediations',
  );
});

test('every likelihood class a technique names is in the one table', () => {
  for (const { meta } of TECHNIQUES)
    assert.ok(Object.hasOwn(LIKELIHOOD, meta.likelihood), `${meta.id}: likelihood ${meta.likelihood}`);
});
