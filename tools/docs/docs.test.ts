import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TECHNIQUES } from '../../src/techniques/index.js';
import { DOCS_DIR, expectedPages, mitreUrl, techniquePage } from './render.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(REPO_ROOT, DOCS_DIR);

test('every technique page is as the metadata generates it (run npm run docs when this fails)', () => {
  for (const [name, text] of expectedPages()) {
    let onDisk: string;
    try {
      onDisk = readFileSync(join(dir, name), 'utf8');
    } catch {
      assert.fail(`${DOCS_DIR}/${name} is missing — run npm run docs`);
    }
    assert.equal(onDisk, text, `${DOCS_DIR}/${name} is stale — run npm run docs`);
  }
});

test('no page documents a technique that does not exist', () => {
  const pages = expectedPages();
  const orphans = readdirSync(dir).filter((name) => name.endsWith('.md') && !pages.has(name));
  assert.deepEqual(orphans, [], 'pages of no technique — run npm run docs, which removes them');
});

test('a page states the prerequisites, the exploitation, every remediation and linked ids', () => {
  const meta = TECHNIQUES[0]!.meta;
  const page = techniquePage(meta);
  assert.ok(page.includes(meta.prerequisites));
  assert.ok(page.includes(meta.exploitation));
  for (const id of meta.remediations) assert.ok(page.includes(`\`${id}\``), id);
  for (const id of meta.mitre) assert.ok(page.includes(`[${id}](${mitreUrl(id)})`), id);
});

test('sub-technique ids link to their own ATT&CK page', () => {
  assert.equal(mitreUrl('T1611'), 'https://attack.mitre.org/techniques/T1611/');
  assert.equal(mitreUrl('T1552.007'), 'https://attack.mitre.org/techniques/T1552/007/');
});
