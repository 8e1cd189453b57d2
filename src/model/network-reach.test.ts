import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { buildReachClasses } from './network-classes.js';
import { canReach, reachContextOf, restrictedPairs } from './network-reach.js';
import { snapshotOf } from './test-helpers.js';

type Json = Record<string, unknown>;

const pod = (ns: string, name: string, labels: Json, spec: Json = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: {
    containers: [{ name: 'app', image: 'app:1', ports: [{ name: 'http', containerPort: 8080 }] }],
    ...spec,
  },
});
const namespace = (name: string, labels: Json = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});
const policy = (ns: string, name: string, spec: Json) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: ns },
  spec,
});

const cluster = [
  namespace('shop', { team: 'a' }),
  namespace('data', { team: 'b' }),
  pod('shop', 'web', { app: 'web' }),
  pod('shop', 'api', { app: 'api' }),
  pod(
    'data',
    'db',
    { app: 'db' },
    { containers: [{ name: 'db', image: 'pg:16', ports: [{ containerPort: 5432 }] }] },
  ),
];

/** The directed pairs that can connect, as `from>to` with pod names. */
function reach(objects: unknown[], options: { enforced?: boolean } = {}): string[] {
  const model = buildModel(snapshotOf([...cluster, ...objects]), {
    networkPolicyEnforced: options.enforced ?? true,
  });
  const context = reachContextOf(model);
  const out: string[] = [];
  for (const a of model.workloads)
    for (const b of model.workloads) {
      const from = context.classes.classOf.get(a.ref)!;
      const to = context.classes.classOf.get(b.ref)!;
      if (a !== b && canReach(context, from, to)) out.push(`${a.name}>${b.name}`);
    }
  return out.sort();
}

const ALL = ['api>db', 'api>web', 'db>api', 'db>web', 'web>api', 'web>db'];
const denyAllIngress = (ns: string) => policy(ns, 'deny', { podSelector: {}, policyTypes: ['Ingress'] });

const cases: readonly { name: string; objects: unknown[]; reach: string[]; enforced?: boolean }[] = [
  { name: 'no policy: everything reaches everything', objects: [], reach: ALL },
  {
    name: 'default-deny ingress in data isolates db only',
    objects: [denyAllIngress('data')],
    reach: ['api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'omitted policyTypes with only ingress rules means Ingress only (egress stays open)',
    objects: [policy('shop', 'ingress-only', { podSelector: { matchLabels: { app: 'web' } }, ingress: [] })],
    reach: ['api>db', 'db>api', 'web>api', 'web>db'],
  },
  {
    name: 'omitted policyTypes with egress rules adds Egress',
    objects: [
      policy('shop', 'egress', {
        podSelector: { matchLabels: { app: 'web' } },
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
      }),
    ],
    reach: ['api>db', 'db>api', 'web>api'],
  },
  {
    name: 'namespaceSelector AND podSelector in one peer',
    objects: [
      denyAllIngress('data'),
      policy('data', 'allow', {
        podSelector: {},
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: 'a' } },
                podSelector: { matchLabels: { app: 'api' } },
              },
            ],
          },
        ],
      }),
    ],
    reach: ['api>db', 'api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'separate peers are ORed',
    objects: [
      denyAllIngress('data'),
      policy('data', 'allow', {
        podSelector: {},
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team: 'nobody' } } },
              { podSelector: { matchLabels: { app: 'db' } } },
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
            ],
          },
        ],
      }),
    ],
    reach: ALL,
  },
  {
    name: 'a podSelector-only peer selects pods of the policy namespace only',
    objects: [
      denyAllIngress('data'),
      policy('data', 'allow', {
        podSelector: {},
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
      }),
    ],
    reach: ['api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'an ipBlock peer admits no pod',
    objects: [
      denyAllIngress('data'),
      policy('data', 'allow', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }),
    ],
    reach: ['api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'named ports resolve per destination pod: db has no port named http',
    objects: [
      policy('shop', 'http', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] }),
      policy('data', 'http', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] }),
    ],
    reach: ['api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'egress to a port range (endPort) must overlap the ingress ports',
    objects: [
      policy('shop', 'egress', {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [{ ports: [{ port: 5000, endPort: 6000 }] }],
      }),
      policy('data', 'in', { podSelector: {}, ingress: [{ ports: [{ port: 5432 }] }] }),
      policy('shop', 'in', {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ ports: [{ port: 8080 }] }],
      }),
    ],
    reach: ['api>db', 'api>web', 'db>api', 'db>web', 'web>db'],
  },
  {
    name: 'a flow needs both: egress allows db but db ingress denies web',
    objects: [
      policy('shop', 'egress', {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: {} }] }],
      }),
      policy('data', 'in', {
        podSelector: {},
        ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }],
      }),
      denyAllIngress('shop'),
    ],
    reach: ['api>db', 'web>db'],
  },
  {
    name: 'UDP-only egress does not meet TCP-only ingress',
    objects: [
      policy('shop', 'egress', {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [{ ports: [{ protocol: 'UDP', port: 5432 }] }],
      }),
      policy('data', 'in', { podSelector: {}, ingress: [{ ports: [{ protocol: 'TCP', port: 5432 }] }] }),
    ],
    reach: ['api>db', 'api>web', 'db>api', 'db>web', 'web>api'],
  },
  {
    name: 'hostNetwork pods are not governed, and only ipBlock or empty peers admit them',
    objects: [
      pod('shop', 'agent', { app: 'agent' }, { hostNetwork: true }),
      denyAllIngress('data'),
      denyAllIngress('shop'),
      policy('data', 'nodes', {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
      }),
    ],
    reach: ['agent>db', 'api>agent', 'db>agent', 'web>agent'],
  },
  {
    name: 'not enforced: policies are ignored',
    objects: [denyAllIngress('data')],
    reach: ALL,
    enforced: false,
  },
];

for (const row of cases)
  test(`canReach: ${row.name}`, () => {
    assert.deepEqual(
      reach(row.objects, row.enforced === undefined ? {} : { enforced: row.enforced }),
      row.reach,
    );
  });

test('classes: pods every policy treats alike share one class, across namespaces', () => {
  const model = buildModel(
    snapshotOf([...cluster, pod('shop', 'web-2', { app: 'web' }), denyAllIngress('data')]),
  );
  const { classes, classOf } = reachContextOf(model).classes;
  assert.equal(classOf.get('Pod/shop/web'), classOf.get('Pod/shop/web-2'));
  assert.equal(classOf.get('Pod/shop/web'), classOf.get('Pod/shop/api'));
  assert.notEqual(classOf.get('Pod/shop/web'), classOf.get('Pod/data/db'));
  assert.equal(classes.length, 2);
});

test('restrictedPairs lists exactly the connecting pairs a policy decides', () => {
  const model = buildModel(
    snapshotOf([
      ...cluster,
      denyAllIngress('data'),
      policy('data', 'allow', {
        podSelector: {},
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }],
      }),
    ]),
  );
  const context = reachContextOf(model);
  const pairs = restrictedPairs(context).map(([a, b]) => `${a.id}>${b.id}`);
  assert.deepEqual(pairs, ['Pod/shop/api>Pod/data/db']);
  const classes = buildReachClasses({
    workloads: model.workloads,
    namespaces: [],
    policies: [],
    enforced: true,
  });
  assert.equal(classes.classes.length, 1);
});
