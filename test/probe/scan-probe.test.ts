// scan --probe-results: what the probe saw open becomes external entries and raises the external risk; the
// report names the probed door as the entry. Broken results files are usage errors that say what to do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROBE_FINDINGS } from '../../src/probe/catalogue.js';
import type { ProbeFindingId, ProbeResults } from '../../src/probe/types.js';
import { repoRoot } from '../harness/control-plane.js';

const root = repoRoot();
const main = join(root, 'dist', 'src', 'cli', 'main.js');
const shop = join(root, 'examples', 'shop');

interface Report {
  risk: { byThreatModel: { external: number } };
  paths: { threatModel: string; entry: string; jewel: string }[];
}

function scan(args: string[]): { status: number | null; report?: Report; stderr: string } {
  const r = spawnSync(process.execPath, [main, 'scan', shop, '--format', 'json', ...args], {
    encoding: 'utf8',
  });
  return {
    status: r.status,
    stderr: r.stderr,
    ...(r.status === 0 ? { report: JSON.parse(r.stdout) as Report } : {}),
  };
}

function resultsWith(ids: ProbeFindingId[]): string {
  const results: ProbeResults = {
    schemaVersion: 1,
    tool: { name: 'chokepoint', version: 'test' },
    targets: ['192.0.2.10'],
    ports: [2379, 6443],
    results: [],
    findings: ids.map((id) => ({
      id,
      severity: PROBE_FINDINGS[id].severity,
      host: '192.0.2.10',
      port: id.startsWith('etcd') ? 2379 : 6443,
      title: PROBE_FINDINGS[id].title,
      evidence: [{ request: 'POST http://192.0.2.10:2379/v3/kv/range', status: 200, meaning: 'test' }],
      fix: PROBE_FINDINGS[id].fix,
    })),
  };
  const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-probe-scan-')), 'probe.json');
  writeFileSync(file, JSON.stringify(results));
  return file;
}

test('open etcd from a probe is an external entry at cluster-admin and raises external risk', () => {
  const before = scan([]);
  const after = scan(['--probe-results', resultsWith(['etcd-no-client-auth'])]);
  assert.equal(after.status, 0, after.stderr);
  assert.ok(
    (after.report?.risk.byThreatModel.external ?? 0) > (before.report?.risk.byThreatModel.external ?? 0),
    'external risk rises',
  );
  assert.ok(
    after.report?.paths.some((p) => p.threatModel === 'external' && p.entry === 'jewel:cluster-admin'),
    'a path starts at cluster-admin itself',
  );
  assert.ok(!before.report?.paths.some((p) => p.entry === 'jewel:cluster-admin'));
});

test('findings that only leak information add no entry', () => {
  const before = scan([]);
  const after = scan([
    '--probe-results',
    resultsWith(['tls-san-internal-names', 'kube-proxy-metrics-exposed']),
  ]);
  assert.equal(after.status, 0, after.stderr);
  assert.equal(after.report?.risk.byThreatModel.external, before.report?.risk.byThreatModel.external);
});

test('a file that is not probe results is a usage error naming the file and the fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-probe-bad-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"schemaVersion": 7}');
  const r = scan(['--probe-results', bad]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.json: not probe results of schema version 1 — write it with chokepoint probe/);
});
