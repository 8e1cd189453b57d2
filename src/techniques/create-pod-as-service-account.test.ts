import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPodAsServiceAccount } from './create-pod-as-service-account.js';
import {
  arrows,
  assertFixesRemove,
  builtIn,
  CLUSTER_ADMIN,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  namespace,
  realBootstrap,
  role,
  roleBinding,
  rule,
  sa,
  serviceAccount,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

/** A Role in `shop` with the given rules, bound to the SA `ci` of `shop`. */
function shopRole(...rules: unknown[]): unknown[] {
  return [
    role('shop', 'deployer', rules),
    roleBinding('shop', 'ci-deployer', { kind: 'Role', name: 'deployer' }, [sa('ci', 'shop')]),
  ];
}

const CI = 'ServiceAccount/shop/ci -> hub:create-pods/shop';

runTable(createPodAsServiceAccount, [
  {
    name: 'create pods in a namespace',
    objects: shopRole(rule(['create'], ['pods'])),
    edges: [CI],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-deployer', 'restrict-role-rule@Role/shop/deployer'],
  },
  { name: 'near miss: get and list pods', objects: shopRole(rule(['get', 'list'], ['pods'])), edges: [] },
  {
    name: 'near miss: create pods/exec is not pod creation',
    objects: shopRole(rule(['create'], ['pods/exec'])),
    edges: [],
  },
  { name: 'near miss: pods/* is not a wildcard', objects: shopRole(rule(['create'], ['pods/*'])), edges: [] },
  { name: 'a wildcard resource covers pods', objects: shopRole(rule(['create'], ['*'])), edges: [CI] },
  {
    name: 'near miss: resourceNames never match create',
    objects: shopRole(rule(['create'], ['pods'], [''], ['web-0'])),
    edges: [],
  },
  {
    name: 'create deployments (apps)',
    objects: shopRole(rule(['create'], ['deployments'], ['apps'])),
    edges: [CI],
  },
  {
    name: 'near miss: deployments in the core group do not exist',
    objects: shopRole(rule(['create'], ['deployments'], [''])),
    edges: [],
  },
  {
    name: 'create cronjobs (batch)',
    objects: shopRole(rule(['create'], ['cronjobs'], ['batch'])),
    edges: [CI],
  },
  {
    name: 'create replicationcontrollers (core)',
    objects: shopRole(rule(['create'], ['replicationcontrollers'])),
    edges: [CI],
  },
  {
    name: 'two deciding rules: only removing the subject cuts the edge',
    objects: shopRole(rule(['create'], ['pods']), rule(['create'], ['jobs'], ['batch'])),
    edges: [CI],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-deployer'],
  },
  {
    name: 'create jobs cluster-wide reaches the cluster-wide hub',
    objects: [
      clusterRole('job-runner', [rule(['create'], ['jobs'], ['batch'])]),
      clusterRoleBinding('runner', 'job-runner', [user('ci-bot')]),
    ],
    edges: ['User/ci-bot -> hub:create-pods/*'],
  },
  {
    name: 'near miss: cluster-admin is reported by cluster-admin-grant, not here',
    objects: [clusterRoleBinding('root', 'cluster-admin', [user('ci-bot')])],
    options: builtIn([CLUSTER_ADMIN]),
    edges: [],
  },
]);

test('create-pod-as-service-account: removing the subject or the rule removes the edge', () => {
  assertFixesRemove(createPodAsServiceAccount, shopRole(rule(['create'], ['pods'])), CI);
});

test('create-pod-as-service-account: a reached namespace hub fans out to every SA there, implicit default included', () => {
  const objects = [
    ...shopRole(rule(['create'], ['pods'])),
    serviceAccount('shop', 'payments'),
    serviceAccount('other', 'x'),
  ];
  const structural = edgesOf(createPodAsServiceAccount, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:create-pods/shop -> ServiceAccount/shop/ci',
    'hub:create-pods/shop -> ServiceAccount/shop/default',
    'hub:create-pods/shop -> ServiceAccount/shop/payments',
  ]);
  for (const edge of structural) assert.deepEqual(edge.fixes, []);
});

test('create-pod-as-service-account: the cluster-wide hub fans out to every namespace', () => {
  const objects = [
    clusterRole('pod-maker', [rule(['create'], ['pods'])]),
    clusterRoleBinding('pods', 'pod-maker', [user('ci-bot')]),
    namespace('a'),
  ];
  const structural = edgesOf(createPodAsServiceAccount, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:create-pods/* -> hub:create-pods/a',
    'hub:create-pods/a -> ServiceAccount/a/default',
  ]);
});

test('create-pod-as-service-account: namespace admin reaches the pod hub, so it fans out too', () => {
  const objects = [
    roleBinding('shop', 'admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [user('jane')]),
  ];
  const edges = edgesOf(createPodAsServiceAccount, objects, builtIn([CLUSTER_ADMIN]));
  assert.deepEqual(arrows(edges), ['hub:create-pods/shop -> ServiceAccount/shop/default']);
});

test('create-pod-as-service-account: no pod creator, no fan-out', () => {
  const objects = [...shopRole(rule(['get'], ['pods'])), serviceAccount('shop', 'payments')];
  assert.deepEqual(edgesOf(createPodAsServiceAccount, objects), []);
});

const bootstrap = await realBootstrap();

test('create-pod-as-service-account: the real edit role creates pods, view does not', {
  skip: bootstrap === undefined,
}, () => {
  const bound = (name: string) => [
    roleBinding('shop', `ci-${name}`, { kind: 'ClusterRole', name }, [sa('ci', 'shop')]),
  ];
  const fromCi = (name: string) =>
    arrows(
      edgesOf(createPodAsServiceAccount, bound(name), bootstrap).filter(
        (edge) => edge.from === 'ServiceAccount/shop/ci',
      ),
    );
  assert.deepEqual(fromCi('edit'), [CI]);
  assert.deepEqual(fromCi('view'), []);
  const [edge] = edgesOf(createPodAsServiceAccount, bound('edit'), bootstrap).filter(
    (e) => e.from === 'ServiceAccount/shop/ci',
  );
  assert.deepEqual(
    edge?.fixes.map((fix) => `${fix.remediation}@${fix.target}`),
    ['remove-binding-subject@RoleBinding/shop/ci-edit'],
  );
});

/** An aggregated ClusterRole `ops` that selects `pod-maker` (and `also-pods` when asked), bound in `shop`. */
function aggregated(withTwin: boolean): unknown[] {
  const labelled = (name: string, rules: unknown[]) => ({
    ...clusterRole(name, rules),
    metadata: { name, labels: { ops: 'true' } },
  });
  return [
    labelled('pod-maker', [rule(['create'], ['pods']), rule(['get'], ['configmaps'])]),
    ...(withTwin ? [labelled('also-pods', [rule(['create'], ['pods'])])] : []),
    {
      ...clusterRole('ops', []),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { ops: 'true' } }] },
    },
    roleBinding('shop', 'ci-ops', { kind: 'ClusterRole', name: 'ops' }, [sa('ci', 'shop')]),
  ];
}

test('create-pod-as-service-account: an aggregated role is fixed in the source role that holds the rule', () => {
  const [edge] = edgesOf(createPodAsServiceAccount, aggregated(false)).filter((e) => !e.structural);
  assert.deepEqual(
    edge?.fixes.map((fix) => `${fix.remediation}@${fix.target}`),
    ['remove-binding-subject@RoleBinding/shop/ci-ops', 'restrict-role-rule@ClusterRole/pod-maker'],
  );
  assert.deepEqual(edge?.fixes[1]?.ops, [{ op: 'remove', path: '/rules/0' }]);
  assertFixesRemove(createPodAsServiceAccount, aggregated(false), CI);
});

test('create-pod-as-service-account: near miss, two sources hold the rule, so no single rule removal cuts it', () => {
  const [edge] = edgesOf(createPodAsServiceAccount, aggregated(true)).filter((e) => !e.structural);
  assert.deepEqual(
    edge?.fixes.map((fix) => `${fix.remediation}@${fix.target}`),
    ['remove-binding-subject@RoleBinding/shop/ci-ops'],
  );
});

testMeta(createPodAsServiceAccount);
