import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/contract.js';
import { CLUSTER, runCli } from './run-cli.js';

function scanJson(args: readonly string[]): Report {
  const run = runCli(['scan', ...args, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

for (const n of [1, 2]) {
  test(`--apply-plan ${n}: a fresh scan of the written files has the risk the plan predicted`, (t) => {
    const outDir = mkdtempSync(join(tmpdir(), `chokepoint-apply-${n}-`));
    t.after(() => rmSync(outDir, { recursive: true, force: true }));
    const before = scanJson([CLUSTER, '--apply-plan', String(n), '--out-dir', outDir]);
    assert.ok(before.plan.length >= n, `the fixture's plan has ${before.plan.length} items`);
    const after = scanJson([outDir]);
    assert.equal(after.risk.total, before.plan[n - 1]!.riskAfter);
    assert.ok(after.risk.total < before.risk.total);
  });
}
