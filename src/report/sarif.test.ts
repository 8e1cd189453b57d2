/**
 * SARIF: valid against the 2.1.0 schema for files, Helm output and live clusters; rules derived from the
 * registries; the one thing first; fingerprints that survive moved lines; the 25,000-result cap stated.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadInput } from '../cli/load.js';
import { analyze } from '../prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { TECHNIQUES } from '../techniques/index.js';
import { REMEDIATIONS } from '../techniques/remediations.js';
import { buildReport } from './build-report.js';
import type { Report } from './contract.js';
import { BATCH_RESULTS, renderSarif, renderSarifChunks } from './sarif.js';
import { sarifSchemaErrors } from './sarif-schema.js';

interface Log {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; properties: Record<string, unknown> }[] } };
    invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      partialFingerprints: Record<string, string>;
      locations: {
        physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string }[];
      }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
      properties: Record<string, unknown>;
    }[];
  }[];
}

async function reportOf(path: string): Promise<Report> {
  const loaded = await loadInput([path], undefined);
  return buildReport(analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn), { version: '0.0.0-test' });
}

const parse = (text: string): Log => JSON.parse(text) as Log;

/** The report with every file location moved down by `lines`, as an edit above the object would. */
function shifted(report: Report, lines: number): Report {
  const move = (location: string) => location.replace(/:(\d+)$/, (_, n: string) => `:${Number(n) + lines}`);
  return JSON.parse(JSON.stringify(report), (key, value) =>
    key === 'location' && typeof value === 'string' ? move(value) : value,
  ) as Report;
}

test('the example SARIF is valid SARIF 2.1.0 and leads with the one thing at its file and line', async () => {
  const report = await reportOf('examples/shop');
  const log = parse(renderSarif(report));
  assert.deepEqual(sarifSchemaErrors(log), []);
  const [first] = log.runs[0]!.results;
  assert.ok(first && report.oneThing);
  assert.equal(first.ruleId, report.oneThing.remediation);
  assert.equal(first.level, 'error');
  assert.equal(first.properties.oneThing, true);
  const [file, line] = report.oneThing.location!.split(':');
  assert.equal(first.locations[0]!.physicalLocation?.artifactLocation.uri, file);
  assert.equal(first.locations[0]!.physicalLocation?.region?.startLine, Number(line));
  assert.equal(first.locations[0]!.logicalLocations[0]!.fullyQualifiedName, report.oneThing.target);
  const planResults = log.runs[0]!.results.filter((r) => r.ruleId in REMEDIATIONS);
  assert.equal(planResults.length, new Set(report.plan.map((i) => `${i.remediation}|${i.target}`)).size);
});

test('rules are every technique and remediation, with doc links, ATT&CK tags and a security severity', async () => {
  const log = parse(renderSarif(await reportOf('examples/shop')));
  const rules = log.runs[0]!.tool.driver.rules;
  const ids = rules.map((r) => r.id);
  for (const { meta } of TECHNIQUES) {
    const rule = rules.find((r) => r.id === meta.id);
    assert.ok(rule, `${meta.id} has a rule`);
    assert.ok(rule.helpUri.endsWith(`/docs/techniques/${meta.id}.md`));
    const tags = rule.properties.tags as string[];
    for (const id of meta.mitre)
      assert.ok(tags.includes(`external/mitre-attack/${id}`), `${meta.id} tags ${id}`);
    assert.match(String(rule.properties['security-severity']), /^\d+\.\d$/);
  }
  for (const id of Object.keys(REMEDIATIONS)) assert.ok(ids.includes(id), `${id} has a rule`);
  for (const result of log.runs[0]!.results) assert.equal(rules[result.ruleIndex]?.id, result.ruleId);
});

test('fingerprints name the finding, not its place: moving every object down keeps them all', async () => {
  const report = await reportOf('examples/shop');
  const before = parse(renderSarif(report)).runs[0]!.results;
  const after = parse(renderSarif(shifted(report, 7))).runs[0]!.results;
  assert.notDeepEqual(
    before.map((r) => r.locations[0]!.physicalLocation?.region?.startLine),
    after.map((r) => r.locations[0]!.physicalLocation?.region?.startLine),
  );
  const prints = (results: typeof before) => results.map((r) => JSON.stringify(r.partialFingerprints));
  assert.deepEqual(prints(after), prints(before));
  assert.equal(new Set(prints(before)).size, before.length, 'every result has its own fingerprint');
});

test('Helm output points results at the template from its # Source: comment, rendered file as related', async () => {
  const report = await reportOf('test/fixtures/collect/shop');
  const log = parse(renderSarif(report));
  assert.deepEqual(sarifSchemaErrors(log), []);
  const templated = log.runs[0]!.results.filter((r) =>
    r.locations[0]!.physicalLocation?.artifactLocation.uri.includes('/templates/'),
  );
  assert.ok(templated.length > 0, 'some result points at a template');
  for (const result of templated) {
    assert.equal(result.locations[0]!.physicalLocation?.region, undefined, 'template lines are not known');
    assert.ok(
      result.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri.startsWith('test/fixtures/'),
    );
  }
});

test('a live cluster has no files: results carry logical locations only, and stay valid', async () => {
  const files = await reportOf('examples/shop');
  const strip = JSON.parse(JSON.stringify(files), (key, value) =>
    key === 'location' ? undefined : value,
  ) as Report;
  const live: Report = { ...strip, source: { type: 'cluster', server: 'https://127.0.0.1:6443' } };
  const log = parse(renderSarif(live));
  assert.deepEqual(sarifSchemaErrors(log), []);
  for (const result of log.runs[0]!.results) {
    assert.equal(result.locations[0]!.physicalLocation, undefined);
    assert.ok(result.locations[0]!.logicalLocations[0]!.fullyQualifiedName.length > 0);
  }
});

test('over the cap, the most important results stay and the cut is stated', async () => {
  const report = await reportOf('examples/shop');
  const all = parse(renderSarif(report)).runs[0]!.results;
  const capped = parse(renderSarif(report, 3));
  assert.deepEqual(sarifSchemaErrors(capped), []);
  const run = capped.runs[0]!;
  assert.deepEqual(
    run.results.map((r) => r.partialFingerprints),
    all.slice(0, 3).map((r) => r.partialFingerprints),
  );
  const notes = run.invocations[0]!.toolExecutionNotifications ?? [];
  assert.ok(
    notes.some((n) => n.message.text.includes(`${all.length - 3} of ${all.length} results were left out`)),
  );
});

test('the log in pieces is exactly the 2-space JSON of one log, whatever the cap leaves', async () => {
  const report = await reportOf('examples/shop');
  // 0 keeps no result (an empty list), 1 only the one thing, 200 every result in several batches.
  for (const cap of [0, 1, 3, 200]) {
    const pieces = [...renderSarifChunks(report, cap)];
    const text = pieces.join('');
    assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `cap ${cap}`);
    assert.equal(text, renderSarif(report, cap));
    const results = parse(text).runs[0]!.results;
    assert.equal(results.length, Math.min(cap, report.plan.length + report.findings.length));
    // The head, a piece per batch of results, the closing bracket and the tail.
    if (results.length > 0) assert.equal(pieces.length, 3 + Math.ceil(results.length / BATCH_RESULTS));
  }
});
