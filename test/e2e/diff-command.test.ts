/**
 * `chokepoint diff` through the real CLI: the example against itself with the plan applied shows the cut paths
 * as removed and exits 0; a privileged hostPID pod added to a namespace shows a new path naming that pod and
 * exits 1 with --fail-on new-paths; a baseline that knows the path turns it green again.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.js';

const EXAMPLE = 'examples/shop';
const work = mkdtempSync(join(tmpdir(), 'chokepoint-diff-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface JsonDiff {
  readonly paths: {
    readonly added: readonly { entry: string; jewel: string }[];
    readonly removed: readonly { entry: string; jewel: string }[];
  };
}

test('the example against the example with its plan applied: every cut path removed, exit 0', () => {
  const fixed = join(work, 'fixed');
  const apply = runCli([
    'scan',
    EXAMPLE,
    '--apply-plan',
    '25',
    '--out-dir',
    fixed,
    '-o',
    join(work, 'x.txt'),
  ]);
  assert.equal(apply.code, 0, apply.stderr);
  const report = JSON.parse(runCli(['scan', EXAMPLE, '--format', 'json']).stdout) as {
    paths: { entry: string; jewel: string }[];
  };
  const run = runCli(['diff', EXAMPLE, fixed, '--format', 'json', '--fail-on', 'new-paths']);
  assert.equal(run.code, 0, run.stderr);
  const diff = JSON.parse(run.stdout) as JsonDiff;
  assert.deepEqual(diff.paths.added, []);
  const key = (p: { entry: string; jewel: string }) => `${p.entry} ${p.jewel}`;
  assert.deepEqual(diff.paths.removed.map(key).sort(), report.paths.map(key).sort());
  const text = runCli(['diff', EXAMPLE, fixed]);
  assert.match(text.stdout, new RegExp(`Paths: 0 added, ${report.paths.length} removed`));
});

test('a privileged hostPID pod added to a namespace is a new path naming the pod: exit 1 on new-paths', () => {
  const head = join(work, 'with-pod');
  cpSync(EXAMPLE, head, { recursive: true });
  cpSync('test/fixtures/diff/hostpid-pod.yaml', join(head, 'debug-shell.yaml'));
  const run = runCli(['diff', EXAMPLE, head, '--fail-on', 'new-paths']);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /ADDED PATHS\n {2}\+ container: container shell of Pod\/shop\/debug-shell → /);
  const md = runCli(['diff', EXAMPLE, head, '--format', 'markdown']);
  assert.equal(md.code, 0, 'no --fail-on, no failure');
  assert.match(md.stdout, /new attack path/);
  assert.match(md.stdout, /Pod\/shop\/debug-shell/);
});

test('--baseline: a path the baseline already has is not new, so the same change passes', () => {
  const head = join(work, 'with-pod-2');
  cpSync(EXAMPLE, head, { recursive: true });
  cpSync('test/fixtures/diff/hostpid-pod.yaml', join(head, 'debug-shell.yaml'));
  const baseline = join(work, 'baseline.json');
  assert.equal(runCli(['scan', head, '--format', 'json', '-o', baseline]).code, 0);
  assert.match(readFileSync(baseline, 'utf8'), /^\{\n {2}"schemaVersion"/);
  const run = runCli(['diff', EXAMPLE, head, '--fail-on', 'new-paths,new-critical', '--baseline', baseline]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /already in the baseline/);
});

test('a JSON report works as a side, and a bad --fail-on level is a usage error (2)', () => {
  const base = join(work, 'base.json');
  assert.equal(runCli(['scan', EXAMPLE, '--format', 'json', '-o', base]).code, 0);
  const same = runCli(['diff', base, EXAMPLE, '--fail-on', 'new-paths,risk-increase']);
  assert.equal(same.code, 0, same.stderr);
  assert.match(same.stdout, /Paths: 0 added, 0 removed, 0 changed/);
  const bad = runCli(['diff', base, EXAMPLE, '--fail-on', 'new-stuff']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on: unknown level "new-stuff" — use one or more of: none, new-paths/);
});

test('a scanned side says its gaps once, with file and line; standard input works as a side', () => {
  const base = join(work, 'with-broken-file');
  cpSync(EXAMPLE, base, { recursive: true });
  writeFileSync(join(base, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n');
  const manifests = readdirSync(EXAMPLE)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(join(EXAMPLE, name), 'utf8'));
  const run = runCli(['diff', base, '-'], { input: manifests.join('\n---\n') });
  assert.equal(run.code, 0, run.stderr);
  const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
  assert.equal(warnings.length, 1, run.stderr);
  assert.match(warnings[0]!, /broken\.yaml:3/);
  assert.match(run.stdout, /Paths: 0 added, 0 removed, 0 changed/);
});
