/** riskAfter of plan item N equals the risk a fresh process scans from the files --apply-plan N wrote. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { outputPathFor } from '../../src/collect/write-patched.js';
import type { Report } from '../../src/report/contract.js';
import { generateCluster, type OutputFormat } from '../../tools/generate/generate.js';
import { sliceCluster } from '../../tools/generate/slice.js';
import { runCli } from './run-cli.js';

function scanJson(args: readonly string[]): Report {
  const run = runCli(['scan', ...args, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

/** Applies the first n items in one process, re-scans what it wrote in another; returns the first report. */
function proveItem(input: string, n: number): Report {
  const outDir = mkdtempSync(join(tmpdir(), `chokepoint-proof-${n}-`));
  try {
    const before = scanJson([input, '--apply-plan', String(n), '--out-dir', outDir]);
    assert.ok(before.plan.length >= n, `the plan has ${before.plan.length} items`);
    // The writer mirrors each input path under --out-dir; the mirrored input is the patched cluster.
    const written = outputPathFor(outDir, input);
    assert.ok(existsSync(written), `--apply-plan wrote nothing at ${written}`);
    const after = scanJson([written]);
    assert.equal(
      after.risk.total,
      before.plan[n - 1]!.riskAfter,
      `${input}: plan item ${n} of ${before.plan.length}`,
    );
    return before;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

for (const n of [1, 3, 5]) {
  test(`the bundled example: --apply-plan ${n} scans back to the predicted risk`, () => {
    proveItem('examples/shop', n);
  });
}

// Generated clusters, cut to a namespace slice so each scan takes a second or two; the slice keeps every
// cluster-scoped object (bindings to cluster-admin, nodes) and the generator's planted mistakes in those namespaces.
const GENERATED: readonly { readonly format: OutputFormat; readonly seed: number }[] = [
  { format: 'json', seed: 1 },
  { format: 'yaml', seed: 2 },
];
const SLICE_NAMESPACES = 4;

for (const { format, seed } of GENERATED) {
  test(`a generated R1k cluster (seed ${seed}, ${format}, ${SLICE_NAMESPACES} namespaces): the first, a middle and the last item scan back`, async (t) => {
    const root = mkdtempSync(join(tmpdir(), `chokepoint-proof-gen-${format}-`));
    try {
      const full = join(root, 'full');
      const input = join(root, 'cluster');
      generateCluster({ size: 'R1k', seed, format, out: full });
      sliceCluster({ from: full, to: input, format, namespaces: SLICE_NAMESPACES });
      const first = proveItem(input, 1);
      const last = first.plan.length;
      assert.ok(last >= 3, `the slice's plan has ${last} items; the proof needs 3 or more`);
      assert.ok(first.risk.total > 0);
      for (const n of [Math.ceil(last / 2), last]) {
        await t.test(`item ${n} of ${last}`, () => {
          proveItem(input, n);
        });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
