/** One smoke test of `chokepoint init` through a real pseudo-terminal (util-linux `script`), as a person runs it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI } from './run-cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

test('init through a pseudo-terminal writes the chokepoint.yaml the typed answers describe', {
  skip: hasScript ? false : 'util-linux script is not installed',
}, () => {
  const cwd = mkdtempSync(join(tmpdir(), 'chokepoint-pty-'));
  try {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} init`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd,
      input: 'yes\nno\nyes\nlaptops\ncluster-admin,secrets:payments\n',
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 30_000,
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /What would hurt most if stolen or stopped\?/);
    const written = readFileSync(join(cwd, 'chokepoint.yaml'), 'utf8');
    assert.match(written, /external: \{ enabled: false, weight: 100 \}/);
    assert.match(written, /credentials: \{ enabled: true, weight: 100 \}/);
    assert.match(written, /namespaces:[^\n]*\n\s+payments: 1/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
