/**
 * Read-only and least privilege, proven by the API server itself. A scan as a user bound to exactly the
 * generated role (examples/rbac) reads everything (no gaps), and the Metadata-level audit log shows it sent at
 * least one list per kind and namespace it had to list, and no verb but get, list, watch, and create of access
 * reviews. Users who cannot list Secrets, or can read only some namespaces, get exactly those gaps and a plan.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LIVE_KINDS } from '../../src/collect/live/kinds.js';
import { CLI, REPO_ROOT } from '../e2e/run-cli.js';
import {
  type ControlPlane,
  controlPlaneSkipReason,
  repoRoot,
  startControlPlane,
} from '../harness/control-plane.js';
import { applyUnit, kubectl, liveSnapshot, reportOf } from './live-helpers.js';

const skip = controlPlaneSkipReason();
let cp: ControlPlane;
const CLUSTER_SCOPED = LIVE_KINDS.filter((k) => !k.namespaced).map((k) => k.plural);
const READABLE = ['ci', 'shop'];
const REVIEW_KINDS = new Set([
  'selfsubjectreviews',
  'selfsubjectrulesreviews',
  'subjectaccessreviews',
  'selfsubjectaccessreviews',
]);

const bind = (user: string, role: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: test-${user}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: [{kind: User, name: ${user}, apiGroup: rbac.authorization.k8s.io}]
`;

before(async () => {
  if (skip !== undefined) return;
  cp = await startControlPlane({ users: { chokepoint: [], nosecrets: [], partial: [] } });
  const root = repoRoot();
  await applyUnit(cp, [
    join(root, 'examples', 'shop'),
    join(root, 'examples', 'rbac', 'chokepoint-rbac.yaml'),
  ]);
  // nosecrets: the generated role without secrets; partial: list everything, but only in shop and ci.
  const role = JSON.parse(kubectl(cp, ['get', 'clusterrole', 'chokepoint-scanner', '-o', 'json']).stdout) as {
    rules: { resources: string[] }[];
  };
  const noSecrets = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'test-no-secrets' },
    rules: role.rules.map((r) => ({ ...r, resources: r.resources.filter((x) => x !== 'secrets') })),
  };
  const manifests = [
    JSON.stringify(noSecrets),
    bind('chokepoint', 'chokepoint-scanner'),
    bind('nosecrets', 'test-no-secrets'),
    JSON.stringify({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'test-cluster-scoped' },
      rules: [{ apiGroups: ['', 'rbac.authorization.k8s.io'], resources: CLUSTER_SCOPED, verbs: ['list'] }],
    }),
    bind('partial', 'test-cluster-scoped'),
    ...READABLE.map(
      (
        ns,
      ) => `{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"partial","namespace":"${ns}"},
"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"chokepoint-scanner"},
"subjects":[{"kind":"User","name":"partial","apiGroup":"rbac.authorization.k8s.io"}]}`,
    ),
  ];
  for (const manifest of manifests) {
    const r = kubectl(cp, ['apply', '-f', '-'], 'admin', manifest);
    assert.equal(r.status, 0, r.stderr);
  }
});
after(async () => {
  await cp?.stop();
});

interface AuditEvent {
  readonly stage: string;
  readonly verb: string;
  readonly user: { readonly username: string };
  readonly objectRef?: { readonly resource?: string };
}

test('a scan as exactly the generated role has no gaps, and sends only reads and access reviews', {
  skip,
}, async () => {
  let lists = 0;
  const snapshot = await liveSnapshot(cp, 'chokepoint', {
    onRequest: (method) => {
      if (method === 'GET') lists++;
    },
  });
  assert.deepEqual(snapshot.gaps, []);
  const report = await reportOf(snapshot);
  assert.ok(report.plan.length > 0);
  const events = readFileSync(cp.auditLogPath, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEvent)
    .filter((e) => e.user.username === 'chokepoint' && e.stage === 'ResponseComplete');
  const namespaces = snapshot.objects.filter((o) => o.kind === 'Namespace').length;
  // Every kind once cluster-wide, plus Secrets per namespace (Tables of names): kinds × namespaces listed.
  const needed = LIVE_KINDS.length + namespaces;
  assert.ok(events.length >= needed, `${events.length} audited requests, expected at least ${needed}`);
  assert.ok(lists >= needed);
  const verbs = new Set(
    events.map((e) => `${e.verb}${e.verb === 'create' ? ` ${e.objectRef?.resource}` : ''}`),
  );
  for (const verb of verbs) {
    const [name, resource] = verb.split(' ');
    assert.ok(
      name === 'get' ||
        name === 'list' ||
        name === 'watch' ||
        (name === 'create' && REVIEW_KINDS.has(resource ?? '')),
      `the scanner sent ${verb}`,
    );
  }
  process.stderr.write(
    `# audit verbs of the scanner: ${[...verbs].sort().join(', ')}; ${events.length} requests\n`,
  );
});

test('a user who cannot list Secrets gets exactly that gap, and still a plan', { skip }, async () => {
  const snapshot = await liveSnapshot(cp, 'nosecrets');
  assert.deepEqual(
    snapshot.gaps.map((g) => [g.kind, g.where.split(' (')[0]]),
    [['forbidden', `secrets in ${snapshot.objects.filter((o) => o.kind === 'Namespace').length} namespaces`]],
  );
  assert.match(snapshot.gaps[0]?.message ?? '', /forbidden — findings that need them may be missing/);
  assert.ok((await reportOf(snapshot)).plan.length > 0);
});

test('a user who can read only some namespaces gets exactly the others as gaps, and still a plan', {
  skip,
}, async () => {
  const snapshot = await liveSnapshot(cp, 'partial');
  const namespaces = snapshot.objects.filter((o) => o.kind === 'Namespace').map((o) => o.name);
  const others = namespaces.filter((ns) => !READABLE.includes(ns)).sort();
  const expected = LIVE_KINDS.filter((k) => k.namespaced)
    .map(
      (k) =>
        `${k.plural} in ${others.length} namespaces (${others.slice(0, 5).join(', ')}, and ${others.length - 5} more)`,
    )
    .sort();
  assert.ok(others.length > 5);
  assert.deepEqual(
    snapshot.gaps.map((g) => g.where),
    expected,
  );
  assert.ok(snapshot.gaps.every((g) => g.kind === 'forbidden'));
  assert.ok(snapshot.objects.some((o) => o.namespace === 'shop' && o.kind === 'Deployment'));
  assert.ok((await reportOf(snapshot)).plan.length > 0);
});

test('chokepoint snapshot -o FILE, then scan FILE, gives the live scan byte for byte', { skip }, () => {
  const kubeconfig = cp.kubeconfigFor('chokepoint');
  const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-snapshot-')), 'snap.json');
  const cli = (args: readonly string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  assert.equal(cli(['snapshot', '--kubeconfig', kubeconfig, '-o', file]).status, 0);
  const live = cli(['scan', '--kubeconfig', kubeconfig, '--format', 'json']);
  const offline = cli(['scan', file, '--format', 'json']);
  assert.equal(offline.status, live.status, offline.stderr);
  assert.ok(live.stdout.includes('"type": "cluster"'));
  assert.equal(offline.stdout, live.stdout);
});
