import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadInput } from '../cli/load.js';
import type { ScannerAccess, Snapshot } from '../collect/snapshot.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { analyze } from '../prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { buildReport } from '../report/build-report.js';
import { findFacts } from './facts.js';
import { scannerAccess } from './scanner-access.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LIST_SECRETS = { verbs: ['list'], apiGroups: [''], resources: ['secrets'] };
const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** A live-like snapshot: the objects, a review per namespace with the given rules, and the identity. */
function live(rules: Readonly<Record<string, readonly unknown[]>>, username?: string): Snapshot {
  const base = snapshotOf(Object.keys(rules).map(namespace));
  const scanner: ScannerAccess[] = Object.entries(rules).map(([ns, resourceRules]) => ({
    namespace: ns,
    incomplete: false,
    resourceRules,
    nonResourceRules: [],
  }));
  return {
    ...base,
    source: { type: 'cluster', server: 'https://127.0.0.1:6443' },
    scanner,
    ...(username === undefined ? {} : { scannerIdentity: { username, groups: ['system:authenticated'] } }),
  };
}

const edgesOf = (snapshot: Snapshot) =>
  scannerAccess.find(buildModel(snapshot)).map((e) => `${e.from} -> ${e.to}`);

test('scanner-access: a ServiceAccount that lists Secrets in some namespaces reaches those hubs, with no fix', () => {
  const snapshot = live(
    { a: [LIST_SECRETS], b: [{ ...LIST_SECRETS, verbs: ['*'] }], c: [] },
    'system:serviceaccount:ops:scan',
  );
  assert.deepEqual(edgesOf(snapshot), [
    'scanner:ServiceAccount/ops/scan -> hub:read-secrets/a',
    'scanner:ServiceAccount/ops/scan -> hub:read-secrets/b',
  ]);
  assert.ok(scannerAccess.find(buildModel(snapshot)).every((e) => e.fixes.length === 0));
});

test('scanner-access: listing Secrets in every namespace is one edge to every namespace', () => {
  const everywhere = { verbs: ['get', 'list'], apiGroups: ['*'], resources: ['*'] };
  assert.deepEqual(edgesOf(live({ a: [everywhere], b: [everywhere] }, 'alice')), [
    'scanner:User/alice -> hub:read-secrets/*',
  ]);
});

test('scanner-access: near misses — get only, named Secrets only, another group, a file scan', () => {
  const near = [
    { ...LIST_SECRETS, verbs: ['get'] },
    { ...LIST_SECRETS, resourceNames: ['one'] },
    { ...LIST_SECRETS, apiGroups: ['apps'] },
    { ...LIST_SECRETS, resources: ['secrets/status'] },
  ];
  assert.deepEqual(edgesOf(live({ a: near }, 'alice')), []);
  assert.deepEqual(edgesOf(snapshotOf([namespace('a')])), []);
});

test('scanner-identity fact: names the identity, its groups and the Secrets it can list', () => {
  const facts = findFacts(buildModel(live({ a: [LIST_SECRETS], b: [] }, 'alice')));
  const fact = facts.find((f) => f.fact === 'scanner-identity');
  assert.equal(fact?.object, 'User/alice');
  assert.equal(
    fact?.says,
    'chokepoint runs as User/alice (groups system:authenticated); it can list Secrets in 1 of 2 namespaces (a)',
  );
  const unknown = findFacts(buildModel(live({ a: [] })));
  assert.match(
    unknown.find((f) => f.fact === 'scanner-identity')?.says ?? '',
    /User\/\(unknown\); it cannot list Secrets/,
  );
  assert.equal(
    findFacts(buildModel(snapshotOf([namespace('a')]))).filter((f) => f.fact === 'scanner-identity').length,
    0,
  );
});

test('the scanner adds no risk, no path and no plan item, even as an identity that has paths of its own', async () => {
  const loaded = await loadInput([join(REPO_ROOT, 'examples', 'shop')], '1.36');
  const config = { ...DEFAULT_CONFIG, now: '2026-01-01T00:00:00.000Z' } as typeof DEFAULT_CONFIG;
  const namespaces = loaded.snapshot.objects.filter((o) => o.kind === 'Namespace').map((o) => o.name);
  const withScanner: Snapshot = {
    ...loaded.snapshot,
    scanner: namespaces.map((ns) => ({
      namespace: ns,
      incomplete: false,
      resourceRules: [LIST_SECRETS],
      nonResourceRules: [],
    })),
    scannerIdentity: { username: 'system:serviceaccount:ci:deployer', groups: [] },
  };
  const report = (snapshot: Snapshot) =>
    buildReport(analyze(snapshot, config, loaded.builtIn), { version: 'test' });
  const before = report(loaded.snapshot);
  const after = report(withScanner);
  assert.ok(after.findings.some((f) => f.technique === 'scanner-access' && !f.onPath));
  assert.equal(after.source.type, before.source.type);
  assert.deepEqual(after.risk, before.risk);
  assert.deepEqual(after.plan, before.plan);
  assert.deepEqual(after.paths, before.paths);
  assert.deepEqual(
    after.findings.filter((f) => f.technique !== 'scanner-access'),
    before.findings,
  );
});
