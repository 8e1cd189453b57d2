import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/contract.js';
import { CLUSTER, REPO_ROOT, runCli, STACK_LINE } from './run-cli.js';

const SHOP = readFileSync(join(REPO_ROOT, CLUSTER, 'shop.yaml'), 'utf8');

/** A temp folder removed after the test. */
function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The shop cluster followed by a document cut off mid-write (an unterminated quote). */
function truncatedFile(dir: string): string {
  const file = join(dir, 'truncated.yaml');
  writeFileSync(file, `${SHOP}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "cut-he`);
  return file;
}

test('a truncated YAML file: the good documents are analysed, the broken one is a warning with file:line', (t) => {
  const file = truncatedFile(tempDir(t));
  const run = runCli(['scan', file, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^warning: .*truncated\.yaml:\d+/m);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  const report = JSON.parse(run.stdout) as Report;
  assert.ok(report.gaps.length >= 1);
  assert.ok(report.paths.some((p) => p.jewel === 'jewel:cluster-admin'));
});

test('--strict with a broken file exits 3 and still prints the analysis of the good files', (t) => {
  const dir = tempDir(t);
  truncatedFile(dir);
  writeFileSync(join(dir, 'batch.yaml'), readFileSync(join(REPO_ROOT, CLUSTER, 'batch.yaml')));
  const run = runCli(['scan', dir, '--format', 'json', '--strict', '--fail-on', 'path:any']);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /--strict/);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  const report = JSON.parse(run.stdout) as Report;
  assert.ok(report.paths.some((p) => p.jewel === 'jewel:secrets/batch'));
  assert.ok(report.paths.some((p) => p.jewel === 'jewel:cluster-admin'));
  // Without --strict the same input reports its findings: exit 1 for --fail-on path:any.
  assert.equal(runCli(['scan', dir, '--format', 'json', '--fail-on', 'path:any']).code, 1);
});

test('a binary file is no usable input: exit 2, named on stderr, no stack', (t) => {
  const file = join(tempDir(t), 'blob.yaml');
  writeFileSync(file, randomBytes(4096));
  const run = runCli(['scan', file]);
  assert.equal(run.code, 2, run.stderr);
  // What, where and what to do: the file named, and a remedy after the dash.
  assert.match(run.stderr, /^warning: .*blob\.yaml.*binary.* — /m);
  assert.match(run.stderr, /^chokepoint: .*blob\.yaml: .* — /m);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.equal(run.stdout, '');
});

test('an empty folder is no usable input: exit 2 with a message that names it', (t) => {
  const dir = join(tempDir(t), 'empty');
  mkdirSync(dir);
  const run = runCli(['scan', dir]);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /^chokepoint: .*empty: no Kubernetes objects found — /m);
  assert.doesNotMatch(run.stderr, STACK_LINE);
});

test('a missing file: exit 2 and the path on stderr; next to a good file it is a gap, exit 3 under --strict', () => {
  const run = runCli(['scan', 'no/such/file.yaml']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /no\/such\/file\.yaml/);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  const mixed = runCli([
    'scan',
    `${CLUSTER}/batch.yaml`,
    'no/such/file.yaml',
    '--strict',
    '--format',
    'json',
  ]);
  assert.equal(mixed.code, 3, mixed.stderr);
  assert.match(mixed.stderr, /^warning: .*no\/such\/file\.yaml/m);
  assert.ok((JSON.parse(mixed.stdout) as Report).paths.length > 0);
});

test('stdin: - reads manifests from standard input and gives the same risk as the files', () => {
  const input = ['shop.yaml', 'batch.yaml']
    .map((f) => readFileSync(join(REPO_ROOT, CLUSTER, f), 'utf8'))
    .join('\n---\n');
  const fromStdin = runCli(['scan', '-', '--format', 'json'], { input });
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  const fromFiles = runCli(['scan', CLUSTER, '--format', 'json']);
  const a = JSON.parse(fromStdin.stdout) as Report;
  const b = JSON.parse(fromFiles.stdout) as Report;
  assert.equal(a.risk.total, b.risk.total);
  assert.equal(a.stats.objects, b.stats.objects);
  assert.equal(runCli(['scan', '-'], { input: '' }).code, 2);
});
