import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

test('the package bin runs as a program, as npx runs it in a clone (the build marks it executable)', {
  skip: process.platform === 'win32' ? 'Windows has no execute bit; npm writes a .cmd shim there' : false,
}, () => {
  const { bin, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    version: string;
  };
  assert.deepEqual(Object.keys(bin), ['chokepoint']);
  for (const file of Object.values(bin)) {
    // Run the file itself, not through node: this fails with EACCES when it lacks the execute bit.
    const out = execFileSync(join(REPO_ROOT, file), ['--version'], { encoding: 'utf8' });
    assert.equal(out.trim(), version);
  }
});
