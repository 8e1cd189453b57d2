import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { type FactId, findFacts, isLatestImage } from './facts.js';

type Spec = Record<string, unknown>;

/** A Deployment whose pod spec is `pod` and whose one container `app` has the extra fields `container`. */
const deployment = (container: Spec = {}, pod: Spec = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'web:1.0', ...container }], ...pod },
    },
  },
});
const withVolume = (path: string, readOnly: boolean) =>
  deployment(
    { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly }] },
    { volumes: [{ name: 'v', hostPath: { path } }] },
  );
const limits = { resources: { limits: { cpu: '1', memory: '1Gi' } } };
const object = (kind: string, fields: Spec, name = 'x', namespace: string | undefined = 'shop') => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  ...fields,
});
const role = (verbs: string[]) =>
  object('Role', { rules: [{ apiGroups: [''], resources: ['pods'], verbs }] }, 'r');

/** One fact: a positive case and a near miss that differs in one field. */
interface Row {
  readonly fact: FactId;
  readonly positive: readonly unknown[];
  readonly nearMiss: readonly unknown[];
}

const ROWS: readonly Row[] = [
  {
    fact: 'privileged',
    positive: [deployment({ securityContext: { privileged: true } })],
    nearMiss: [deployment({ securityContext: { privileged: false } })],
  },
  {
    fact: 'host-pid',
    positive: [deployment({}, { hostPID: true })],
    nearMiss: [deployment({}, { hostPID: false })],
  },
  {
    fact: 'host-ipc',
    positive: [deployment({}, { hostIPC: true })],
    nearMiss: [deployment({}, { hostIPC: false })],
  },
  {
    fact: 'host-network',
    positive: [deployment({}, { hostNetwork: true })],
    nearMiss: [deployment({}, { hostNetwork: false })],
  },
  {
    fact: 'share-process-namespace',
    positive: [deployment({}, { shareProcessNamespace: true })],
    nearMiss: [deployment({}, { shareProcessNamespace: false })],
  },
  {
    fact: 'host-path',
    positive: [withVolume('/data', true)],
    nearMiss: [
      deployment(
        { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true }] },
        { volumes: [{ name: 'v', emptyDir: {} }] },
      ),
    ],
  },
  {
    fact: 'host-path-writable',
    positive: [withVolume('/data', false)],
    nearMiss: [withVolume('/data', true)],
  },
  {
    fact: 'runtime-socket',
    positive: [withVolume('/var/run/docker.sock', true)],
    nearMiss: [withVolume('/var/run/dbus', true)],
  },
  {
    fact: 'capability-added',
    positive: [deployment({ securityContext: { capabilities: { add: ['NET_ADMIN'] } } })],
    nearMiss: [deployment({ securityContext: { capabilities: { drop: ['NET_ADMIN'] } } })],
  },
  {
    fact: 'run-as-root',
    positive: [deployment({}, { securityContext: { runAsUser: 0 } })],
    nearMiss: [deployment({}, { securityContext: { runAsUser: 1000 } })],
  },
  {
    fact: 'allow-privilege-escalation',
    positive: [deployment({ securityContext: { allowPrivilegeEscalation: true } })],
    nearMiss: [deployment({ securityContext: { allowPrivilegeEscalation: false } })],
  },
  {
    fact: 'automount-token',
    positive: [deployment({}, { automountServiceAccountToken: true })],
    nearMiss: [deployment({}, { automountServiceAccountToken: false })],
  },
  {
    fact: 'seccomp-unconfined',
    positive: [deployment({ securityContext: { seccompProfile: { type: 'Unconfined' } } })],
    nearMiss: [deployment({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })],
  },
  {
    fact: 'host-port',
    positive: [deployment({ ports: [{ containerPort: 80, hostPort: 80 }] })],
    nearMiss: [deployment({ ports: [{ containerPort: 80 }] })],
  },
  {
    fact: 'image-latest',
    positive: [deployment({ image: 'nginx:latest' })],
    nearMiss: [deployment({ image: 'nginx:1.27' })],
  },
  {
    fact: 'credential-in-env',
    positive: [deployment({ env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })],
    nearMiss: [deployment({ env: [{ name: 'DB_PASSWORD_FILE', value: '/run/pw' }] })],
  },
  {
    fact: 'no-resource-limits',
    positive: [deployment({ resources: { limits: { cpu: '1' } } })],
    nearMiss: [deployment(limits)],
  },
  {
    fact: 'credential-in-configmap',
    positive: [object('ConfigMap', { data: { DB_PASSWORD: 'hunter2' } })],
    nearMiss: [object('ConfigMap', { data: { LOG_LEVEL: 'debug' } })],
  },
  {
    fact: 'legacy-token-secret',
    positive: [object('Secret', { type: 'kubernetes.io/service-account-token' })],
    nearMiss: [object('Secret', { type: 'Opaque' })],
  },
  {
    fact: 'load-balancer-service',
    positive: [object('Service', { spec: { type: 'LoadBalancer' } })],
    nearMiss: [object('Service', { spec: { type: 'ClusterIP' } })],
  },
  {
    fact: 'node-port-service',
    positive: [object('Service', { spec: { type: 'NodePort' } })],
    nearMiss: [object('Service', { spec: { type: 'ClusterIP' } })],
  },
  {
    fact: 'psa-privileged-namespace',
    positive: [
      object(
        'Namespace',
        { metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } } },
        'shop',
        undefined,
      ),
    ],
    nearMiss: [
      object(
        'Namespace',
        { metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
        'shop',
        undefined,
      ),
    ],
  },
  { fact: 'wildcard-rbac-rule', positive: [role(['*'])], nearMiss: [role(['get'])] },
];

const factIds = (objects: readonly unknown[]) =>
  findFacts(buildModel(snapshotOf([...objects]))).map((f) => f.fact);

for (const row of ROWS) {
  test(`facts: ${row.fact} is found`, () => assert.ok(factIds(row.positive).includes(row.fact)));
  test(`facts: ${row.fact} near miss`, () => assert.ok(!factIds(row.nearMiss).includes(row.fact)));
}

test('facts: a built-in role with a wildcard is not hygiene the user can act on', () => {
  const builtIn = snapshotOf([role(['*'])]).objects;
  const facts = findFacts(buildModel(snapshotOf([]), { builtIn }));
  assert.ok(!facts.some((f) => f.fact === 'wildcard-rbac-rule'));
});

test('facts: a wildcard is reported on the source role, not again on the ClusterRole aggregating it', () => {
  const source = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'source', labels: { team: 'a' } },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }],
  };
  const aggregate = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'aggregate' },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { team: 'a' } }] },
  };
  const facts = findFacts(buildModel(snapshotOf([source, aggregate])));
  assert.deepEqual(
    facts.filter((f) => f.fact === 'wildcard-rbac-rule').map((f) => [f.object, f.path]),
    [['ClusterRole/source', '/rules/0']],
  );
});

test('facts: one capability-added fact per capability, naming it, with location and container', () => {
  const facts = findFacts(
    buildModel(
      snapshotOf([
        deployment({
          ...limits,
          securityContext: {
            capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] },
            allowPrivilegeEscalation: false,
          },
        }),
      ]),
    ),
  );
  const caps = facts.filter((f) => f.fact === 'capability-added');
  assert.deepEqual(
    caps.map((f) => f.says),
    ['container app adds capability NET_RAW', 'container app adds capability SYS_ADMIN'],
  );
  assert.deepEqual(
    caps.map((f) => [f.object, f.container, f.location]),
    [
      ['Deployment/shop/web', 'app', 'test.yaml:1'],
      ['Deployment/shop/web', 'app', 'test.yaml:1'],
    ],
  );
});

test('facts: sorted by object, container, then fact, and env facts name the variables only', () => {
  const facts = findFacts(
    buildModel(
      snapshotOf([
        object('Service', { spec: { type: 'NodePort' } }, 'a-svc'),
        deployment(
          { image: 'nginx', env: [{ name: 'API_TOKEN', value: 'secret-value' }] },
          { hostNetwork: true },
        ),
      ]),
    ),
  );
  const keys = facts.map((f) => [f.object, f.container ?? '', f.fact].join('\u0000'));
  assert.deepEqual(keys, [...keys].sort());
  assert.equal(facts[0]?.object, 'Deployment/shop/web');
  assert.equal(facts.at(-1)?.object, 'Service/shop/a-svc');
  const env = facts.find((f) => f.fact === 'credential-in-env');
  assert.match(env?.says ?? '', /API_TOKEN/);
  assert.doesNotMatch(JSON.stringify(facts), /secret-value/);
});

test('facts: image-latest needs no tag and no digest, or the latest tag', () => {
  assert.equal(isLatestImage('nginx'), true);
  assert.equal(isLatestImage('registry.local:5000/team/app'), true);
  assert.equal(isLatestImage('registry.local:5000/team/app:latest'), true);
  assert.equal(isLatestImage('registry.local:5000/team/app:1.2'), false);
  assert.equal(isLatestImage('nginx@sha256:0123'), false);
  assert.equal(isLatestImage('nginx:latest@sha256:0123'), false);
});
