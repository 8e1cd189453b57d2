import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindRole } from './bind-role.js';
import {
  assertFixesRemove,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  role,
  roleBinding,
  rule,
  sa,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const RBAC = ['rbac.authorization.k8s.io'];
const bind = (resources: string, names?: string[]) => rule(['bind'], [resources], RBAC, names);
const write = (resources: string, verbs = ['create']) => rule(verbs, [resources], RBAC);

/** A ClusterRole `binder` with the rules, bound cluster-wide to the SA `ops/ci`. */
function clusterWide(...rules: unknown[]): unknown[] {
  return [clusterRole('binder', rules), clusterRoleBinding('ci-binder', 'binder', [sa('ci', 'ops')])];
}

/** A Role `binder` in `shop` with the rules, bound to the SA `shop/ci`. */
function inShop(...rules: unknown[]): unknown[] {
  return [
    role('shop', 'binder', rules),
    roleBinding('shop', 'ci-binder', { kind: 'Role', name: 'binder' }, [sa('ci', 'shop')]),
  ];
}

const OWNER = role('shop', 'owner', [rule(['*'], ['*'], ['*'])]);
/** An unbound Role whose holder may write role bindings and bind admin: binding it is namespace admin. */
const BINDER = role('shop', 'granter', [write('rolebindings'), bind('clusterroles', ['admin'])]);

runTable(bindRole, [
  {
    name: 'create clusterrolebindings and bind cluster-admin: cluster-admin',
    objects: clusterWide(write('clusterrolebindings'), bind('clusterroles', ['cluster-admin'])),
    edges: ['ServiceAccount/ops/ci -> jewel:cluster-admin'],
    fixes: ['remove-binding-subject@ClusterRoleBinding/ci-binder', 'restrict-role-rule@ClusterRole/binder'],
  },
  {
    name: 'near miss: bind without any binding write',
    objects: clusterWide(
      rule(['get'], ['clusterrolebindings'], RBAC),
      bind('clusterroles', ['cluster-admin']),
    ),
    edges: [],
  },
  {
    name: 'near miss: create rolebindings and clusterrolebindings without bind',
    objects: clusterWide(
      rule(['create'], ['rolebindings', 'clusterrolebindings'], RBAC),
      rule(['get'], ['clusterroles'], RBAC),
    ),
    edges: [],
  },
  {
    name: 'near miss: bind only the view role',
    objects: clusterWide(write('clusterrolebindings'), bind('clusterroles', ['view'])),
    edges: [],
  },
  {
    name: 'bind cluster-admin with only rolebindings: admin of every namespace, not cluster-admin',
    objects: clusterWide(write('rolebindings'), bind('clusterroles', ['cluster-admin'])),
    edges: ['ServiceAccount/ops/ci -> hub:namespace-admin/*'],
  },
  {
    name: 'in a namespace: create rolebindings and bind any ClusterRole',
    objects: inShop(write('rolebindings'), bind('clusterroles')),
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-binder', 'restrict-role-rule@Role/shop/binder'],
  },
  {
    name: 'bind and create on every resource of the RBAC group: the wildcard resource covers both',
    objects: [OWNER, ...inShop(rule(['bind', 'create'], ['*'], RBAC), rule(['get'], ['pods']))],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
  },
  {
    name: 'in a namespace: patch rolebindings and bind admin',
    objects: inShop(write('rolebindings', ['patch']), bind('clusterroles', ['admin'])),
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
  },
  {
    name: 'near miss: a Role cannot grant clusterrolebindings, so no cluster-admin',
    objects: inShop(write('clusterrolebindings'), bind('clusterroles', ['cluster-admin'])),
    edges: [],
  },
  {
    name: 'near miss: bind in one namespace, create rolebindings in another',
    objects: [
      role('shop', 'binder', [bind('clusterroles')]),
      roleBinding('shop', 'b', { kind: 'Role', name: 'binder' }, [user('jane')]),
      role('web', 'writer', [write('rolebindings')]),
      roleBinding('web', 'w', { kind: 'Role', name: 'writer' }, [user('jane')]),
    ],
    edges: [],
  },
  {
    name: 'bind an admin-level Role of the namespace by name',
    objects: [OWNER, ...inShop(write('rolebindings'), bind('roles', ['owner']))],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
  },
  {
    name: 'near miss: the named Role is not admin-level',
    objects: [
      role('shop', 'owner', [rule(['get'], ['pods'])]),
      ...inShop(write('rolebindings'), bind('roles', ['owner'])),
    ],
    edges: [],
  },
  {
    name: 'the only admin Role it can bind is a cut too: the wildcard rule of that Role',
    objects: [OWNER, ...inShop(write('rolebindings'), bind('roles'))],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: [
      'remove-binding-subject@RoleBinding/shop/ci-binder',
      'restrict-role-rule@Role/shop/binder',
      'restrict-role-rule@Role/shop/owner',
    ],
  },
  {
    name: 'near miss: two admin Roles to bind, so neither alone is a cut',
    objects: [
      OWNER,
      role('shop', 'keeper', [rule(['*'], ['*'], ['*'])]),
      ...inShop(write('rolebindings'), bind('roles')),
    ],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-binder', 'restrict-role-rule@Role/shop/binder'],
  },
  {
    // The first cluster-wide bind sweeps every namespace and binds `helper`; the second must still find `stepper`.
    name: 'a second cluster-wide bind reaches the stepping-stone Role a first, narrower one could not',
    objects: [
      role('web', 'helper', [rule(['get'], ['pods'])]),
      role('shop', 'stepper', [bind('clusterroles', ['admin'])]),
      ...clusterWide(write('rolebindings'), bind('roles', ['helper']), bind('roles', ['stepper'])),
    ],
    edges: ['ServiceAccount/ops/ci -> hub:namespace-admin/shop'],
  },
  {
    name: 'near miss: the stepping-stone Role a second cluster-wide bind reaches gives no bind',
    objects: [
      role('web', 'helper', [rule(['get'], ['pods'])]),
      role('shop', 'stepper', [rule(['get'], ['pods'])]),
      ...clusterWide(write('rolebindings'), bind('roles', ['helper']), bind('roles', ['stepper'])),
    ],
    edges: [],
  },
  {
    name: 'bind a binder Role that may itself bind admin: namespace admin in two steps',
    objects: [BINDER, ...inShop(write('rolebindings'), bind('roles', ['granter']))],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: [
      'remove-binding-subject@RoleBinding/shop/ci-binder',
      'restrict-role-rule@Role/shop/binder',
      'restrict-role-rule@Role/shop/granter',
    ],
  },
  {
    name: 'bind a Role that gives only the bind on admin: the subject’s own rolebindings write completes it',
    objects: [
      role('shop', 'granter', [rule(['get'], ['rolebindings'], RBAC), bind('clusterroles', ['admin'])]),
      ...inShop(write('rolebindings'), bind('roles', ['granter'])),
    ],
    edges: ['ServiceAccount/shop/ci -> hub:namespace-admin/shop'],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-binder', 'restrict-role-rule@Role/shop/binder'],
  },
  {
    name: 'near miss: a Role that would give the bind on admin, but no rolebindings write to bind it with',
    objects: [
      role('shop', 'granter', [write('rolebindings'), bind('clusterroles', ['admin'])]),
      ...inShop(rule(['get'], ['rolebindings'], RBAC), bind('roles', ['granter'])),
    ],
    edges: [],
  },
  {
    name: 'near miss: the binder Role lives in another namespace than the bind right',
    objects: [
      role('web', 'granter', [write('rolebindings'), bind('clusterroles', ['admin'])]),
      ...inShop(write('rolebindings'), bind('roles', ['granter'])),
    ],
    edges: [],
  },
]);

test('bind-role: removing the bind rule of the binder Role it binds removes the two-step edge', () => {
  assertFixesRemove(
    bindRole,
    [BINDER, ...inShop(write('rolebindings'), bind('roles', ['granter']))],
    'ServiceAccount/shop/ci -> hub:namespace-admin/shop',
  );
  assertFixesRemove(
    bindRole,
    [OWNER, ...inShop(write('rolebindings'), bind('roles'))],
    'ServiceAccount/shop/ci -> hub:namespace-admin/shop',
  );
});

test('bind-role: evidence cites the bind grant and the binding write', () => {
  const [edge] = edgesOf(
    bindRole,
    clusterWide(write('clusterrolebindings'), bind('clusterroles', ['cluster-admin'])),
  );
  const rules = edge?.evidence.filter((item) => item.ref === 'ClusterRole/binder').map((item) => item.path);
  assert.deepEqual(rules, ['/rules/1', '/rules/0']);
  const restrict = edge?.fixes.find((fix) => fix.remediation === 'restrict-role-rule');
  assert.deepEqual(restrict?.ops, [{ op: 'remove', path: '/rules/1' }]);
});

test('bind-role: removing the subject or the bind rule removes the edge', () => {
  const objects = clusterWide(write('clusterrolebindings'), bind('clusterroles', ['cluster-admin']));
  assertFixesRemove(bindRole, objects, 'ServiceAccount/ops/ci -> jewel:cluster-admin');
  assertFixesRemove(
    bindRole,
    inShop(write('rolebindings'), bind('clusterroles')),
    'ServiceAccount/shop/ci -> hub:namespace-admin/shop',
  );
});

test('bind-role: evidence names the admin-level Role the subject would bind', () => {
  const [edge] = edgesOf(bindRole, [BINDER, ...inShop(write('rolebindings'), bind('roles', ['granter']))]);
  const named = edge?.evidence.find((item) => item.ref === 'Role/shop/granter');
  assert.equal(named?.path, '/rules/1');
  assert.match(named?.says ?? '', /bind an admin role in namespace shop/);
});

testMeta(bindRole);
