import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';
import type { AccessRequest } from './types.js';

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
const getSecretIn = (namespace?: string): AccessRequest => ({
  verb: 'get',
  apiGroup: '',
  resource: 'secrets',
  name: 's',
  ...(namespace ? { namespace } : {}),
});

test('a RoleBinding to a ClusterRole grants only in its namespace; a ClusterRoleBinding everywhere', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
      binding('RoleBinding', 'ns-admin', {
        namespace: 'shop',
        role: 'cluster-admin',
        subjects: [{ kind: 'User', name: 'bob' }],
      }),
      binding('ClusterRoleBinding', 'root', {
        role: 'cluster-admin',
        subjects: [{ kind: 'Group', name: 'ops' }],
      }),
    ]),
  );
  assert.equal(model.can('User/bob', getSecretIn('shop'))?.scope, 'shop');
  assert.equal(model.can('User/bob', getSecretIn('other')), undefined);
  assert.equal(model.can('User/bob', { verb: 'get', apiGroup: '', resource: 'nodes', name: 'n' }), undefined);
  assert.equal(model.can('Group/ops', getSecretIn())?.scope, '*');
  assert.equal(model.can('Group/ops', getSecretIn('any'))?.binding, 'ClusterRoleBinding/root');
  assert.deepEqual(
    model.whoCan(getSecretIn('shop')).map((g) => g.subject),
    ['Group/ops', 'User/bob'],
  );
  assert.deepEqual(
    model.whoCan(getSecretIn()).map((g) => g.subject),
    ['Group/ops'],
  );
});

test('a RoleBinding to a Role resolves it in the binding namespace', () => {
  const role = (namespace: string) => ({
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name: 'reader', namespace },
    rules: [readSecrets],
  });
  const model = buildModel(
    snapshotOf([
      role('a'),
      binding('RoleBinding', 'rb', {
        namespace: 'b',
        roleKind: 'Role',
        role: 'reader',
        subjects: [{ kind: 'User', name: 'u' }],
      }),
    ]),
  );
  assert.equal(model.grants.length, 0);
  assert.deepEqual(
    model.gaps.map((g) => [g.kind, g.message]),
    [
      [
        'not-found',
        'RoleBinding/b/rb: binding refers to missing Role/b/reader — rights are unknown; add the role or remove the binding',
      ],
    ],
  );
});

test('a ClusterRoleBinding to a Role, or to an unknown kind, grants nothing and says why', () => {
  const model = buildModel(
    snapshotOf([
      { apiVersion: RBAC, kind: 'Role', metadata: { name: 'r', namespace: 'default' }, rules: [readSecrets] },
      clusterRole('r', [readSecrets]),
      binding('ClusterRoleBinding', 'to-role', {
        roleKind: 'Role',
        role: 'r',
        subjects: [{ kind: 'User', name: 'u' }],
      }),
      {
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: { name: 'odd', namespace: 'default' },
        roleRef: { kind: 'Rle', name: 'r' },
        subjects: [{ kind: 'User', name: 'u' }],
      },
    ]),
  );
  assert.deepEqual(model.grants, []);
  assert.deepEqual(
    model.gaps.map((g) => g.message),
    [
      'ClusterRoleBinding/to-role: a ClusterRoleBinding cannot refer to Role r, so it grants nothing — refer to a ClusterRole',
      'RoleBinding/default/odd: binding refers to missing Rle/r — rights are unknown; add the role or remove the binding',
    ],
  );
});

test('a binding to a missing ClusterRole produces no grant and a not-found gap', () => {
  const model = buildModel(
    snapshotOf([
      binding('RoleBinding', 'rb', {
        namespace: 'ns',
        role: 'edit',
        subjects: [{ kind: 'User', name: 'u' }],
      }),
    ]),
  );
  assert.deepEqual(model.grants, []);
  assert.equal(model.bindings.length, 1);
  assert.deepEqual(model.gaps, [
    {
      kind: 'not-found',
      where: 'test.yaml:1',
      message:
        'RoleBinding/ns/rb: binding refers to missing ClusterRole/edit — rights are unknown; add the role or remove the binding',
    },
  ]);
});

test('nonResourceURLs take effect only through a ClusterRoleBinding', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('metrics', [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }, readSecrets]),
      binding('RoleBinding', 'rb', {
        namespace: 'ns',
        role: 'metrics',
        subjects: [{ kind: 'User', name: 'ns-user' }],
      }),
      binding('ClusterRoleBinding', 'crb', {
        role: 'metrics',
        subjects: [{ kind: 'User', name: 'cluster-user' }],
      }),
    ]),
  );
  const urls = (subject: string) => model.grantsOf(subject).flatMap((g) => g.rule.nonResourceURLs);
  assert.deepEqual(urls('User/ns-user'), []);
  assert.deepEqual(urls('User/cluster-user'), ['/metrics']);
  assert.equal(model.grantsOf('User/ns-user').length, 1, 'the resource rule still applies in the namespace');
});

test('a ServiceAccount subject without namespace means the RoleBinding namespace; in a ClusterRoleBinding it is skipped with a gap', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('reader', [readSecrets]),
      binding('RoleBinding', 'rb', {
        namespace: 'shop',
        role: 'reader',
        subjects: [{ kind: 'ServiceAccount', name: 'web' }],
      }),
      binding('ClusterRoleBinding', 'crb', {
        role: 'reader',
        subjects: [
          { kind: 'ServiceAccount', name: 'orphan' },
          { kind: 'ServiceAccount', name: 'ok', namespace: 'x' },
        ],
      }),
    ]),
  );
  assert.deepEqual(
    model.grants.map((g) => `${g.subject}@${g.scope}#${g.subjectIndex}`),
    ['ServiceAccount/x/ok@*#1', 'ServiceAccount/shop/web@shop#0'],
  );
  assert.equal(model.gaps.length, 1);
  assert.match(
    model.gaps[0]?.message ?? '',
    /^ClusterRoleBinding\/crb: ServiceAccount subject orphan has no namespace/,
  );
  assert.deepEqual(model.bindings.find((b) => b.name === 'rb')?.subjects, [
    { kind: 'ServiceAccount', name: 'web', namespace: 'shop' },
  ]);
});

test('a User named system:serviceaccount:<ns>:<name> is that ServiceAccount', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('reader', [readSecrets]),
      binding('ClusterRoleBinding', 'crb', {
        role: 'reader',
        subjects: [
          { kind: 'User', name: 'system:serviceaccount:ci:deployer' },
          { kind: 'User', name: 'system:serviceaccount:too:many:parts' },
        ],
      }),
    ]),
  );
  assert.ok(model.can('ServiceAccount/ci/deployer', getSecretIn('prod')));
  assert.deepEqual(
    model.grants.map((g) => g.subject),
    ['ServiceAccount/ci/deployer', 'User/system:serviceaccount:too:many:parts'],
  );
});

test('identities carry their implicit groups, and grants to those groups reach them', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('reader', [readSecrets]),
      binding('ClusterRoleBinding', 'all-sa', {
        role: 'reader',
        subjects: [{ kind: 'Group', name: 'system:serviceaccounts:shop' }],
      }),
      binding('ClusterRoleBinding', 'authn', {
        role: 'reader',
        subjects: [{ kind: 'Group', name: 'system:authenticated' }],
      }),
    ]),
  );
  assert.deepEqual(model.groupsOf('ServiceAccount/shop/web'), [
    'system:authenticated',
    'system:serviceaccounts',
    'system:serviceaccounts:shop',
  ]);
  assert.deepEqual(model.groupsOf('User/alice'), ['system:authenticated']);
  assert.deepEqual(model.groupsOf('User/system:anonymous'), ['system:unauthenticated']);
  assert.deepEqual(
    model.grantsOf('ServiceAccount/shop/web').map((g) => g.binding),
    ['ClusterRoleBinding/all-sa', 'ClusterRoleBinding/authn'],
  );
  assert.deepEqual(
    model.grantsOf('ServiceAccount/other/web').map((g) => g.binding),
    ['ClusterRoleBinding/authn'],
  );
  assert.deepEqual(model.grantsOf('User/system:anonymous'), []);
});

test('the namespaces resource is authorized in the namespace it names, as the API server does', () => {
  const model = buildModel(
    snapshotOf([
      clusterRole('ns-patcher', [{ verbs: ['patch'], apiGroups: [''], resources: ['namespaces'] }]),
      binding('RoleBinding', 'rb', {
        namespace: 'team',
        role: 'ns-patcher',
        subjects: [{ kind: 'User', name: 'lead' }],
      }),
    ]),
  );
  const patch = (name?: string): AccessRequest => ({
    verb: 'patch',
    apiGroup: '',
    resource: 'namespaces',
    ...(name ? { name } : {}),
  });
  assert.equal(model.can('User/lead', patch('team'))?.binding, 'RoleBinding/team/rb');
  assert.equal(model.can('User/lead', patch('other')), undefined);
  assert.equal(model.can('User/lead', patch()), undefined);
  assert.deepEqual(
    model.whoCan(patch('team')).map((g) => g.subject),
    ['User/lead'],
  );
  assert.deepEqual(model.whoCan(patch('kube-system')), []);
});

test('system:masters is allowed everything without any RBAC object', () => {
  const model = buildModel(snapshotOf([]));
  const grant = model.can('Group/system:masters', {
    verb: 'escalate',
    apiGroup: 'rbac.authorization.k8s.io',
    resource: 'clusterroles',
  });
  assert.equal(grant?.binding, 'Group/system:masters');
  assert.equal(grant?.scope, '*');
  assert.equal(model.can('User/alice', getSecretIn('ns')), undefined);
  assert.deepEqual(model.whoCan(getSecretIn('ns')), []);
});

test('bootstrap roles in the input stay built-in: by the rbac-defaults label, or by matching a bootstrap ref', () => {
  const labelled = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'cluster-admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
  };
  const unlabelled = { ...labelled, metadata: { name: 'cluster-admin' } };
  const mine = { ...labelled, metadata: { name: 'my-admin' } };
  assert.equal(buildModel(snapshotOf([labelled])).role('ClusterRole/cluster-admin')?.builtIn, true);
  assert.equal(buildModel(snapshotOf([unlabelled])).role('ClusterRole/cluster-admin')?.builtIn, false);
  const bootstrap = snapshotOf([labelled]).objects;
  assert.equal(
    buildModel(snapshotOf([unlabelled]), { builtIn: bootstrap }).role('ClusterRole/cluster-admin')?.builtIn,
    true,
  );
  assert.equal(buildModel(snapshotOf([mine])).role('ClusterRole/my-admin')?.builtIn, false);
});
