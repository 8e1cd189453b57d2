import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyze } from '../prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/contract.js';
import { renderJson } from '../report/json.js';
import { readReportSide } from './diff-side.js';
import { loadInput } from './load.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-diff-side-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function exampleReport(): Promise<Report> {
  const loaded = await loadInput(['examples/shop'], undefined);
  return buildReport(analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn), { version: '0.0.0-test' });
}

function written(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
}

test('a report read a finding at a time gives what the diff reads of the whole report', async () => {
  const report = await exampleReport();
  assert.ok(report.findings.length > 50 && report.facts.length > 0);
  const side = readReportSide(written('report.json', renderJson(report)));
  const whole = JSON.parse(renderJson(report)) as Report;
  assert.deepEqual(side, {
    risk: whole.risk,
    paths: whole.paths,
    findings: whole.findings,
    gaps: whole.gaps,
  });
  // A report with no findings at all is read too.
  const empty = readReportSide(written('empty.json', renderJson({ ...report, findings: [] })));
  assert.deepEqual(empty?.findings, []);
  assert.deepEqual(empty?.paths, whole.paths);
});

test('near misses: a cut, broken or foreign report is no report, so the diff scans it and says why', async () => {
  const text = renderJson(await exampleReport());
  const cut = text.slice(0, Math.floor(text.length / 2));
  assert.equal(readReportSide(written('cut.json', cut)), undefined);
  const badFinding = text.replace('"technique": ', '"technique" ');
  assert.notEqual(badFinding, text);
  assert.equal(readReportSide(written('bad.json', badFinding)), undefined);
  const foreign = text.replace('"name": "chokepoint"', '"name": "another-tool"');
  assert.equal(readReportSide(written('foreign.json', foreign)), undefined);
  assert.equal(readReportSide(written('two.json', `${text}\n${text}`)), undefined);
  assert.equal(readReportSide(join(work, 'missing.json')), undefined);
});
