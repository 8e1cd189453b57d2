/**
 * The bundled example: chokepoint must agree with the answer written down before it was computed
 * (examples/expected-one-thing.json), and its JSON report is a byte-stable golden file.
 * Rewrite the golden with UPDATE_GOLDENS=1.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadInput } from '../../src/cli/load.js';
import { applyPatches } from '../../src/collect/patch.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { buildReport } from '../../src/report/build-report.js';
import { REPORTERS } from '../../src/report/formats.js';

const EXAMPLE = 'examples/shop';
const GOLDEN = 'test/example/shop.golden.json';

interface Expected {
  readonly remediation: string;
  readonly target: string;
  readonly runnerUp: { readonly remediation: string; readonly target: string };
}

/** The example as `chokepoint scan examples/shop` reads it: default Kubernetes version and its bootstrap RBAC. */
async function analyseExample() {
  const loaded = await loadInput([EXAMPLE], undefined);
  return { ...loaded, analysis: analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn) };
}

test('the example reads cleanly: no gaps, every file analysed', async () => {
  const { snapshot, builtIn } = await analyseExample();
  assert.deepEqual(snapshot.gaps, []);
  assert.ok(builtIn.length > 50, 'bootstrap RBAC is loaded');
  assert.equal(snapshot.objects.length, 24, 'every document of the five files');
  assert.equal(snapshot.kindCounts.Deployment, 4);
});

test('chokepoint picks the one thing written down in examples/expected-one-thing.json', async () => {
  const expected = JSON.parse(readFileSync('examples/expected-one-thing.json', 'utf8')) as Expected;
  const { analysis } = await analyseExample();
  const report = buildReport(analysis, { version: 'test' });
  assert.ok(report.oneThing, 'the example has risk, so there is a one thing');
  assert.equal(report.oneThing.remediation, expected.remediation);
  assert.equal(report.oneThing.target, expected.target);
  assert.ok(report.oneThing.riskAfter < report.oneThing.riskBefore);
});

test('the runner-up named in the README removes less risk than the one thing', async () => {
  const expected = JSON.parse(readFileSync('examples/expected-one-thing.json', 'utf8')) as Expected;
  const { analysis, builtIn } = await analyseExample();
  const runnerUp = analysis.edges
    .flatMap((edge) => edge.fixes)
    .find(
      (fix) => fix.remediation === expected.runnerUp.remediation && fix.target === expected.runnerUp.target,
    );
  assert.ok(runnerUp, 'the runner-up is a fix chokepoint offers');
  const after = runPipeline(
    applyPatches(analysis.snapshot, [{ target: runnerUp.target, ops: runnerUp.ops }]),
    {
      config: DEFAULT_CONFIG,
      builtIn,
    },
  );
  const runnerUpDelta = analysis.risk.total - after.risk.total;
  const oneThingDelta = analysis.oneThing!.riskBefore - analysis.oneThing!.riskAfter;
  assert.ok(runnerUpDelta > 0, 'the runner-up helps');
  assert.ok(runnerUpDelta < oneThingDelta, `runner-up ΔR ${runnerUpDelta} < one thing ΔR ${oneThingDelta}`);
});

test('the JSON report of the example matches the golden file byte for byte', async () => {
  const { analysis } = await analyseExample();
  const json = REPORTERS.json(buildReport(analysis, { version: '0.0.0-golden' }), {
    color: false,
    width: 100,
  });
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(GOLDEN, json);
  assert.equal(json, readFileSync(GOLDEN, 'utf8'));
});

test('switching the credentials threat model off moves the one thing, as the README shows', async () => {
  const loaded = await loadInput([EXAMPLE], undefined);
  const threatModels = { ...DEFAULT_CONFIG.threatModels, credentials: { enabled: false, weight: 100 } };
  const analysis = analyze(loaded.snapshot, { ...DEFAULT_CONFIG, threatModels }, loaded.builtIn);
  const readme = readFileSync('README.md', 'utf8');
  const oneThing = analysis.oneThing!.fixes[0]!;
  assert.notEqual(oneThing.target, 'ClusterRoleBinding/ci-deployer');
  assert.ok(
    readme.includes(`the one thing becomes \`${oneThing.remediation}\` on \`${oneThing.target}\``),
    `README names ${oneThing.remediation} on ${oneThing.target}`,
  );
  assert.equal(analysis.risk.byThreatModel.credentials, 0);
});
