/**
 * What chokepoint.yaml changes, end to end on the bundled example: switching a threat model off moves the one
 * thing, accepted risks remove their edges until they expire, and a workload jewel is reached through its
 * containers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadInput } from '../cli/load.js';
import { parseConfig } from '../config/parse-config.js';
import { buildReport } from '../report/build-report.js';
import { analyze } from './analyze.js';
import { type AnalysisConfig, DEFAULT_CONFIG } from './config.js';

async function scan(yaml: string, now?: string) {
  const parsed = parseConfig(yaml, { file: 'chokepoint.yaml', base: DEFAULT_CONFIG });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
  const config: AnalysisConfig = now === undefined ? parsed.config : { ...parsed.config, now };
  const loaded = await loadInput(['examples/shop'], undefined);
  return buildReport(analyze(loaded.snapshot, config, loaded.builtIn), { version: 'test' });
}

test('switching the credentials threat model off moves the one thing off the leaked-token binding', async () => {
  const all = await scan('');
  const off = await scan('threatModels:\n  credentials: { enabled: false }\n');
  assert.ok(all.oneThing && off.oneThing);
  assert.notEqual(
    `${off.oneThing.remediation} ${off.oneThing.target}`,
    `${all.oneThing.remediation} ${all.oneThing.target}`,
  );
  assert.equal(off.risk.byThreatModel.credentials, 0);
  assert.ok(off.risk.total < all.risk.total);
});

const ACCEPT_ONE_THING = (expires: string) =>
  `acceptedRisks:\n  - { technique: "*", object: "ClusterRoleBinding/ci-deployer", reason: "break-glass", expires: ${expires} }\n`;

test('an accepted risk removes its edges until it expires, and the report says which lapsed', async () => {
  const all = await scan('');
  const accepted = await scan(ACCEPT_ONE_THING('2030-01-01'), '2029-06-01T00:00:00.000Z');
  assert.ok(accepted.risk.total < all.risk.total, 'accepted edges no longer count');
  assert.ok(
    accepted.findings.every((f) => !f.evidence.some((e) => e.ref === 'ClusterRoleBinding/ci-deployer')),
  );
  assert.ok(accepted.assumptions.some((a) => a.startsWith('Accepted until 2030-01-01')));
  const expired = await scan(ACCEPT_ONE_THING('2030-01-01'), '2030-01-02T00:00:00.000Z');
  assert.equal(expired.risk.total, all.risk.total, 'an expired acceptance is ignored');
  assert.ok(expired.assumptions.some((a) => /expired on 2030-01-01, so it is ignored/.test(a)));
});

test('a workload jewel is reached through its containers, and 0 takes a namespace off the jewels', async () => {
  const jewel = await scan('crownJewels:\n  workloads: { Deployment/payments/ledger: 1 }\n');
  assert.ok((jewel.stats.pathsByJewel.workload ?? 0) > 0);
  assert.ok(jewel.paths.some((p) => p.jewel === 'jewel:workload/Deployment/payments/ledger'));
  const noSecrets = await scan('crownJewels:\n  secrets: 0\n');
  assert.equal(noSecrets.stats.pathsByJewel.secrets ?? 0, 0);
});
