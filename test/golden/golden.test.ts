/**
 * Golden files for every report format, and for `diff`, on the bundled example: byte-stable, with the version
 * injected and a stand-in for the inlined graph library (its bytes belong to cytoscape, not to us).
 * Rewrite them with UPDATE_GOLDENS=1.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadInput } from '../../src/cli/load.js';
import { planPatches } from '../../src/cli/scan.js';
import { applyPatches } from '../../src/collect/patch.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import type { Report } from '../../src/report/contract.js';
import { diffReports } from '../../src/report/diff.js';
import { DIFF_RENDERERS, type DiffFormat } from '../../src/report/diff-render.js';
import { REPORT_FORMATS, REPORTERS, type ReportFormat } from '../../src/report/formats.js';

const EXAMPLE = 'examples/shop';
const VERSION = '0.0.0-golden';
/** What the HTML report inlines instead of cytoscape, so the golden does not change with its version. */
const STUB_CYTOSCAPE = '/* cytoscape is inlined here */';

/** Each format's file extension. */
const EXTENSION: Readonly<Record<ReportFormat, string>> = {
  dot: 'dot',
  html: 'html',
  json: 'json',
  markdown: 'md',
  mermaid: 'mmd',
  sarif: 'sarif',
  terminal: 'txt',
};

/** Compares `text` with the golden file, or rewrites it when UPDATE_GOLDENS=1. */
function golden(file: string, text: string): void {
  const path = `test/golden/${file}`;
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(path, text);
  assert.equal(text, readFileSync(path, 'utf8'), `${path} is stale — rerun with UPDATE_GOLDENS=1 and review`);
}

async function exampleReports(): Promise<{ base: Report; fixed: Report }> {
  const loaded = await loadInput([EXAMPLE], undefined);
  const analysis = analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn);
  const patched = applyPatches(loaded.snapshot, planPatches(analysis, analysis.plan.length));
  const fixed = analyze(patched, DEFAULT_CONFIG, loaded.builtIn);
  return {
    base: buildReport(analysis, { version: VERSION }),
    fixed: buildReport(fixed, { version: VERSION }),
  };
}

// json has its golden beside the example test (test/example/shop.golden.json); the others derive from it.
for (const format of REPORT_FORMATS.filter((f) => f !== 'json')) {
  test(`the ${format} report of the example matches its golden file`, async () => {
    const { base } = await exampleReports();
    const text = REPORTERS[format](base, { color: false, width: 100, assets: { cytoscape: STUB_CYTOSCAPE } });
    golden(`shop.${EXTENSION[format]}`, text);
    assert.equal(
      REPORTERS[format](base, { color: false, width: 100, assets: { cytoscape: STUB_CYTOSCAPE } }),
      text,
      'the same report gives the same bytes',
    );
  });
}

for (const format of Object.keys(DIFF_RENDERERS) as DiffFormat[]) {
  test(`the ${format} diff of the example against the example with its plan applied matches its golden file`, async () => {
    const { base, fixed } = await exampleReports();
    const diff = diffReports(base, fixed);
    assert.equal(diff.paths.added.length, 0);
    assert.equal(diff.paths.removed.length, base.paths.length, 'the whole plan cuts every path');
    const text = DIFF_RENDERERS[format](diff, { base: EXAMPLE, head: 'examples/shop-fixed' });
    golden(`shop-fixed.diff.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'txt'}`, text);
  });
}
