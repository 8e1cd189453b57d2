import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

function clusterRole(name: string, rules: unknown[], extra: Record<string, unknown> = {}): unknown {
  const { labels, ...rest } = extra;
  return {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name, ...(labels ? { labels } : {}) },
    rules,
    ...rest,
  };
}

function binding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  opts: {
    namespace?: string;
    roleKind?: 'Role' | 'ClusterRole';
    role: string;
    subjects: unknown[];
  },
): unknown {
  return {
    apiVersion: RBAC,
    kind,
    metadata: { name, ...(opts.namespace ? { namespace: opts.namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: opts.roleKind ?? 'ClusterRole', name: opts.role },
    subjects: opts.subjects,
  };
}

const readSecrets = { verbs: ['get', 'list'], apiGroups: [''], resources: ['secrets'] };
test('aggregation: the union of labelled roles replaces the stored rules, nested to a fixed point', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('top', [{ verbs: ['stale'], apiGroups: [''], resources: ['x'] }], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'agg/top': 'true' } }] },
      }),
      clusterRole('middle', [], {
        labels: { 'agg/top': 'true' },
        aggregationRule: {
          clusterRoleSelectors: [
            { matchExpressions: [{ key: 'agg/middle', operator: 'In', values: ['yes'] }] },
          ],
        },
      }),
      clusterRole('leaf-a', [readSecrets], { labels: { 'agg/middle': 'yes' } }),
      clusterRole('leaf-b', [{ verbs: ['create'], apiGroups: [''], resources: ['pods'] }, readSecrets], {
        labels: { 'agg/top': 'true' },
      }),
      clusterRole('unlabelled', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
    ]),
  );
  const top = model.role('ClusterRole/top');
  assert.deepEqual(
    top?.rules.map((r) => `${r.verbs.join(',')} ${r.resources.join(',')}`),
    ['create pods', 'get,list secrets'],
    'leaf-b then middle (sorted by name), deduplicated, stale stored rule gone',
  );
  assert.deepEqual(
    model.role('ClusterRole/middle')?.rules.map((r) => r.resources.join(',')),
    ['secrets'],
  );
});

test('aggregation: matchLabels AND matchExpressions must both hold; an aggregated role never selects itself', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('agg', [], {
        labels: { team: 'a', tier: 'x' },
        aggregationRule: {
          clusterRoleSelectors: [
            {
              matchLabels: { team: 'a' },
              matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
            },
          ],
        },
      }),
      clusterRole('both', [readSecrets], { labels: { team: 'a', tier: 'web' } }),
      clusterRole('label-only', [{ verbs: ['delete'], apiGroups: [''], resources: ['pods'] }], {
        labels: { team: 'a', tier: 'db' },
      }),
    ]),
  );
  assert.deepEqual(model.role('ClusterRole/agg')?.rules, [
    { ...readSecrets, resourceNames: [], nonResourceURLs: [] },
  ]);
});

test('aggregation includes input roles labelled for the built-in admin/edit/view', () => {
  const builtIn = snapshotOf([
    clusterRole('edit', [], {
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }],
      },
    }),
    clusterRole('system:aggregate-to-edit', [{ verbs: ['create'], apiGroups: [''], resources: ['pods'] }], {
      labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
    }),
  ]).objects;
  const input = [
    clusterRole('crd-editor', [{ verbs: ['*'], apiGroups: ['example.com'], resources: ['widgets'] }], {
      labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
    }),
    binding('RoleBinding', 'dev-edit', {
      namespace: 'dev',
      role: 'edit',
      subjects: [{ kind: 'User', name: 'alice' }],
    }),
  ];
  const model = buildModel(snapshotOf(input), { builtIn });
  const edit = model.role('ClusterRole/edit');
  assert.equal(edit?.builtIn, true);
  assert.deepEqual(
    edit?.rules.map((r) => r.apiGroups[0]),
    ['example.com', ''],
  );
  const widgets = {
    verb: 'delete',
    apiGroup: 'example.com',
    resource: 'widgets',
    namespace: 'dev',
    name: 'w',
  };
  assert.equal(model.can('User/alice', widgets)?.binding, 'RoleBinding/dev/dev-edit');
  assert.equal(model.can('User/alice', { ...widgets, namespace: 'prod' }), undefined);
  assert.deepEqual(model.gaps, []);
});

test('live snapshots keep the stored rules of aggregated roles: the controller already computed them', () => {
  const base = snapshotOf([
    clusterRole('agg', [readSecrets], {
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] },
    }),
  ]);
  const live = buildModel({ ...base, source: { type: 'cluster', server: 'https://k' } });
  assert.equal(live.role('ClusterRole/agg')?.rules.length, 1);
  assert.equal(buildModel(base).role('ClusterRole/agg')?.rules.length, 0);
});

test('an input object overrides the rules of the built-in object with the same ref, and stays built-in', () => {
  const builtIn = snapshotOf([clusterRole('view', [readSecrets])]).objects;
  const model = buildModel(snapshotOf([clusterRole('view', [])]), { builtIn });
  // The API server reconciles its bootstrap roles, so a fix must never patch them, whatever the input says.
  assert.equal(model.role('ClusterRole/view')?.builtIn, true);
  assert.deepEqual(model.role('ClusterRole/view')?.rules, []);
  assert.equal(buildModel(snapshotOf([]), { builtIn }).role('ClusterRole/view')?.builtIn, true);
});
