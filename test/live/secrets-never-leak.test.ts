/**
 * Secrets never leak. Three canaries: one in a Secret created with client-side `kubectl apply` (so it also
 * sits in the last-applied annotation), one in an env literal, one in a ConfigMap. The Secret canary must never
 * reach the bytes the client received (captured at the client's transport, after TLS, before parsing), nor any
 * report format, the snapshot file or stderr. The env and ConfigMap canaries cross the wire (their names are
 * judged, so the objects are read whole) but only reach outputs as redacted facts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { CLI, REPO_ROOT } from '../e2e/run-cli.js';
import { type ControlPlane, controlPlaneSkipReason, startControlPlane } from '../harness/control-plane.js';
import { kubectl, liveSnapshot } from './live-helpers.js';

const skip = controlPlaneSkipReason();
let cp: ControlPlane;
const canary = (what: string) => `canary-${what}-${randomBytes(12).toString('hex')}`;
const SECRET = canary('secret');
const ENV = canary('env');
const CONFIG = canary('configmap');

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: {name: vault}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: vault}
stringData: {password: ${SECRET}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: vault}
data: {DB_PASSWORD: ${CONFIG}}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: vault}
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      env: [{name: API_TOKEN, value: ${ENV}}]
`;

before(async () => {
  if (skip !== undefined) return;
  cp = await startControlPlane();
  const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-canary-')), 'canaries.yaml');
  writeFileSync(file, MANIFESTS);
  // Client-side apply: kubectl writes the whole object, values included, into last-applied-configuration.
  const applied = kubectl(cp, ['apply', '-f', file]);
  assert.equal(applied.status, 0, applied.stderr);
  const secret = kubectl(cp, ['get', 'secret', 'db', '-n', 'vault', '-o', 'json']);
  assert.ok(secret.stdout.includes(SECRET), 'the canary is in the last-applied annotation on the server');
});
after(async () => {
  await cp?.stop();
});

test('the Secret canary never crosses the wire to the client', { skip }, async () => {
  const received: Buffer[] = [];
  const snapshot = await liveSnapshot(cp, 'admin', { onBytes: (chunk) => received.push(Buffer.from(chunk)) });
  const bytes = Buffer.concat(received).toString('latin1');
  assert.ok(bytes.length > 10_000, 'the capture holds the lists');
  assert.ok(!bytes.includes(SECRET), 'Secret canary received');
  assert.ok(bytes.includes(ENV) && bytes.includes(CONFIG), 'the capture is of the real answers');
  assert.ok(
    snapshot.objects.some((o) => o.ref === 'Secret/vault/db'),
    'the Secret itself is known',
  );
});

test('no canary value reaches any report format, the snapshot file or stderr', { skip }, () => {
  const kubeconfig = cp.kubeconfigFor('admin');
  const outputs: string[] = [];
  for (const format of REPORT_FORMATS) {
    const r = run(['scan', '--kubeconfig', kubeconfig, '--format', format]);
    assert.ok(r.status === 0 || r.status === 1, `${format}: exit ${r.status}: ${r.stderr}`);
    outputs.push(r.stdout, r.stderr);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-snap-')), 'snap.json');
  const snap = run(['snapshot', '--kubeconfig', kubeconfig, '-o', file]);
  assert.equal(snap.status, 0, snap.stderr);
  outputs.push(readFileSync(file, 'utf8'), snap.stderr);
  for (const text of outputs) for (const value of [SECRET, ENV, CONFIG]) assert.ok(!text.includes(value));
  const report = JSON.parse(outputs[REPORT_FORMATS.indexOf('json') * 2] ?? '{}') as {
    facts: { fact: string; object: string }[];
  };
  const facts = report.facts.map((f) => `${f.fact} ${f.object}`);
  assert.ok(facts.includes('credential-in-env Pod/vault/app#app'), facts.join('\n'));
  assert.ok(facts.includes('credential-in-configmap ConfigMap/vault/settings'), facts.join('\n'));
});

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
