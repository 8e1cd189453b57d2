import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { parseConfig } from './parse-config.js';

const parse = (text: string) => parseConfig(text, { file: 'chokepoint.yaml', base: DEFAULT_CONFIG });

function problems(text: string): readonly string[] {
  const parsed = parse(text);
  assert.equal(parsed.ok, false, 'the config should be rejected');
  return parsed.ok ? [] : parsed.problems;
}

test('an empty file is the defaults', () => {
  const parsed = parse('');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.config, DEFAULT_CONFIG);
});

test('the documented example parses, and every section lands in the config', () => {
  const parsed = parse(readFileSync('examples/chokepoint.yaml', 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
  const { config } = parsed;
  assert.deepEqual(config.leakedCredentials, ['ServiceAccount/ci/deployer']);
  assert.equal(config.jewelOverrides.secrets.sandbox, 0);
  assert.equal(config.jewelOverrides.workloads['Deployment/payments/ledger'], 0.9);
  assert.equal(config.jewelOverrides.nodeRoot['control-plane'], 1);
  assert.equal(config.acceptedRisks[0]?.technique, 'exposed-workload');
  assert.equal(config.acceptedRisks[0]?.expires, '2026-12-31');
  assert.equal(config.model.defaultPsaLevel, 'privileged');
  assert.equal(config.model.networkPolicyEnforced, true);
  assert.equal(config.assumedPolicies.length, 1);
});

test('switching a threat model off and weighting another keeps the rest', () => {
  const parsed = parse('threatModels:\n  external: { enabled: false }\n  container:\n    weight: 30\n');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.config.threatModels, {
    external: { enabled: false, weight: 100 },
    container: { enabled: true, weight: 30 },
    credentials: { enabled: true, weight: 100 },
  });
});

test('a bad value names its line, its key, the allowed values and what it got', () => {
  assert.deepEqual(problems('threatModels:\n  external:\n    weight: high\n'), [
    'chokepoint.yaml:3: threatModels.external.weight: must be a number from 0 to 1000 — got "high"',
  ]);
  assert.deepEqual(problems('admission:\n  podSecurityDefault: strict\n'), [
    'chokepoint.yaml:2: admission.podSecurityDefault: must be one of: privileged, baseline, restricted — got "strict"',
  ]);
});

test('unknown keys list the allowed ones; every problem is reported at once', () => {
  const found = problems('threatModel: {}\ncrownJewels:\n  clusterAdmin: 2\n');
  assert.equal(found.length, 2);
  assert.match(found[0]!, /^chokepoint\.yaml:1: threatModel: unknown key — use one of: threatModels, /);
  assert.match(
    found[1]!,
    /^chokepoint\.yaml:3: crownJewels\.clusterAdmin: must be a number from 0 to 1 — got 2$/,
  );
});

test('identity refs, workload refs, techniques and expiry dates are checked', () => {
  const found = problems(
    [
      'leakedCredentials: [alice]',
      'crownJewels:',
      '  workloads: { ledger: 1 }',
      'acceptedRisks:',
      '  - { technique: no-such-technique, object: "Service/*/web", reason: r, expires: someday }',
    ].join('\n'),
  );
  assert.equal(found.length, 4, found.join('\n'));
  assert.match(found[0]!, /leakedCredentials\.0: must be an identity ref/);
  assert.match(found[1]!, /crownJewels\.workloads\.ledger: must be a workload ref/);
  assert.match(found[2]!, /acceptedRisks\.0\.technique: must be one of: \*, /);
  assert.match(found[3]!, /acceptedRisks\.0\.expires: must be a date, YYYY-MM-DD/);
});

test('broken YAML is a problem with its line', () => {
  const found = problems('threatModels:\n  external: [\n');
  assert.match(found[0]!, /^chokepoint\.yaml:\d+: .* — fix the YAML/);
});
