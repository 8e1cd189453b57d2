import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalateRole } from './escalate-role.js';
import {
  assertFixesRemove,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  realBootstrap,
  role,
  roleBinding,
  rule,
  sa,
  testMeta,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const RBAC = ['rbac.authorization.k8s.io'];
const on = (verbs: string[], resource: string, names?: string[]) => rule(verbs, [resource], RBAC, names);

/** A ClusterRole `self-editor` with the rules, bound cluster-wide to the SA `ops/ci`. */
function clusterWide(...rules: unknown[]): unknown[] {
  return [
    clusterRole('self-editor', rules),
    clusterRoleBinding('ci-editor', 'self-editor', [sa('ci', 'ops')]),
  ];
}

/** A Role `self-editor` in `shop` with the rules, bound to the SA `shop/ci`. */
function inShop(...rules: unknown[]): unknown[] {
  return [
    role('shop', 'self-editor', rules),
    roleBinding('shop', 'ci-editor', { kind: 'Role', name: 'self-editor' }, [sa('ci', 'shop')]),
  ];
}

const CLUSTER = 'ServiceAccount/ops/ci -> jewel:cluster-admin';

runTable(escalateRole, [
  {
    name: 'escalate and update on the ClusterRole it is bound to: cluster-admin',
    objects: clusterWide(on(['escalate'], 'clusterroles'), on(['update'], 'clusterroles')),
    edges: [CLUSTER],
    fixes: [
      'remove-binding-subject@ClusterRoleBinding/ci-editor',
      'restrict-role-rule@ClusterRole/self-editor',
    ],
  },
  {
    name: 'escalate and update on every resource of the RBAC group: the wildcard resource covers roles',
    objects: clusterWide(rule(['escalate', 'update'], ['*'], RBAC), rule(['get'], ['pods'])),
    edges: [CLUSTER],
  },
  {
    name: 'near miss: a Role already admin-level is no target, though it can be rewritten',
    objects: [
      role('shop', 'owner', [rule(['*'], ['*'], ['*'])]),
      roleBinding('shop', 'owners', { kind: 'Role', name: 'owner' }, [sa('ci', 'ops')]),
      clusterRole('role-editor', [on(['escalate', 'update'], 'roles')]),
      clusterRoleBinding('ci-editor', 'role-editor', [sa('ci', 'ops')]),
    ],
    edges: [],
  },
  {
    name: 'near miss: escalate without update or patch',
    objects: clusterWide(on(['escalate', 'get'], 'clusterroles')),
    edges: [],
  },
  {
    name: 'near miss: update without escalate',
    objects: clusterWide(on(['update', 'patch'], 'clusterroles')),
    edges: [],
  },
  {
    name: 'patch works like update',
    objects: clusterWide(on(['escalate'], 'clusterroles'), on(['patch'], 'clusterroles')),
    edges: [CLUSTER],
  },
  {
    name: 'resourceNames naming the bound role',
    objects: clusterWide(on(['escalate', 'update'], 'clusterroles', ['self-editor'])),
    edges: [CLUSTER],
  },
  {
    name: 'near miss: resourceNames naming a role it is not bound to',
    objects: clusterWide(on(['escalate', 'update'], 'clusterroles', ['someone-else'])),
    edges: [],
  },
  {
    name: 'near miss: a RoleBinding cannot grant rights on cluster-scoped ClusterRoles',
    objects: [
      clusterRole('self-editor', [on(['escalate', 'update'], 'clusterroles')]),
      roleBinding('shop', 'ci-editor', { kind: 'ClusterRole', name: 'self-editor' }, [sa('ci', 'shop')]),
    ],
    edges: [],
  },
  {
    name: 'escalate and update on its own Role: admin of the namespace',
    objects: inShop(on(['escalate'], 'roles'), on(['update'], 'roles')),
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-editor', 'restrict-role-rule@Role/shop/self-editor'],
  },
  {
    name: 'near miss: rights on roles, but bound to no Role in the namespace',
    objects: [
      clusterRole('role-editor', [on(['escalate', 'update'], 'roles')]),
      roleBinding('shop', 'ci-editor', { kind: 'ClusterRole', name: 'role-editor' }, [sa('ci', 'shop')]),
    ],
    edges: [],
  },
]);

test('escalate-role: evidence cites the escalate and the update rules', () => {
  const [edge] = edgesOf(
    escalateRole,
    clusterWide(on(['escalate'], 'clusterroles'), on(['update'], 'clusterroles')),
  );
  const paths = edge?.evidence
    .filter((item) => item.ref === 'ClusterRole/self-editor')
    .map((item) => item.path);
  assert.deepEqual(paths, ['/rules/0', '/rules/1']);
});

test('escalate-role: removing the subject or the escalate rule removes the edge', () => {
  assertFixesRemove(
    escalateRole,
    clusterWide(on(['escalate'], 'clusterroles'), on(['update'], 'clusterroles')),
    CLUSTER,
  );
  const shop = inShop(on(['escalate'], 'roles'), on(['update'], 'roles'));
  assertFixesRemove(escalateRole, shop, 'ServiceAccount/shop/ci -> hub:namespace-admin/shop');
});

const bootstrap = await realBootstrap();

test('escalate-role: the real aggregation controller may rewrite ClusterRoles; built-ins get no fix', {
  skip: bootstrap === undefined,
}, () => {
  const edges = edgesOf(escalateRole, [], bootstrap);
  const controller = edges.find(
    (edge) => edge.from === 'ServiceAccount/kube-system/clusterrole-aggregation-controller',
  );
  assert.equal(controller?.to, 'jewel:cluster-admin');
  assert.ok(edges.every((edge) => edge.fixes.length === 0));
});

testMeta(escalateRole);
