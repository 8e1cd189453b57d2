import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  secret,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { readSecrets } from './read-secrets.js';
import { runTable } from './table-test.js';

/** A Role in `shop` with the given rules, bound to the SA `ci` of `shop`. */
function shopRole(...rules: unknown[]): unknown[] {
  return [
    role('shop', 'reader', rules),
    roleBinding('shop', 'ci-reader', { kind: 'Role', name: 'reader' }, [sa('ci', 'shop')]),
  ];
}

const HUB = 'ServiceAccount/shop/ci -> hub:read-secrets/shop';
const TOKENS = [
  secret('shop', 'db-token', 'db'),
  secret('shop', 'cache-token', 'cache'),
  secret('shop', 'tls'),
];

runTable(readSecrets, [
  {
    name: 'list secrets in a namespace',
    objects: shopRole(rule(['list'], ['secrets'])),
    edges: [HUB],
    fixes: ['remove-binding-subject@RoleBinding/shop/ci-reader', 'restrict-role-rule@Role/shop/reader'],
  },
  { name: 'get secrets without list', objects: shopRole(rule(['get'], ['secrets'])), edges: [HUB] },
  { name: 'watch secrets replays them all', objects: shopRole(rule(['watch'], ['secrets'])), edges: [HUB] },
  { name: 'near miss: list configmaps', objects: shopRole(rule(['list'], ['configmaps'])), edges: [] },
  {
    name: 'near miss: secrets in the wrong API group',
    objects: shopRole(rule(['list'], ['secrets'], ['apps'])),
    edges: [],
  },
  {
    name: 'get with resourceNames reaches only the named token Secret’s SA',
    objects: [...TOKENS, ...shopRole(rule(['get'], ['secrets'], [''], ['db-token']))],
    edges: ['ServiceAccount/shop/ci -> ServiceAccount/shop/db'],
    fixes: [
      'delete-legacy-token-secret@Secret/shop/db-token',
      'remove-binding-subject@RoleBinding/shop/ci-reader',
      'restrict-role-rule@Role/shop/reader',
    ],
  },
  {
    name: 'get with resourceNames of an ordinary Secret reaches that namespace’s secrets',
    objects: [...TOKENS, ...shopRole(rule(['get'], ['secrets'], [''], ['tls']))],
    edges: ['ServiceAccount/shop/ci -> jewel:secrets/shop'],
  },
  {
    name: 'near miss: resourceNames naming a Secret that is not there',
    objects: [...TOKENS, ...shopRole(rule(['get'], ['secrets'], [''], ['gone']))],
    edges: [],
  },
  {
    name: 'list with legacy token Secrets: the hub leads to each token’s SA',
    objects: [...TOKENS, ...shopRole(rule(['list'], ['secrets']))],
    edges: [
      HUB,
      'hub:read-secrets/shop -> ServiceAccount/shop/cache',
      'hub:read-secrets/shop -> ServiceAccount/shop/db',
    ],
    fixes: [
      'delete-legacy-token-secret@Secret/shop/cache-token',
      'delete-legacy-token-secret@Secret/shop/db-token',
      'remove-binding-subject@RoleBinding/shop/ci-reader',
      'restrict-role-rule@Role/shop/reader',
    ],
  },
  {
    name: 'near miss: token Secrets but no reader',
    objects: [...TOKENS, ...shopRole(rule(['list'], ['pods']))],
    edges: [],
  },
  {
    name: 'cluster-wide list reaches tokens in every namespace',
    objects: [
      secret('kube-system', 'old-token', 'tiller'),
      clusterRole('secret-reader', [rule(['list'], ['secrets'])]),
      clusterRoleBinding('read', 'secret-reader', [user('auditor')]),
    ],
    edges: [
      'User/auditor -> hub:read-secrets/*',
      'hub:read-secrets/kube-system -> ServiceAccount/kube-system/tiller',
    ],
  },
  {
    name: 'namespace admin reads the token Secrets of its namespace',
    objects: [
      secret('shop', 'db-token', 'db'),
      roleBinding('shop', 'owner', { kind: 'ClusterRole', name: 'cluster-admin' }, [user('jane')]),
    ],
    options: builtIn([CLUSTER_ADMIN]),
    edges: ['hub:read-secrets/shop -> ServiceAccount/shop/db'],
  },
]);

test('read-secrets: list is trivial, get without list is likely', () => {
  const [list] = edgesOf(readSecrets, shopRole(rule(['list'], ['secrets'])));
  assert.equal(list?.likelihood, undefined);
  const [get] = edgesOf(readSecrets, shopRole(rule(['get'], ['secrets'])));
  assert.equal(get?.likelihood, 'likely');
});

test('read-secrets: the fan-out reaches the secrets jewel of each namespace', () => {
  const objects = [
    namespace('a'),
    clusterRole('r', [rule(['list'], ['secrets'])]),
    clusterRoleBinding('r', 'r', [user('u')]),
  ];
  const structural = edgesOf(readSecrets, objects).filter((edge) => edge.structural);
  assert.deepEqual(arrows(structural), [
    'hub:read-secrets/* -> hub:read-secrets/a',
    'hub:read-secrets/a -> jewel:secrets/a',
  ]);
});

test('read-secrets: deleting the token Secret, the subject or the rule removes the edge', () => {
  const objects = [
    ...TOKENS,
    ...shopRole(rule(['get'], ['secrets'], [''], ['db-token']), rule(['list'], ['pods'])),
  ];
  assertFixesRemove(readSecrets, objects, 'ServiceAccount/shop/ci -> ServiceAccount/shop/db');
  assertFixesRemove(
    readSecrets,
    [...TOKENS, ...shopRole(rule(['list'], ['secrets']))],
    'hub:read-secrets/shop -> ServiceAccount/shop/db',
  );
});

const bootstrap = await realBootstrap();

test('read-secrets: the real edit role reads Secrets, view does not', {
  skip: bootstrap === undefined,
}, () => {
  const bound = (name: string) => [
    roleBinding('shop', `ci-${name}`, { kind: 'ClusterRole', name }, [sa('ci', 'shop')]),
  ];
  const fromCi = (name: string) =>
    arrows(
      edgesOf(readSecrets, bound(name), bootstrap).filter((edge) => edge.from === 'ServiceAccount/shop/ci'),
    );
  assert.deepEqual(fromCi('edit'), [HUB]);
  assert.deepEqual(fromCi('view'), []);
});

testMeta(readSecrets);
