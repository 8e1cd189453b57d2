import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, STACK_LINE } from '../e2e/run-cli.js';

const input = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: '.concat('x'.repeat(3000)),
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n  hostPID: on\n  containers:\n  - {name: c, image: app:1, securityContext: {privileged: yes}}',
].join('\n---\n');

test('a --max- flag: the document past it is a warning with file:line, the rest analysed, --strict exits 3', () => {
  const run = runCli(['scan', '-', '--format', 'json', '--max-document-bytes', '1000', '--strict'], {
    input,
  });
  assert.equal(run.code, 3);
  assert.match(
    run.stderr,
    /^warning: <stdin>:1: document size exceeded \(\d+ > 1000 bytes\) — raise with --max-document-bytes$/m,
  );
  assert.doesNotMatch(run.stderr, STACK_LINE);
  const report = JSON.parse(run.stdout) as { facts: { fact: string }[]; gaps: { kind: string }[] };
  assert.ok(
    report.facts.some((f) => f.fact === 'privileged'),
    'privileged: yes is analysed as true',
  );
  assert.deepEqual(
    report.gaps.map((g) => g.kind),
    ['limit-exceeded'],
  );
  const raised = runCli(['scan', '-', '--format', 'json', '--max-document-bytes', '8000', '--strict'], {
    input,
  });
  assert.notEqual(raised.code, 3);
});

test('a --max- flag that is not a whole number is a usage error that names the flag', () => {
  const run = runCli(['scan', '-', '--max-depth', 'deep'], { input });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--max-depth: "deep" is not a limit — give a whole number, 1 or more/);
});
