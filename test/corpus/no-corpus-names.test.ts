import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corpusNames, mentions } from './corpus-names.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
const skip = existsSync(CORPUS) ? false : 'the shared corpus is not present at ../shared/corpus';

async function sources(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sources(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('no resource name, namespace or file name specific to the corpus appears under src/', {
  skip,
}, async () => {
  const names = await corpusNames(CORPUS);
  assert.ok(names.length > 100, `only ${names.length} corpus names were collected`);
  const found: string[] = [];
  for (const file of await sources(join(REPO_ROOT, 'src'))) {
    const text = await readFile(file, 'utf8');
    for (const name of names) if (mentions(text, name)) found.push(`${relative(REPO_ROOT, file)}: ${name}`);
  }
  assert.deepEqual(found, [], 'the corpus measures the tool; it must not shape it — rename these in src/');
});

test('a name counts only whole, not inside a longer name', () => {
  assert.ok(mentions('const pod = "web-shop";', 'web-shop'));
  assert.ok(mentions('Pod/default/web-shop#app', 'web-shop'));
  assert.ok(!mentions('const pod = "web-shop-2";', 'web-shop'));
  assert.ok(!mentions('my-web-shop', 'web-shop'));
});
