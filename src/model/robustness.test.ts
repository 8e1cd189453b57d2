/** Manifests are user input: wrong types and odd shapes must degrade to "absent", never crash the model. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { buildModel } from './build-model.js';
import type { Model } from './model.js';
import { snapshotOf } from './test-helpers.js';

function exercise(model: Model): void {
  for (const w of model.workloads) {
    model.exposureOf(w.ref);
    model.poolsOf(w.ref);
    model.can(`ServiceAccount/${w.namespace}/${w.serviceAccountName}`, {
      verb: 'get',
      apiGroup: '',
      resource: 'secrets',
      namespace: w.namespace,
    });
  }
  model.whoCan({ verb: 'create', apiGroup: '', resource: 'pods', namespace: 'default' });
}

test('wrong types everywhere are treated as absent', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'a', labels: [1, 2], ownerReferences: 'x' },
        spec: null,
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'b', ownerReferences: [null, 3] },
        spec: {
          containers: 'nope',
          volumes: [null, 'x', { name: 1 }],
          tolerations: [null],
          securityContext: 'x',
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'c', annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 7 } },
        spec: {
          containers: [
            null,
            {
              name: 5,
              ports: [{ containerPort: '80', hostPort: 'x' }],
              env: [null, { name: 'TOKEN', value: 3 }],
              securityContext: { capabilities: { add: [1, 'net_admin'] }, runAsUser: '0' },
            },
          ],
        },
      },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: 'x' } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'r' },
        rules: [null, 'x', { verbs: 'get' }],
        aggregationRule: {
          clusterRoleSelectors: [null, { matchExpressions: [{ key: 'a', operator: 'Bogus' }] }],
        },
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'b' },
        roleRef: null,
        subjects: [null, { kind: 'Robot', name: 'x' }],
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { type: 5, selector: 'x', ports: [null, { port: 'x' }] },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i' },
        spec: { rules: [null, { http: { paths: [null, { backend: null }] } }] },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'n' },
        spec: { podSelector: 'x', policyTypes: 'Ingress', ingress: [null, { from: [null] }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n', labels: null },
        spec: { taints: [null, { key: 'k' }], unschedulable: 'yes' },
      },
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'ns', labels: { 'pod-security.kubernetes.io/enforce': 3 } },
      },
    ]),
  );
  exercise(model);
  assert.deepEqual(
    model.workloads.map((w) => w.ref),
    ['Deployment/default/d', 'Pod/default/a', 'Pod/default/b', 'Pod/default/c'],
  );
  const c = model.workload('Pod/default/c')?.containers;
  assert.deepEqual(
    c?.map((x) => x.name),
    ['', ''],
  );
  assert.deepEqual(c?.[1]?.securityContext.capabilitiesAdd, ['NET_ADMIN']);
  assert.equal(c?.[1]?.securityContext.runAsUser, 'unknown', 'a string UID is not a UID');
  assert.deepEqual(c?.[1]?.credentialLikeEnvNames, []);
  assert.deepEqual(model.grants, []);
  assert.ok(model.gaps.length >= 2, 'an unknown subject kind and a missing role are gaps');
  assert.equal(model.namespace('ns')?.psaEnforce, 'privileged', 'a non-string label is no label');
});

test('an ownership cycle terminates', () => {
  const rs = (name: string, owner: string) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'ns',
      ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }],
    },
    spec: { template: { spec: { containers: [{ name: 'a' }] } } },
  });
  const model = buildModel(snapshotOf([rs('a', 'b'), rs('b', 'a')]));
  assert.ok(model.workloads.length <= 2);
});

test('an object defined twice: the later definition is analysed, the earlier is a gap', () => {
  const sa = (automount: boolean) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'app', namespace: 'ns' },
    automountServiceAccountToken: automount,
  });
  const model = buildModel(snapshotOf([sa(true), sa(false)]));
  assert.equal(model.serviceAccounts.filter((s) => s.name === 'app').length, 1);
  assert.equal(model.serviceAccount('ns', 'app')?.automountServiceAccountToken, false);
  assert.deepEqual(model.gaps, [
    {
      kind: 'unreadable',
      where: 'test.yaml:1',
      message:
        'ServiceAccount/ns/app is defined again at test.yaml:1 — the later definition is analysed; remove one of them',
    },
  ]);
});

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

test('every manifest of the shared corpus builds a model', {
  skip: !existsSync(corpus) && 'no shared corpus',
}, () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push(path);
    }
  };
  walk(corpus);
  let workloads = 0;
  for (const file of files) {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'))
      .filter((doc) => doc.errors.length === 0)
      .map((doc) => doc.toJS() as unknown)
      .filter(
        (doc) =>
          doc !== null && typeof doc === 'object' && typeof (doc as { kind?: unknown }).kind === 'string',
      );
    const model = buildModel(snapshotOf(docs));
    exercise(model);
    workloads += model.workloads.length;
  }
  assert.ok(files.length > 0 && workloads > 0);
});
