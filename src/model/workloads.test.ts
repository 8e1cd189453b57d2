import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/model/${name}`, import.meta.url), 'utf8');

test('a kubectl get -A dump collapses Deployment + ReplicaSets + Pods, CronJob + Job + Pod, DaemonSet + Pod', () => {
  const model = buildModel(snapshotOf([fixture('kubectl-get-all.yaml')]));
  assert.deepEqual(
    model.workloads.map((w) => w.ref),
    [
      'CronJob/ops/backup',
      'DaemonSet/kube-system/agent',
      'Deployment/shop/web',
      'Pod/kube-system/mirror-kube-apiserver',
      'Pod/shop/orphan-of-deleted-rs',
      'Pod/shop/uid-mismatch',
    ],
  );
  const web = model.workload('Deployment/shop/web');
  assert.deepEqual(web?.podSpecPath, ['spec', 'template', 'spec']);
  assert.deepEqual(web?.podLabels, { app: 'web' });
  assert.equal(web?.serviceAccountName, 'web');
  assert.equal(web?.containers.length, 1, 'replicas never multiply containers');
  assert.deepEqual(model.workload('CronJob/ops/backup')?.podSpecPath, [
    'spec',
    'jobTemplate',
    'spec',
    'template',
    'spec',
  ]);
  assert.deepEqual(model.workload('Pod/shop/uid-mismatch')?.podSpecPath, ['spec']);
});

test('live pods place their top owner on the pools of their nodes', () => {
  const model = buildModel(snapshotOf([fixture('kubectl-get-all.yaml')]));
  assert.deepEqual(model.poolsOf('Deployment/shop/web'), ['pool-1', 'pool-2']);
  assert.deepEqual(model.poolsOf('CronJob/ops/backup'), ['pool-1']);
  assert.deepEqual(model.poolsOf('Pod/kube-system/mirror-kube-apiserver'), ['control-plane']);
  assert.equal(model.workload('Pod/kube-system/mirror-kube-apiserver')?.nodeName, 'cp-1');
  // No nodeName and no tolerations: any untainted pool.
  assert.deepEqual(model.poolsOf('Pod/shop/orphan-of-deleted-rs'), ['pool-1', 'pool-2']);
});

test('a hand-written ownerReference without controller: true still collapses', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', namespace: 'd' },
        spec: { template: { spec: { containers: [{ name: 'pg' }] } } },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'db-0', namespace: 'd', ownerReferences: [{ kind: 'StatefulSet', name: 'db' }] },
        spec: { containers: [{ name: 'pg' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'db-0',
          namespace: 'other',
          ownerReferences: [{ kind: 'StatefulSet', name: 'db' }],
        },
        spec: { containers: [{ name: 'pg' }] },
      },
    ]),
  );
  assert.deepEqual(
    model.workloads.map((w) => w.ref),
    ['Pod/other/db-0', 'StatefulSet/d/db'],
  );
});

function podWith(spec: Record<string, unknown>, annotations: Record<string, string> = {}): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', annotations }, spec };
}

test('containers: init and ephemeral containers with their own index; env secrets and credential-like names', () => {
  const model = buildModel(
    snapshotOf([
      podWith({
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [
          {
            name: 'app',
            image: 'app:1',
            ports: [
              { containerPort: 80, hostPort: 8080 },
              { containerPort: 9090, name: 'metrics', protocol: 'UDP' },
            ],
            env: [
              { name: 'DB_PASSWORD', value: '(redacted)' },
              { name: 'API_KEY_FILE', value: '/etc/key' },
              { name: 'GITHUB_TOKEN', valueFrom: { secretKeyRef: { name: 'gh', key: 't' } } },
              { name: 'client-secret', value: '(redacted)' },
              { name: 'EMPTY_TOKEN', value: '' },
              { name: 'LOG_LEVEL', value: 'debug' },
            ],
            envFrom: [{ secretRef: { name: 'bulk' } }, { configMapRef: { name: 'cm' } }],
            resources: { limits: { cpu: '1', memory: '1Gi' } },
          },
        ],
        ephemeralContainers: [{ name: 'debug', image: 'busybox', resources: { limits: { cpu: 1 } } }],
      }),
    ]),
  );
  const containers = model.workload('Pod/ns/p')?.containers ?? [];
  assert.deepEqual(
    containers.map((c) => `${c.role}:${c.name}#${c.index}`),
    ['container:app#0', 'init:init#0', 'ephemeral:debug#0'],
  );
  const app = containers[0];
  assert.deepEqual(app?.envSecretNames, ['bulk', 'gh']);
  assert.deepEqual(app?.credentialLikeEnvNames, ['DB_PASSWORD', 'client-secret']);
  assert.equal(app?.hasResourceLimits, true);
  assert.equal(containers[2]?.hasResourceLimits, false, 'cpu without memory');
  assert.deepEqual(app?.ports, [
    { containerPort: 80, hostPort: 8080, protocol: 'TCP' },
    { containerPort: 9090, name: 'metrics', protocol: 'UDP' },
  ]);
});

test('volumes: types, host paths, secret names and projected tokens', () => {
  const model = buildModel(
    snapshotOf([
      podWith({
        containers: [{ name: 'a', volumeMounts: [{ name: 'root', mountPath: '/host', readOnly: true }] }],
        volumes: [
          { name: 'root', hostPath: { path: '/' } },
          { name: 's', secret: { secretName: 'creds' } },
          {
            name: 'p',
            projected: { sources: [{ secret: { name: 'x' } }, { serviceAccountToken: { path: 't' } }] },
          },
          { name: 'c', persistentVolumeClaim: { claimName: 'data' } },
          { name: 'e', emptyDir: {} },
          { name: 'n', nfs: { server: 'x', path: '/' } },
        ],
      }),
    ]),
  );
  const workload = model.workload('Pod/ns/p');
  assert.deepEqual(
    workload?.volumes.map((v) => [
      v.name,
      v.type,
      v.hostPath ?? v.claimName ?? v.secretNames.join(','),
      v.projectsServiceAccountToken,
    ]),
    [
      ['root', 'hostPath', '/', false],
      ['s', 'secret', 'creds', false],
      ['p', 'projected', 'x', true],
      ['c', 'persistentVolumeClaim', 'data', false],
      ['e', 'emptyDir', '', false],
      ['n', 'other', '', false],
    ],
  );
  assert.deepEqual(workload?.containers[0]?.volumeMounts, [
    { volume: 'root', mountPath: '/host', readOnly: true },
  ]);
});

test('pod flags: host namespaces, hostUsers, nodeSelector, tolerations and required node affinity', () => {
  const model = buildModel(
    snapshotOf([
      podWith({
        hostPID: true,
        hostNetwork: true,
        hostUsers: false,
        serviceAccount: 'legacy-field',
        nodeSelector: { disk: 'ssd' },
        tolerations: [{ operator: 'Exists' }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        },
        containers: [{ name: 'a' }],
      }),
    ]),
  );
  const w = model.workload('Pod/ns/p');
  assert.equal(w?.hostPID, true);
  assert.equal(w?.hostIPC, false);
  assert.equal(w?.hostNetwork, true);
  assert.equal(w?.hostUsers, false);
  assert.equal(w?.serviceAccountName, 'legacy-field');
  assert.deepEqual(w?.nodeSelector, { disk: 'ssd' });
  assert.deepEqual(w?.tolerations, [{ operator: 'Exists' }]);
  assert.deepEqual(w?.requiredNodeAffinity, [[{ key: 'zone', operator: 'In', values: ['a'] }]]);
});
