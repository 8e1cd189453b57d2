/** riskAfter of plan item N equals the risk a fresh process scans from the files --apply-plan N wrote. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/contract.js';
import { runCli } from './run-cli.js';

function scanJson(args: readonly string[]): Report {
  const run = runCli(['scan', ...args, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

function proveItem(input: string, n: number): void {
  const outDir = mkdtempSync(join(tmpdir(), `chokepoint-proof-${n}-`));
  try {
    const before = scanJson([input, '--apply-plan', String(n), '--out-dir', outDir]);
    assert.ok(before.plan.length >= n, `the plan has ${before.plan.length} items`);
    const after = scanJson([outDir]);
    assert.equal(after.risk.total, before.plan[n - 1]!.riskAfter);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

for (const n of [1, 3, 5]) {
  test(`the bundled example: --apply-plan ${n} scans back to the predicted risk`, () =>
    proveItem('examples/shop', n));
}
