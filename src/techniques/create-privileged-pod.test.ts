import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPrivilegedPod } from './create-privileged-pod.js';
import {
  assertFixesRemove,
  builtIn,
  CLUSTER_ADMIN,
  edgesOf,
  namespace,
  role,
  roleBinding,
  rule,
  sa,
  testMeta,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

/** A pod creator in `shop`, with the given verbs on pods. */
function creator(verbs: readonly string[] = ['create']): unknown[] {
  return [
    role('shop', 'deployer', [rule(verbs, ['pods'])]),
    roleBinding('shop', 'ci-deployer', { kind: 'Role', name: 'deployer' }, [sa('ci', 'shop')]),
  ];
}

const BOTH_POOLS = [
  'hub:create-pods/shop -> jewel:node-root/control-plane',
  'hub:create-pods/shop -> jewel:node-root/workers',
];

function node(name: string, pool: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'cloud.google.com/gke-nodepool': pool } },
  };
}

runTable(createPrivilegedPod, [
  {
    name: 'an unlabelled declared namespace gets the privileged default: every pool, control plane included',
    objects: [namespace('shop'), ...creator()],
    edges: BOTH_POOLS,
    fixes: ['enforce-pod-security-baseline@Namespace/shop'],
  },
  {
    name: 'a namespace labelled enforce privileged',
    objects: [namespace('shop', { [ENFORCE]: 'privileged' }), ...creator()],
    edges: BOTH_POOLS,
    fixes: ['enforce-pod-security-baseline@Namespace/shop'],
  },
  {
    name: 'near miss: enforce baseline blocks privileged pods and hostPath',
    objects: [namespace('shop', { [ENFORCE]: 'baseline' }), ...creator()],
    edges: [],
  },
  {
    name: 'near miss: enforce restricted',
    objects: [namespace('shop', { [ENFORCE]: 'restricted' }), ...creator()],
    edges: [],
  },
  {
    name: 'near miss: the admission default is baseline',
    objects: [namespace('shop'), ...creator()],
    options: { defaultPsaLevel: 'baseline' },
    edges: [],
  },
  {
    name: 'an undeclared namespace has an unknown level and cannot be patched',
    objects: creator(),
    edges: BOTH_POOLS,
    fixes: [],
  },
  {
    name: 'near miss: no one can create pods',
    objects: [namespace('shop'), ...creator(['get', 'list'])],
    edges: [],
  },
  {
    name: 'Node objects: one edge per pool',
    objects: [
      namespace('shop'),
      node('a1', 'pool-a'),
      node('a2', 'pool-a'),
      node('b1', 'pool-b'),
      ...creator(),
    ],
    edges: [
      'hub:create-pods/shop -> jewel:node-root/pool-a',
      'hub:create-pods/shop -> jewel:node-root/pool-b',
    ],
  },
  {
    name: 'namespace admin (a RoleBinding to cluster-admin) creates pods too',
    objects: [
      namespace('shop'),
      roleBinding('shop', 'owner', { kind: 'ClusterRole', name: 'cluster-admin' }, [sa('ci', 'shop')]),
    ],
    options: builtIn([CLUSTER_ADMIN]),
    edges: BOTH_POOLS,
  },
]);

test('create-privileged-pod: the unknown level is likely, a known privileged level keeps the class', () => {
  const unknown = edgesOf(createPrivilegedPod, creator());
  assert.ok(unknown.every((edge) => edge.likelihood === 'likely'));
  const known = edgesOf(createPrivilegedPod, [namespace('shop'), ...creator()]);
  assert.ok(known.every((edge) => edge.likelihood === undefined));
});

test('create-privileged-pod: the fix adds the label, or the labels map when there is none', () => {
  const bare = edgesOf(createPrivilegedPod, [namespace('shop'), ...creator()]);
  assert.deepEqual(bare[0]?.fixes[0]?.ops, [
    { op: 'add', path: '/metadata/labels', value: { [ENFORCE]: 'baseline' } },
  ]);
  const labelled = edgesOf(createPrivilegedPod, [namespace('shop', { team: 'web' }), ...creator()]);
  assert.deepEqual(labelled[0]?.fixes[0]?.ops, [
    { op: 'add', path: '/metadata/labels/pod-security.kubernetes.io~1enforce', value: 'baseline' },
  ]);
  assert.equal(labelled[0]?.evidence[0]?.ref, 'Namespace/shop');
});

test('create-privileged-pod: enforcing baseline removes the edge on a re-scan', () => {
  assertFixesRemove(createPrivilegedPod, [namespace('shop'), ...creator()], BOTH_POOLS[0]!);
  assertFixesRemove(
    createPrivilegedPod,
    [namespace('shop', { [ENFORCE]: 'privileged' }), ...creator()],
    BOTH_POOLS[1]!,
  );
});

testMeta(createPrivilegedPod);
