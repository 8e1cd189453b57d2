// The live control plane works end to end: one start for the whole file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type ControlPlane, controlPlaneSkipReason, startControlPlane } from '../harness/control-plane.js';

const skip = controlPlaneSkipReason();
if (skip) console.log(`# control-plane smoke tests skipped: ${skip}`);

let cp: ControlPlane;
const ns = 'smoke';

before(async () => {
  if (!skip) cp = await startControlPlane({ controllers: true });
});
after(async () => {
  await cp?.stop();
});

interface Status {
  status: { allowed: boolean; reason?: string };
}

test('/readyz is ok and /version is the built release', { skip }, async () => {
  const ready = await cp.request({ anonymous: true }, 'GET', '/readyz');
  assert.equal(ready.status, 200);
  assert.equal(ready.text, 'ok');
  const version = await cp.request<{ gitVersion: string }>('admin', 'GET', '/version');
  assert.equal(version.json.gitVersion, `v${cp.version}`);
});

test('admin (system:masters) creates a namespace', { skip }, async () => {
  const r = await cp.request('admin', 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  assert.equal(r.status, 201, r.text);
});

test('SubjectAccessReview: alice may not list secrets, a system:masters user may', { skip }, async () => {
  const sar = (user: string, groups: string[]) =>
    cp.request<Status>('admin', 'POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user, groups, resourceAttributes: { namespace: ns, verb: 'list', resource: 'secrets' } },
    });
  const alice = await sar('alice', ['system:authenticated']);
  assert.equal(alice.status, 201, alice.text);
  assert.equal(alice.json.status.allowed, false);
  const master = await sar('someone', ['system:masters']);
  assert.equal(master.json.status.allowed, true);
  // And the real request agrees.
  const direct = await cp.request('alice', 'GET', `/api/v1/namespaces/${ns}/secrets`);
  assert.equal(direct.status, 403);
});

test('TokenRequest mints a ServiceAccount token that authenticates with the SA groups', {
  skip,
}, async () => {
  const sa = await cp.request('admin', 'POST', `/api/v1/namespaces/${ns}/serviceaccounts`, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'robot' },
  });
  assert.equal(sa.status, 201, sa.text);
  const tr = await cp.request<{ status: { token: string } }>(
    'admin',
    'POST',
    `/api/v1/namespaces/${ns}/serviceaccounts/robot/token`,
    { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } },
  );
  assert.equal(tr.status, 201, tr.text);
  const token = tr.json.status.token;
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
    iss: string;
  };
  assert.equal(claims.iss, cp.serviceAccountIssuer);
  const who = await cp.request<{ status: { userInfo: { username: string; groups: string[] } } }>(
    { token },
    'POST',
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  );
  assert.equal(who.status, 201, who.text);
  assert.equal(who.json.status.userInfo.username, `system:serviceaccount:${ns}:robot`);
  assert.deepEqual(
    [...who.json.status.userInfo.groups].sort(),
    ['system:authenticated', 'system:serviceaccounts', `system:serviceaccounts:${ns}`].sort(),
  );
});

test('the controller manager fills in aggregated roles and default ServiceAccounts', { skip }, async () => {
  for (const name of ['admin', 'edit', 'view']) {
    const r = await cp.request<{ rules: unknown[] }>(
      'admin',
      'GET',
      `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`,
    );
    assert.equal(r.status, 200);
    assert.ok(r.json.rules.length > 0, `${name} has no rules`);
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await cp.request('admin', 'GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`);
    if (r.status === 200) break;
    assert.ok(Date.now() < deadline, 'no default ServiceAccount in the new namespace');
    await new Promise((res) => setTimeout(res, 200));
  }
});

test('kubeconfigFor() works with kubectl', { skip }, async (t) => {
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status !== 0) {
    t.skip('kubectl not installed');
    return;
  }
  const kubectl = (user: string, ...args: string[]) =>
    spawnSync('kubectl', ['--kubeconfig', cp.kubeconfigFor(user), ...args], { encoding: 'utf8' });
  const can = kubectl('alice', 'auth', 'can-i', 'list', 'secrets', '-n', ns);
  assert.equal(can.stdout.trim(), 'no', can.stderr);
  const get = kubectl('admin', 'get', 'namespace', ns, '-o', 'name');
  assert.equal(get.stdout.trim(), `namespace/${ns}`, get.stderr);
});

test('the audit log records requests at Metadata level', { skip }, () => {
  const events = readFileSync(cp.auditLogPath, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map(
      (l) =>
        JSON.parse(l) as {
          level: string;
          verb: string;
          user: { username: string };
          objectRef?: { resource?: string; name?: string };
        },
    );
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.level === 'Metadata'));
  assert.ok(
    events.some(
      (e) =>
        e.verb === 'create' &&
        e.user.username === 'admin' &&
        e.objectRef?.resource === 'namespaces' &&
        e.objectRef.name === ns,
    ),
    'no audit event for the namespace creation',
  );
});

test('resetNamespaces() deletes the namespace and its contents', { skip }, async () => {
  // A pod bound to a node that has no kubelet would block a plain namespace deletion.
  const pod = await cp.request('admin', 'POST', `/api/v1/namespaces/${ns}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'stuck' },
    spec: { nodeName: 'no-such-node', containers: [{ name: 'c', image: 'registry.invalid/none' }] },
  });
  assert.equal(pod.status, 201, pod.text);
  await cp.resetNamespaces();
  const r = await cp.request('admin', 'GET', `/api/v1/namespaces/${ns}`);
  assert.equal(r.status, 404);
  for (const keep of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    assert.equal((await cp.request('admin', 'GET', `/api/v1/namespaces/${keep}`)).status, 200);
  }
});

test('stop() leaves no process and no files behind', { skip }, async () => {
  const { pids, workDir } = cp;
  assert.ok(Object.keys(pids).length === 3, JSON.stringify(pids));
  await cp.stop();
  for (const [name, pid] of Object.entries(pids)) {
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, `${name} (pid ${pid}) still running`);
  }
  const pgrep = spawnSync('pgrep', ['-f', workDir], { encoding: 'utf8' });
  assert.equal(pgrep.stdout.trim(), '', `processes still running for ${workDir}`);
  assert.equal(existsSync(workDir), false);
});
