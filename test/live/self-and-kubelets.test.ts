/**
 * What a live scan says of itself and of the kubelets, against the real API server. The scanner's identity (a
 * static-token User, then the generated role's ServiceAccount through a token the server issues) is in the
 * report header, the graph (`scanner:<identity>` → Secret hubs) and a fact, and leaves risk, paths and plan as
 * they are. Node objects whose kubelets do not exist (no kubelet runs here) or are too old for `nodes/configz`
 * become exactly one gap per cause, and the scan still gives a plan.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Snapshot } from '../../src/collect/snapshot.js';
import type { Report } from '../../src/report/contract.js';
import {
  type ControlPlane,
  controlPlaneSkipReason,
  repoRoot,
  startControlPlane,
} from '../harness/control-plane.js';
import { applyUnit, comparable, kubectl, liveSnapshot, reportOf } from './live-helpers.js';

const skip = controlPlaneSkipReason();
let cp: ControlPlane;

before(async () => {
  if (skip !== undefined) return;
  cp = await startControlPlane({ users: { chokepoint: [] } });
  const root = repoRoot();
  await applyUnit(cp, [
    join(root, 'examples', 'shop'),
    join(root, 'examples', 'rbac', 'chokepoint-rbac.yaml'),
  ]);
  const bind = `{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"test-chokepoint"},
"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"chokepoint-scanner"},
"subjects":[{"kind":"User","name":"chokepoint","apiGroup":"rbac.authorization.k8s.io"}]}`;
  const r = kubectl(cp, ['apply', '-f', '-'], 'admin', bind);
  assert.equal(r.status, 0, r.stderr);
});
after(async () => {
  await cp?.stop();
});

/** The same snapshot as if read from files: no scanner. */
function withoutScanner(snapshot: Snapshot): Snapshot {
  const { scanner: _s, scannerIdentity: _i, ...rest } = snapshot;
  return rest;
}

function assertScannerShown(report: Report, identity: string): void {
  assert.equal(report.source.identity, identity);
  const edges = report.findings.filter((f) => f.technique === 'scanner-access');
  assert.deepEqual(
    edges.map((f) => `${f.from} -> ${f.to}`),
    [`scanner:${identity} -> hub:read-secrets/*`],
    'the generated role lists Secrets cluster-wide',
  );
  assert.ok(edges.every((f) => !f.onPath && f.fixes.length === 0));
  const fact = report.facts.find((f) => f.fact === 'scanner-identity');
  assert.equal(fact?.object, identity);
  assert.match(
    fact?.says ?? '',
    new RegExp(`^chokepoint runs as ${identity}.*; it can list Secrets in (\\d+) of \\1 namespaces`),
  );
}

test('a User scan names its identity in header, graph and facts, and changes no risk, path or plan', {
  skip,
}, async () => {
  const snapshot = await liveSnapshot(cp, 'chokepoint');
  assert.equal(snapshot.scannerIdentity?.username, 'chokepoint');
  const live = await reportOf(snapshot);
  assertScannerShown(live, 'User/chokepoint');
  const plain = await reportOf(withoutScanner(snapshot));
  assert.deepEqual(live.risk, plain.risk);
  assert.deepEqual(live.plan, plain.plan);
  assert.deepEqual(comparable(live), comparable(plain));
});

test('a ServiceAccount scan (the CronJob case) is that ServiceAccount', { skip }, async () => {
  const token = kubectl(cp, ['create', 'token', 'chokepoint-scanner', '-n', 'chokepoint']);
  assert.equal(token.status, 0, token.stderr);
  const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-sa-')), 'kubeconfig.json');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server: cp.url, 'certificate-authority': cp.caFile } }],
    users: [{ name: 'sa', user: { token: token.stdout.trim() } }],
    contexts: [{ name: 'sa', context: { cluster: 'test', user: 'sa' } }],
    'current-context': 'sa',
  };
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  const { collectLive } = await import('../../src/collect/live/collect-live.js');
  const result = await collectLive({ kubeconfig: file });
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.deepEqual(result.snapshot.gaps, [], 'the generated role reads everything');
  assertScannerShown(await reportOf(result.snapshot), 'ServiceAccount/chokepoint/chokepoint-scanner');
});

test('Nodes without a reachable kubelet, or with a kubelet older than nodes/configz, are gaps, not silence', {
  skip,
}, async () => {
  const node = (name: string, version: string, port: number) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'node.kubernetes.io/pool': name } },
      status: {
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        daemonEndpoints: { kubeletEndpoint: { Port: port } },
        nodeInfo: { kubeletVersion: version },
      },
    });
  for (const manifest of [node('worker-new', 'v1.36.0', 9), node('worker-old', 'v1.31.2', 9)]) {
    const r = kubectl(cp, ['create', '-f', '-'], 'admin', manifest);
    assert.equal(r.status, 0, r.stderr);
  }
  try {
    const snapshot = await liveSnapshot(cp, 'chokepoint');
    assert.deepEqual(
      snapshot.gaps.map((g) => [g.kind, g.where]),
      [
        ['unreadable', 'kubelet configuration of 1 node (worker-new)'],
        ['not-found', 'kubelet configuration of 1 node (worker-old)'],
      ],
    );
    assert.match(snapshot.gaps[1]!.message, /kubelet 1\.31 has no nodes\/configz/);
    assert.match(snapshot.gaps[0]!.message, /no answer from https:\/\/127\.0\.0\.1:9/);
    assert.ok(snapshot.objects.every((o) => o.kind !== 'KubeletConfiguration'));
    assert.ok((await reportOf(snapshot)).plan.length > 0);
  } finally {
    kubectl(cp, ['delete', 'node', 'worker-new', 'worker-old', '--wait=false']);
  }
});
