// The probe against a real kube-apiserver and etcd on loopback, in four configurations; each must give exactly
// the expected findings. The audit log proves every anonymous request the probe sent was a read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { probe } from '../../src/probe/probe.js';
import type { ProbeResults, ServiceKind } from '../../src/probe/types.js';
import { type ControlPlane, controlPlaneSkipReason, startControlPlane } from '../harness/control-plane.js';
import { startEtcd, type TestEtcd } from './etcd-process.js';
import { opensslAvailable } from './test-pki.js';

const skip = controlPlaneSkipReason() ?? (opensslAvailable() ? undefined : 'openssl is not on PATH');

function probeLoopback(services: Record<number, ServiceKind>): Promise<ProbeResults> {
  const ports = Object.keys(services).map(Number);
  return probe({
    hosts: ['127.0.0.1'],
    ports,
    named: services,
    timeoutMs: 5000,
    concurrency: 4,
    rate: 200,
    targets: ['127.0.0.1'],
    version: 'test',
  });
}

const ids = (results: ProbeResults) => results.findings.map((f) => `${f.id}@${f.port}`);
const apiPort = (cp: ControlPlane) => Number(new URL(cp.url).port);

describe('probe: hardened (anonymous off, etcd with client certificates)', { skip }, () => {
  let cp: ControlPlane;
  let etcd: TestEtcd;
  before(async () => {
    [cp, etcd] = await Promise.all([
      startControlPlane({ controllers: false, apiserverArgs: ['--anonymous-auth=false'] }),
      startEtcd({ tls: true }),
    ]);
  });
  after(async () => Promise.all([cp?.stop(), etcd?.stop()]));

  test('no findings; the API server is identified and etcd refuses the handshake', async () => {
    const results = await probeLoopback({ [apiPort(cp)]: 'apiserver', [etcd.clientPort]: 'etcd' });
    assert.deepEqual(ids(results), []);
    const api = results.results.find((r) => r.port === apiPort(cp));
    assert.equal(api?.service, 'apiserver');
    assert.ok(api?.notes.some((n) => n.includes('anonymous authentication is off')));
    assert.equal(results.results.find((r) => r.port === etcd.clientPort)?.state, 'tls-refused');
  });
});

describe('probe: default API server, then a binding that gives system:anonymous list pods', { skip }, () => {
  let cp: ControlPlane;
  before(async () => {
    cp = await startControlPlane({ controllers: false });
  });
  after(async () => cp?.stop());

  test('default: only system:public-info-viewer, so no anonymous-access finding', async () => {
    const results = await probeLoopback({ [apiPort(cp)]: 'apiserver' });
    assert.deepEqual(ids(results), []);
    assert.equal(results.results[0]?.service, 'apiserver');
  });

  test('with the grant: exactly apiserver-anonymous-access, on pods only', async () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'anon-pods' },
    };
    const rules = [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }];
    const created = await cp.request('admin', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      ...role,
      rules,
    });
    assert.equal(created.status, 201);
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'anon-pods' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'anon-pods' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:anonymous' }],
    };
    const bound = await cp.request(
      'admin',
      'POST',
      '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      binding,
    );
    assert.equal(bound.status, 201);
    const results = await probeLoopback({ [apiPort(cp)]: 'apiserver' });
    assert.deepEqual(ids(results), [`apiserver-anonymous-access@${apiPort(cp)}`]);
    const paths = results.findings[0]?.evidence.map((e) => new URL(e.request.split(' ')[1] ?? '').pathname);
    assert.deepEqual(paths, [
      '/api/v1/pods',
      '/api/v1/namespaces/default/pods',
      '/api/v1/namespaces/kube-system/pods',
    ]);
    assert.ok(results.findings[0]?.evidence.every((e) => e.status === 200));
  });

  test('the audit log shows only reads from anonymous requests', () => {
    const events = readFileSync(cp.auditLogPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { user?: { username?: string }; verb?: string });
    const anonymous = events.filter((e) => e.user?.username === 'system:anonymous');
    assert.ok(anonymous.length > 0, 'the probe reached the API server anonymously');
    assert.deepEqual([...new Set(anonymous.map((e) => e.verb))].sort(), ['get', 'list']);
  });
});

describe('probe: etcd over plain HTTP without client authentication', { skip }, () => {
  let etcd: TestEtcd;
  before(async () => {
    etcd = await startEtcd({ tls: false });
  });
  after(async () => etcd?.stop());

  test('exactly etcd-no-client-auth on the client port and etcd-peer-no-client-auth on the peer port', async () => {
    const results = await probeLoopback({ [etcd.clientPort]: 'etcd', [etcd.peerPort]: 'etcd-peer' });
    const expected = [
      `etcd-no-client-auth@${etcd.clientPort}`,
      `etcd-peer-no-client-auth@${etcd.peerPort}`,
    ].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1]));
    assert.deepEqual(ids(results), expected);
    const read = results.findings.find((f) => f.id === 'etcd-no-client-auth');
    assert.deepEqual(
      read?.evidence.map((e) => [e.request, e.status]),
      [[`POST http://127.0.0.1:${etcd.clientPort}/v3/kv/range`, 200]],
    );
  });
});
