import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FindingReport, Report } from './contract.js';
import { BATCH_ITEMS, renderJson, renderJsonChunks } from './json.js';
import { sampleReport } from './terminal-fixture.js';

/** The same value with every object's keys in reverse order, as a builder with another habit would make it. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

const CONTRACT_ORDER = [
  'schemaVersion',
  'tool',
  'source',
  'threatModels',
  'assumptions',
  'risk',
  'oneThing',
  'plan',
  'paths',
  'findings',
  'facts',
  'gaps',
  'stats',
];

test('json is 2-space indented, ends with one newline, and reads back to the same report', () => {
  const report = sampleReport();
  const text = renderJson(report);
  assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
  assert.match(text, /^\{\n {2}"schemaVersion": "1\.0",\n/);
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(report)));
});

test('keys come out in contract order whatever order the report was built in', () => {
  const report = sampleReport();
  const shuffled = reversedKeys(report) as Report;
  assert.notDeepEqual(Object.keys(shuffled), CONTRACT_ORDER);
  const text = renderJson(shuffled);
  assert.equal(text, renderJson(report));
  assert.deepEqual(Object.keys(JSON.parse(text)), CONTRACT_ORDER);
  const step = JSON.parse(text).oneThing.breaks.steps[0];
  assert.deepEqual(Object.keys(step), ['technique', 'from', 'to', 'says', 'evidence']);
  assert.deepEqual(Object.keys(step.evidence[0]), ['ref', 'path', 'location', 'says']);
});

test('a record already in contract order is still written in order when only something inside it is not', () => {
  const sample = sampleReport();
  const finding: FindingReport = {
    technique: 'exec-into-pod',
    from: 'Group/dev',
    to: 'hub:exec/shop',
    likelihood: 1,
    evidence: [
      { ref: 'RoleBinding/shop/dev', path: '/subjects/0', location: 'shop.yaml:3', says: 'dev may exec' },
    ],
    fixes: [
      {
        remediation: 'remove-binding-subject',
        target: 'RoleBinding/shop/dev',
        patch: [{ op: 'delete-object' }],
      },
    ],
    onPath: false,
  };
  const report = { ...sample, findings: [finding, finding] } as Report;
  // The finding and the step as built, their evidence items with the keys reversed: a copy is needed only below.
  const inner = {
    ...report,
    findings: [
      finding,
      { ...finding, evidence: reversedKeys(finding.evidence) as FindingReport['evidence'] },
    ],
    paths: report.paths.map((path) => ({
      ...path,
      steps: path.steps.map((step) => ({ ...step, evidence: reversedKeys(step.evidence) })),
    })),
  } as Report;
  assert.notDeepEqual(Object.keys(inner.findings[1]!.evidence[0]!), Object.keys(finding.evidence[0]!));
  assert.equal(renderJson(inner), renderJson(report));
  const written = JSON.parse(renderJson(inner)).findings[1].evidence[0];
  assert.deepEqual(Object.keys(written), ['ref', 'path', 'location', 'says']);
});

test('free-form maps are sorted, and keys the contract does not know yet are kept, after the known ones', () => {
  const report = { ...sampleReport(), extra: { b: 1, a: 2 } } as Report;
  const parsed = JSON.parse(renderJson(report));
  assert.deepEqual(Object.keys(parsed.stats.kinds), ['ClusterRoleBinding', 'Deployment', 'Service']);
  assert.deepEqual(Object.keys(parsed).slice(-2), ['stats', 'extra']);
  assert.deepEqual(parsed.extra, { b: 1, a: 2 });
});

test('absent optional fields and a null oneThing are written as the contract says', () => {
  const parsed = JSON.parse(renderJson(sampleReport({ oneThing: null })));
  assert.equal(parsed.oneThing, null);
  assert.equal('location' in parsed.plan[2], false);
});

test('a large report comes out in pieces that join to the same text JSON.stringify gives', () => {
  const report = sampleReport();
  const finding: FindingReport = {
    onPath: true,
    technique: 'exec-into-pod',
    from: 'ServiceAccount/shop/ci',
    to: 'Pod/shop/web',
    likelihood: 0.9,
    evidence: [{ says: 'ci may create pods/exec in shop', ref: 'Role/shop/ci' }],
    fixes: [
      {
        remediation: 'restrict-role-rule',
        target: 'Role/shop/ci',
        patch: [{ op: 'remove', path: '/rules/0' }],
      },
    ],
  };
  // Over 3 Mi characters of findings, so the text must come out in several pieces; an empty list and a missing
  // key too.
  const copies = Math.ceil((3 * 2 ** 20) / JSON.stringify(finding).length);
  const large = { ...report, findings: Array.from({ length: copies }, () => finding), gaps: [] } as Report;
  const pieces = [...renderJsonChunks(large)];
  assert.ok(pieces.length > 2, `${pieces.length} pieces`);
  // Each piece is a young-generation string (below V8's large-object size), so it is freed without a full GC.
  const longest = Math.max(...pieces.map((piece) => piece.length));
  assert.ok(longest < 128 * 1024, `longest piece ${longest} characters`);
  const text = pieces.join('');
  assert.equal(text, renderJson(large));
  // The contract order is already the report's order here, so a plain stringify must give the same bytes.
  const plain = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  assert.equal(text, plain);
  assert.match(text, /\n {2}"gaps": \[\],\n/);
  // Lists cut into batches at every boundary: one item, a full batch, one past it.
  for (const length of [1, BATCH_ITEMS, BATCH_ITEMS + 1, 2 * BATCH_ITEMS]) {
    const sized = { ...report, findings: large.findings.slice(0, length) } as Report;
    const joined = [...renderJsonChunks(sized)].join('');
    assert.equal(joined, `${JSON.stringify(JSON.parse(joined), null, 2)}\n`, `${length} findings`);
    assert.equal(JSON.parse(joined).findings.length, length);
  }
  const { oneThing: _, ...withoutOneThing } = large;
  const missing = [
    ...renderJsonChunks({ ...withoutOneThing, oneThing: undefined } as unknown as Report),
  ].join('');
  assert.equal(JSON.parse(missing).oneThing, undefined);
  assert.equal(missing, `${JSON.stringify(JSON.parse(missing), null, 2)}\n`);
});
