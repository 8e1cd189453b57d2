/** diff: paths matched by entry and jewel, findings by technique and ends; a baseline hides what it knows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PathReport, Report } from './contract.js';
import { diffFails, diffReports } from './diff.js';
import { sampleReport } from './terminal-fixture.js';

const BASE = sampleReport();
const BASE_PATH = BASE.paths[0]!;

/** A new path from another entry to cluster-admin (critical) or to a namespace's Secrets (not). */
function newPath(entry: string, jewel: string, score: number): PathReport {
  return { ...BASE_PATH, entry, jewel, score, steps: [{ ...BASE_PATH.steps[0]!, from: entry, to: jewel }] };
}

function withPaths(paths: readonly PathReport[], total: number): Report {
  return sampleReport({
    paths,
    risk: { ...BASE.risk, total },
    findings: paths.flatMap((p) =>
      p.steps.map((s) => ({ ...s, likelihood: 0.5, fixes: [], onPath: true, evidence: s.evidence })),
    ),
  });
}

test('the same report diffs to nothing and fails no level', () => {
  const diff = diffReports(BASE, BASE);
  assert.deepEqual(diff.paths, { added: [], removed: [], changed: [] });
  for (const level of ['new-paths', 'new-critical', 'risk-increase'] as const)
    assert.equal(diffFails(diff, level), false);
});

test('a new path to Secrets is new but not critical; one to cluster-admin is both', () => {
  const secrets = newPath('Deployment/a/b#c', 'jewel:secrets/a', 10);
  const admin = newPath('Deployment/a/d#c', 'jewel:cluster-admin', 20);
  const toSecrets = diffReports(BASE, withPaths([BASE_PATH, secrets], BASE.risk.total));
  assert.deepEqual(toSecrets.paths.added, [secrets]);
  assert.equal(diffFails(toSecrets, 'new-paths'), true);
  assert.equal(diffFails(toSecrets, 'new-critical'), false);
  assert.equal(diffFails(toSecrets, 'risk-increase'), false);
  const toAdmin = diffReports(BASE, withPaths([BASE_PATH, secrets, admin], BASE.risk.total + 1));
  assert.deepEqual(toAdmin.paths.added, [admin, secrets], 'highest score first');
  assert.equal(diffFails(toAdmin, 'new-critical'), true);
  assert.equal(diffFails(toAdmin, 'risk-increase'), true);
});

test('a removed path is listed as removed; a rerouted one as changed, not added', () => {
  const rerouted = { ...BASE_PATH, steps: BASE_PATH.steps.slice(1) };
  const diff = diffReports(BASE, withPaths([rerouted], 0));
  assert.deepEqual(diff.paths.added, []);
  assert.equal(diff.paths.changed.length, 1);
  const gone = diffReports(BASE, withPaths([], 0));
  assert.deepEqual(gone.paths.removed, [BASE_PATH]);
  assert.equal(diffFails(gone, 'new-paths'), false);
});

test('a baseline that already has the new path and the higher risk makes nothing new', () => {
  const admin = newPath('Deployment/a/d#c', 'jewel:cluster-admin', 20);
  const head = withPaths([BASE_PATH, admin], BASE.risk.total + 5);
  const baseline = withPaths([admin], BASE.risk.total + 5);
  const diff = diffReports(BASE, head, baseline);
  assert.deepEqual(diff.paths.added, []);
  assert.ok(diff.knownInBaseline >= 1);
  for (const level of ['new-paths', 'new-critical', 'risk-increase'] as const)
    assert.equal(diffFails(diff, level), false, level);
  const other = newPath('Deployment/x/y#c', 'jewel:cluster-admin', 30);
  const more = diffReports(BASE, withPaths([BASE_PATH, admin, other], BASE.risk.total + 9), baseline);
  assert.deepEqual(more.paths.added, [other], 'only what the baseline lacks');
  assert.equal(diffFails(more, 'risk-increase'), true);
});
