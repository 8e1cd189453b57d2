import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterAdminGrant } from './cluster-admin-grant.js';
import {
  arrows,
  assertFixesRemove,
  builtIn,
  CLUSTER_ADMIN,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  group,
  namespace,
  realBootstrap,
  role,
  roleBinding,
  rule,
  sa,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const ADMIN = clusterRole('admin', [
  rule(['*'], ['pods', 'secrets', 'rolebindings'], ['', 'rbac.authorization.k8s.io']),
]);
const SUPER = clusterRole('superuser', [rule(['get'], ['nodes']), rule(['*'], ['*'], ['*'])]);
const deployerAdmin = clusterRoleBinding('deployer-admin', 'cluster-admin', [sa('deployer', 'ops')]);

runTable(clusterAdminGrant, [
  {
    name: 'a ClusterRoleBinding to built-in cluster-admin is cluster-admin; only the binding is patchable',
    objects: [deployerAdmin],
    options: builtIn([CLUSTER_ADMIN]),
    edges: ['ServiceAccount/ops/deployer -> jewel:cluster-admin'],
    fixes: ['remove-binding-subject@ClusterRoleBinding/deployer-admin'],
  },
  {
    name: 'a custom full wildcard ClusterRole bound cluster-wide; its deciding rule can go',
    objects: [SUPER, clusterRoleBinding('ci', 'superuser', [user('ci-bot')])],
    edges: ['User/ci-bot -> jewel:cluster-admin'],
    fixes: ['remove-binding-subject@ClusterRoleBinding/ci', 'restrict-role-rule@ClusterRole/superuser'],
  },
  {
    name: 'near miss: a RoleBinding to cluster-admin is admin of that namespace only',
    objects: [
      roleBinding('shop', 'deployer-admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [
        sa('deployer', 'ops'),
      ]),
    ],
    options: builtIn([CLUSTER_ADMIN]),
    edges: ['ServiceAccount/ops/deployer -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/deployer-admin'],
  },
  {
    name: 'a RoleBinding to admin with a ServiceAccount subject without namespace: the binding namespace',
    objects: [ADMIN, roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [sa('web')])],
    edges: ['ServiceAccount/shop/web -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/web-admin', 'restrict-role-rule@ClusterRole/admin'],
  },
  {
    name: 'near miss: an admin role of three rules has no single deciding rule; the subject, twice bound, goes',
    objects: [
      clusterRole('admin', [
        rule(['get'], ['pods']),
        rule(['create'], ['pods']),
        rule(['list'], ['secrets']),
      ]),
      roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [
        sa('web'),
        sa('db'),
        sa('web'),
      ]),
    ],
    edges: [
      'ServiceAccount/shop/db -> hub:namespace-admin/shop',
      'ServiceAccount/shop/web -> hub:namespace-admin/shop',
    ],
    fixes: ['remove-binding-subject@RoleBinding/shop/web-admin'],
  },
  {
    name: 'a ClusterRoleBinding to admin is admin of every namespace',
    objects: [ADMIN, clusterRoleBinding('all-admin', 'admin', [group('ops')])],
    edges: ['Group/ops -> hub:namespace-admin/*'],
  },
  {
    name: 'a Role with a full wildcard rule is namespace admin',
    objects: [
      role('shop', 'owner', [rule(['*'], ['*'], ['*'])]),
      roleBinding('shop', 'owner', { kind: 'Role', name: 'owner' }, [user('jane')]),
    ],
    edges: ['User/jane -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/owner', 'restrict-role-rule@Role/shop/owner'],
  },
  {
    name: 'a User named system:serviceaccount:ns:sa is that service account',
    objects: [
      clusterRoleBinding('legacy', 'cluster-admin', [user('system:serviceaccount:kube-system:tiller')]),
    ],
    options: builtIn([CLUSTER_ADMIN]),
    edges: ['ServiceAccount/kube-system/tiller -> jewel:cluster-admin'],
  },
  {
    name: 'a Group system:authenticated binding reaches the group node',
    objects: [clusterRoleBinding('oops', 'cluster-admin', [group('system:authenticated')])],
    options: builtIn([CLUSTER_ADMIN]),
    edges: ['Group/system:authenticated -> jewel:cluster-admin'],
  },
  {
    name: 'system:masters named in a binding is cluster-admin outside RBAC: no fix',
    objects: [clusterRoleBinding('masters-view', 'view', [group('system:masters')])],
    edges: ['Group/system:masters -> jewel:cluster-admin'],
    fixes: [],
  },
  {
    name: 'a built-in binding to cluster-admin is reported but never patched',
    objects: [],
    options: builtIn([
      CLUSTER_ADMIN,
      clusterRoleBinding('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')]),
    ]),
    edges: ['Group/kubeadm:cluster-admins -> jewel:cluster-admin'],
    fixes: [],
  },
  {
    name: 'near miss: every verb on every resource of the core group only',
    objects: [
      clusterRole('core-all', [rule(['*'], ['*'], [''])]),
      clusterRoleBinding('core', 'core-all', [user('jane')]),
    ],
    edges: [],
  },
  {
    name: 'near miss: read-only verbs on everything',
    objects: [
      clusterRole('read-all', [rule(['get', 'list', 'watch'], ['*'], ['*'])]),
      clusterRoleBinding('ro', 'read-all', [user('jane')]),
    ],
    edges: [],
  },
  {
    name: 'near miss: a full wildcard limited by resourceNames',
    objects: [
      clusterRole('named', [rule(['*'], ['*'], ['*'], ['one'])]),
      clusterRoleBinding('named', 'named', [user('jane')]),
    ],
    edges: [],
  },
]);

test('cluster-admin-grant: removing the subject or the rule really removes the edge', () => {
  const objects = [SUPER, clusterRoleBinding('ci', 'superuser', [user('ci-bot'), user('auditor')])];
  assertFixesRemove(clusterAdminGrant, objects, 'User/ci-bot -> jewel:cluster-admin');
  const edge = edgesOf(clusterAdminGrant, objects).find((e) => e.from === 'User/ci-bot');
  const fix = edge?.fixes.find((f) => f.remediation === 'remove-binding-subject');
  assert.deepEqual(fix?.ops, [{ op: 'remove', path: '/subjects/0' }]);
  const restrict = edge?.fixes.find((f) => f.remediation === 'restrict-role-rule');
  assert.deepEqual(restrict?.ops, [{ op: 'remove', path: '/rules/1' }]);
});

test('cluster-admin-grant: the admin role decides as a whole: its edge cites the role, and removes every index', () => {
  const admin = clusterRole('admin', [
    rule(['get'], ['pods']),
    rule(['create'], ['pods']),
    rule(['list'], ['secrets']),
  ]);
  const binding = roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [
    sa('web'),
    sa('db'),
    sa('web'),
  ]);
  const edge = edgesOf(clusterAdminGrant, [admin, binding]).find((e) => e.from === 'ServiceAccount/shop/web');
  assert.deepEqual(
    edge?.evidence.map((item) => item.says),
    [
      'ClusterRole/admin is the namespace admin role: every namespaced right',
      'RoleBinding/shop/web-admin gives ClusterRole/admin to ServiceAccount/shop/web in namespace shop',
    ],
  );
  assert.deepEqual(
    edge?.fixes.map((fix) => fix.ops),
    [
      [
        { op: 'remove', path: '/subjects/2' },
        { op: 'remove', path: '/subjects/0' },
      ],
    ],
  );
});

test('cluster-admin-grant: an admin role with a wildcard rule, bound in a namespace, cites every rule', () => {
  const admin = clusterRole('admin', [
    rule(['get'], ['pods']),
    rule(['create'], ['pods']),
    rule(['*'], ['*'], ['*']),
  ]);
  const binding = roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [sa('web')]);
  const [edge] = edgesOf(clusterAdminGrant, [admin, binding]).filter((e) => !e.structural);
  assert.deepEqual(
    edge?.evidence.filter((item) => item.ref === 'ClusterRole/admin').map((item) => item.path),
    ['/rules/0', '/rules/1', '/rules/2'],
  );
});

test('cluster-admin-grant: the only subject of a binding deletes the binding', () => {
  const edges = edgesOf(clusterAdminGrant, [deployerAdmin], builtIn([CLUSTER_ADMIN]));
  assert.deepEqual(edges[0]?.fixes[0]?.ops, [{ op: 'delete-object' }]);
  assert.equal(edges[0]?.evidence.length, 2);
  assert.equal(edges[0]?.evidence[1]?.path, '/subjects/0');
  assert.equal(edges[0]?.evidence[1]?.location, 'test.yaml:1');
});

test('cluster-admin-grant: namespace admin fans out to pod creation and secret reading there', () => {
  const objects = [
    ADMIN,
    roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [sa('web')]),
  ];
  const structural = edgesOf(clusterAdminGrant, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:namespace-admin/shop -> hub:create-pods/shop',
    'hub:namespace-admin/shop -> hub:read-secrets/shop',
  ]);
  for (const edge of structural) {
    assert.deepEqual(edge.fixes, []);
    assert.equal(edge.evidence[0]?.says, 'namespace admin can create pods and read secrets in shop');
  }
});

test('cluster-admin-grant: admin of every namespace fans out to each namespace', () => {
  const objects = [
    ADMIN,
    namespace('a'),
    namespace('b'),
    clusterRoleBinding('all-admin', 'admin', [group('ops')]),
  ];
  const structural = arrows(edgesOf(clusterAdminGrant, objects).filter((edge) => edge.structural));
  assert.deepEqual(structural, [
    'hub:namespace-admin/* -> hub:namespace-admin/a',
    'hub:namespace-admin/* -> hub:namespace-admin/b',
    'hub:namespace-admin/a -> hub:create-pods/a',
    'hub:namespace-admin/a -> hub:read-secrets/a',
    'hub:namespace-admin/b -> hub:create-pods/b',
    'hub:namespace-admin/b -> hub:read-secrets/b',
  ]);
});

test('cluster-admin-grant: no namespace admin, no fan-out', () => {
  const edges = edgesOf(clusterAdminGrant, [deployerAdmin, namespace('shop')], builtIn([CLUSTER_ADMIN]));
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), []);
});

test('cluster-admin-grant: system:masters bound to cluster-admin is one fixless edge', () => {
  const objects = [clusterRoleBinding('cluster-admin', 'cluster-admin', [group('system:masters')])];
  const edges = edgesOf(clusterAdminGrant, objects, builtIn([CLUSTER_ADMIN]));
  assert.deepEqual(arrows(edges), ['Group/system:masters -> jewel:cluster-admin']);
  assert.deepEqual(edges[0]?.fixes, []);
});

const bootstrap = await realBootstrap();

test('cluster-admin-grant: the real aggregated admin role bound in a namespace, never patched', {
  skip: bootstrap === undefined,
}, () => {
  const objects = [roleBinding('shop', 'web-admin', { kind: 'ClusterRole', name: 'admin' }, [sa('web')])];
  const edges = edgesOf(clusterAdminGrant, objects, bootstrap).filter((edge) => !edge.structural);
  assert.deepEqual(arrows(edges.filter((edge) => edge.from !== 'Group/system:masters')), [
    'ServiceAccount/shop/web -> hub:namespace-admin/shop',
  ]);
  const fixes = edges.flatMap((edge) => edge.fixes.map((fix) => `${fix.remediation}@${fix.target}`));
  assert.deepEqual(fixes, ['remove-binding-subject@RoleBinding/shop/web-admin']);
});

test('cluster-admin-grant: near miss, the real edit role is not namespace admin', {
  skip: bootstrap === undefined,
}, () => {
  const objects = [roleBinding('shop', 'web-edit', { kind: 'ClusterRole', name: 'edit' }, [sa('web')])];
  const edges = edgesOf(clusterAdminGrant, objects, bootstrap).filter((edge) => !edge.structural);
  assert.deepEqual(arrows(edges), ['Group/system:masters -> jewel:cluster-admin']);
});

testMeta(clusterAdminGrant);
