import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impersonate } from './impersonate.js';
import {
  arrows,
  assertFixesRemove,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  group,
  role,
  roleBinding,
  rule,
  sa,
  serviceAccount,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const as = (resource: string, names?: string[]) => rule(['impersonate'], [resource], [''], names);

/** A ClusterRole `impersonator` with the rules, bound cluster-wide to the User `support`. */
function clusterWide(...rules: unknown[]): unknown[] {
  return [
    clusterRole('impersonator', rules),
    clusterRoleBinding('support', 'impersonator', [user('support')]),
  ];
}

const USERS = 'User/support -> hub:impersonate-users';
const ADMIN = 'User/support -> jewel:cluster-admin';

runTable(impersonate, [
  {
    name: 'impersonate any user',
    objects: clusterWide(as('users')),
    edges: [USERS],
    fixes: [
      'remove-binding-subject@ClusterRoleBinding/support',
      'restrict-role-rule@ClusterRole/impersonator',
    ],
  },
  {
    name: 'users and groups: a user in system:masters is cluster-admin; the fix is on the groups rule',
    objects: clusterWide(as('users'), as('groups')),
    edges: [USERS, ADMIN],
    fixes: [
      'remove-binding-subject@ClusterRoleBinding/support',
      'restrict-role-rule@ClusterRole/impersonator',
    ],
  },
  {
    name: 'groups named system:masters',
    objects: clusterWide(as('users'), as('groups', ['system:masters'])),
    edges: [USERS, ADMIN],
  },
  {
    name: 'near miss: impersonate groups without users gives nothing',
    objects: clusterWide(as('groups')),
    edges: [],
  },
  {
    name: 'near miss: get users is not impersonation',
    objects: clusterWide(rule(['get', 'list'], ['users', 'groups'])),
    edges: [],
  },
  {
    name: 'near miss: users are cluster-scoped, a RoleBinding gives nothing',
    objects: [
      role('shop', 'impersonator', [as('users'), as('groups')]),
      roleBinding('shop', 'support', { kind: 'Role', name: 'impersonator' }, [user('support')]),
    ],
    edges: [],
  },
  {
    name: 'named users only',
    objects: clusterWide(as('users', ['alice', 'bob'])),
    edges: ['User/support -> User/alice', 'User/support -> User/bob'],
  },
  {
    name: 'near miss: an SA-shaped user name is authorized as serviceaccounts, not users',
    objects: [
      serviceAccount('kube-system', 'tiller'),
      ...clusterWide(as('users', ['system:serviceaccount:kube-system:tiller'])),
    ],
    edges: [],
  },
  {
    name: 'a named service account in the binding’s namespace',
    objects: [
      serviceAccount('kube-system', 'tiller'),
      role('kube-system', 'as-tiller', [as('serviceaccounts', ['tiller'])]),
      roleBinding('kube-system', 'ci', { kind: 'Role', name: 'as-tiller' }, [user('ci')]),
    ],
    edges: ['User/ci -> ServiceAccount/kube-system/tiller'],
  },
  {
    name: 'every service account of a namespace',
    objects: [
      role('shop', 'as-any', [as('serviceaccounts')]),
      roleBinding('shop', 'ci', { kind: 'Role', name: 'as-any' }, [user('ci')]),
    ],
    edges: ['User/ci -> hub:impersonate-sa/shop'],
  },
  {
    name: 'a service account plus system:masters is cluster-admin',
    objects: clusterWide(as('serviceaccounts', ['tiller']), as('groups', ['system:masters'])),
    edges: [ADMIN],
  },
  {
    name: 'a user plus a named group that some binding uses',
    objects: [
      ...clusterWide(as('users', ['alice']), as('groups', ['developers'])),
      clusterRoleBinding('dev', 'impersonator', [group('developers')]),
    ],
    edges: [
      'User/support -> User/alice',
      'User/support -> Group/developers',
      'Group/developers -> User/alice',
    ],
  },
]);

test('impersonate: the users hub fans out to bound users and system:authenticated', () => {
  const objects = [
    ...clusterWide(as('users')),
    clusterRoleBinding('everyone', 'impersonator', [group('system:authenticated'), group('other')]),
    clusterRoleBinding('alice', 'impersonator', [user('alice')]),
  ];
  const structural = edgesOf(impersonate, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:impersonate-users -> Group/system:authenticated',
    'hub:impersonate-users -> User/alice',
    'hub:impersonate-users -> User/support',
  ]);
});

test('impersonate: the service-account hub fans out to the SAs of its namespace, bound ones included', () => {
  const objects = [
    serviceAccount('shop', 'web'),
    role('shop', 'as-any', [as('serviceaccounts')]),
    roleBinding('shop', 'ci', { kind: 'Role', name: 'as-any' }, [sa('ci')]),
  ];
  const structural = edgesOf(impersonate, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:impersonate-sa/shop -> ServiceAccount/shop/ci',
    'hub:impersonate-sa/shop -> ServiceAccount/shop/default',
    'hub:impersonate-sa/shop -> ServiceAccount/shop/web',
  ]);
});

test('impersonate: cutting the groups grant removes the cluster-admin edge', () => {
  assertFixesRemove(impersonate, clusterWide(as('users'), as('groups')), ADMIN);
  const [edge] = edgesOf(impersonate, clusterWide(as('users'), as('groups'))).filter(
    (e) => e.to === 'jewel:cluster-admin',
  );
  const restrict = edge?.fixes.find((fix) => fix.remediation === 'restrict-role-rule');
  assert.deepEqual(restrict?.ops, [{ op: 'remove', path: '/rules/1' }]);
});

testMeta(impersonate);
