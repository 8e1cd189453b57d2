import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectFiles } from './collect-files.js';
import { applyOps, type PatchOp, pointer } from './patch.js';
import { projectObject, REDACTED } from './prune.js';
import type { KubeObject } from './snapshot.js';
import { fixture, stdinOf } from './test-helpers.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'u1',
    resourceVersion: '9',
    generation: 3,
    creationTimestamp: '2026-01-01T00:00:00Z',
    selfLink: '/apis/apps/v1/namespaces/shop/deployments/web',
    managedFields: [{ manager: 'kubectl' }],
    labels: { app: 'web' },
    annotations: {
      'deployment.kubernetes.io/revision': '4',
      'kubectl.kubernetes.io/last-applied-configuration': '{"canary":"canary-last-applied"}',
      'chokepoint.io/accept': 'privileged-container until 2027-01-01',
    },
  },
  spec: {
    replicas: 3,
    template: {
      metadata: {
        labels: { app: 'web' },
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/web': 'unconfined',
          'container.seccomp.security.alpha.kubernetes.io/web': 'runtime/default',
          'prometheus.io/scrape': 'true',
        },
      },
      spec: {
        serviceAccountName: 'web',
        containers: [
          {
            name: 'web',
            image: 'web:1',
            args: ['--port=8080'],
            env: [
              { name: 'DB_PASSWORD', value: 'canary-env' },
              { name: 'EMPTY', value: '' },
              { name: 'FROM', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
            ],
            securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } },
            volumeMounts: [{ name: 'root', mountPath: '/host' }],
          },
        ],
        volumes: [{ name: 'root', hostPath: { path: '/' } }],
      },
    },
  },
  status: { replicas: 3, readyReplicas: 3 },
};

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'web-token',
    namespace: 'shop',
    annotations: {
      'kubernetes.io/service-account.name': 'web',
      'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"token":"canary-annotation"}}',
    },
  },
  type: 'kubernetes.io/service-account-token',
  data: { token: 'Y2FuYXJ5LWRhdGE=', 'ca.crt': 'Y2FuYXJ5LWNh' },
  stringData: { extra: 'canary-string-data' },
};

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app', namespace: 'shop' },
  data: {
    'settings.yaml': 'database:\n  host: db\n  password: canary-embedded\n',
    'aws.env': 'AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP',
    'motd.txt': 'hello',
    api_key: '',
  },
  binaryData: { 'logo.png': 'iVBORw0KGgo=' },
};

const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'web',
    namespace: 'shop',
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-internal': 'false',
      'external-dns/host': 'x',
    },
  },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] },
  status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] }, conditions: [] },
};

const others: readonly Record<string, unknown>[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'shop', labels: { team: 'a' } },
    status: { phase: 'Active' },
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'web',
      namespace: 'shop',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/x' },
    },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'rb', namespace: 'shop' },
    roleRef: { kind: 'ClusterRole', name: 'edit', apiGroup: 'rbac.authorization.k8s.io' },
    subjects: [
      { kind: 'ServiceAccount', name: 'web' },
      { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
    ],
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'shop' },
    spec: {
      jobTemplate: {
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'canary-nested' } },
        spec: {
          template: {
            metadata: {
              managedFields: [{ manager: 'x' }],
              annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
            },
            spec: {
              containers: [{ name: 'job', image: 'job:1', env: [{ name: 'TOKEN', value: 'canary-cron' }] }],
            },
          },
        },
      },
    },
  },
];

const RAW: readonly Record<string, unknown>[] = [deployment, secret, configMap, service, ...others];

test('metadata keeps names, labels, owners and allowlisted annotations only, at the top and in templates', () => {
  const slim = projectObject(deployment) as typeof deployment;
  assert.deepEqual(slim.metadata, {
    name: 'web',
    namespace: 'shop',
    uid: 'u1',
    labels: { app: 'web' },
    annotations: { 'chokepoint.io/accept': 'privileged-container until 2027-01-01' },
  });
  assert.deepEqual(slim.spec.template.metadata.annotations, {
    'container.apparmor.security.beta.kubernetes.io/web': 'unconfined',
    'container.seccomp.security.alpha.kubernetes.io/web': 'runtime/default',
  });
  assert.equal('status' in slim, false);
  const cron = projectObject(others[3]) as { spec: { jobTemplate: Record<string, { metadata?: unknown }> } };
  assert.deepEqual(cron.spec.jobTemplate.metadata, { annotations: {} });
  assert.deepEqual(cron.spec.jobTemplate.spec?.metadata, undefined);
});

test('env literals are redacted, empty ones stay empty, references and args stay', () => {
  const slim = projectObject(deployment) as typeof deployment;
  const container = slim.spec.template.spec.containers[0]!;
  assert.deepEqual(container.env, [
    { name: 'DB_PASSWORD', value: REDACTED },
    { name: 'EMPTY', value: '' },
    { name: 'FROM', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
  ]);
  assert.deepEqual(container.args, ['--port=8080']);
});

test('a Secret keeps its type and key names, never its values or its last-applied annotation', () => {
  const slim = projectObject(secret);
  assert.deepEqual(slim, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'web-token',
      namespace: 'shop',
      annotations: { 'kubernetes.io/service-account.name': 'web' },
    },
    type: 'kubernetes.io/service-account-token',
    'x-chokepoint': { keys: ['ca.crt', 'extra', 'token'] },
  });
});

test('a ConfigMap keeps its keys and names the ones that look like credentials', () => {
  const slim = projectObject(configMap);
  assert.deepEqual(slim.data, {
    'settings.yaml': REDACTED,
    'aws.env': REDACTED,
    'motd.txt': REDACTED,
    api_key: REDACTED,
  });
  assert.deepEqual(slim.binaryData, { 'logo.png': REDACTED });
  assert.deepEqual(slim['x-chokepoint'], { credentialLikeKeys: ['aws.env', 'settings.yaml'] });
  const kubelet = { ...configMap, metadata: { name: 'kubelet-config', namespace: 'kube-system' } };
  assert.deepEqual(projectObject(kubelet).data, configMap.data);
});

test('a Service keeps status.loadBalancer only; a CRD loses its schemas', () => {
  assert.deepEqual(projectObject(service).status, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } });
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'w.example.com' },
    spec: { group: 'example.com', versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: {} } }] },
  };
  assert.deepEqual(projectObject(crd).spec, {
    group: 'example.com',
    versions: [{ name: 'v1', served: true }],
  });
});

test('projection is pure: the input is untouched and the same input gives the same output', () => {
  const before = structuredClone(RAW);
  const first = RAW.map(projectObject);
  assert.deepEqual(RAW, before);
  assert.deepEqual(RAW.map(projectObject), first);
  assert.throws(() => projectObject(['not', 'an', 'object']), TypeError);
});

test('a __proto__ key in hostile input cannot change the prototype of a slim object', () => {
  const hostile = JSON.parse(
    '{"kind":"Pod","__proto__":{"polluted":1},"spec":{"__proto__":{"polluted":2},"a":1}}',
  );
  const slim = projectObject(hostile) as { spec: Record<string, unknown> } & Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(slim), Object.prototype);
  assert.equal(Object.getPrototypeOf(slim.spec), Object.prototype);
  assert.equal(slim.polluted, undefined);
  assert.deepEqual(slim.spec, { a: 1 });
});

test('no canary value from Secrets, env, ConfigMaps or last-applied annotations reaches the snapshot', async () => {
  const canary =
    'kind: Secret\napiVersion: v1\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"data":{"k":"canary-a"}}\ndata:\n  k: Y2FuYXJ5LWI=\nstringData:\n  j: canary-c\n';
  const snapshot = await collectFiles(['-', fixture('dumps'), fixture('shop')], { stdin: stdinOf(canary) });
  assert.ok(snapshot.objects.length > 15);
  const text = JSON.stringify(snapshot);
  for (const needle of ['canary', 'Y2FuYXJ5', 'hunter2', 'AKIA'])
    assert.equal(text.includes(needle), false, needle);
  assert.equal(JSON.stringify(RAW.map(projectObject)).includes('canary'), false);
});

const PATCHES: readonly (readonly [Record<string, unknown>, readonly PatchOp[]])[] = [
  [
    deployment,
    [
      { op: 'replace', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false },
      {
        op: 'add',
        path: '/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
        value: false,
      },
      { op: 'remove', path: '/spec/template/spec/containers/0/securityContext/capabilities/add/0' },
      { op: 'remove', path: '/spec/template/spec/volumes/0' },
      { op: 'remove', path: '/spec/template/spec/containers/0/volumeMounts/0' },
      { op: 'add', path: '/spec/template/spec/automountServiceAccountToken', value: false },
      {
        op: 'add',
        path: '/spec/template/spec/securityContext/seccompProfile',
        value: { type: 'RuntimeDefault' },
      },
      {
        op: 'remove',
        path: pointer(
          'spec',
          'template',
          'metadata',
          'annotations',
          'container.apparmor.security.beta.kubernetes.io/web',
        ),
      },
      { op: 'remove', path: pointer('metadata', 'annotations', 'chokepoint.io/accept') },
    ],
  ],
  [secret, [{ op: 'delete-object' }]],
  [configMap, [{ op: 'delete-object' }]],
  [
    service,
    [
      { op: 'replace', path: '/spec/type', value: 'ClusterIP' },
      { op: 'remove', path: '/spec/ports/0/nodePort' },
      {
        op: 'add',
        path: pointer('metadata', 'annotations', 'service.beta.kubernetes.io/aws-load-balancer-internal'),
        value: 'true',
      },
    ],
  ],
  [
    others[0]!,
    [
      {
        op: 'add',
        path: pointer('metadata', 'labels', 'pod-security.kubernetes.io/enforce'),
        value: 'baseline',
      },
    ],
  ],
  [others[1]!, [{ op: 'add', path: '/automountServiceAccountToken', value: false }]],
  [others[2]!, [{ op: 'remove', path: '/subjects/1' }]],
  [others[3]!, [{ op: 'add', path: '/spec/jobTemplate/spec/template/spec/hostPID', value: false }]],
];

function commutes(raw: Record<string, unknown>, ops: readonly PatchOp[]): void {
  const patchedThenPruned = (() => {
    const patched = applyOps(raw as KubeObject, ops);
    return patched === undefined ? undefined : projectObject(patched);
  })();
  assert.deepEqual(patchedThenPruned, applyOps(projectObject(raw), ops), JSON.stringify(ops));
}

test('pruning commutes with the patches fixes make', () => {
  for (const [raw, ops] of PATCHES) commutes(raw, ops);
});

/** Every leaf path of a value, as segments. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
  }
  return [path];
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

test('pruning commutes with replacing or removing any field it keeps', () => {
  let checked = 0;
  for (const raw of RAW) {
    const slim = projectObject(raw);
    for (const path of leaves(slim)) {
      // Kept means the slim value is the raw value; `kind` decides the rules themselves, and env literals are
      // redacted by value (an empty one happens to survive), so neither is a kept path.
      const envValue = path.at(-1) === 'value' && path.at(-3) === 'env';
      if (path[0] === 'kind' || envValue || at(raw, path) !== at(slim, path)) continue;
      commutes(raw, [{ op: 'replace', path: pointer(...path), value: 'patched' }]);
      commutes(raw, [{ op: 'remove', path: pointer(...path) }]);
      checked++;
    }
  }
  assert.ok(checked > 60, `${checked} paths checked`);
});
