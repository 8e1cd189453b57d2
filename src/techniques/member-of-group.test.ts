import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memberOfGroup } from './member-of-group.js';
import {
  arrows,
  clusterRole,
  clusterRoleBinding,
  edgesOf,
  group,
  namespace,
  roleBinding,
  rule,
  serviceAccount,
  testMeta,
  user,
} from './rbac-test-helpers.js';

const VIEW = clusterRole('viewer', [rule(['get'], ['pods'])]);

test('member-of-group: a system:authenticated binding reaches every SA and every bound user', () => {
  const objects = [
    VIEW,
    namespace('shop'),
    serviceAccount('shop', 'web'),
    clusterRoleBinding('everyone', 'viewer', [group('system:authenticated')]),
    clusterRoleBinding('alice', 'viewer', [user('alice')]),
  ];
  assert.deepEqual(arrows(edgesOf(memberOfGroup, objects)), [
    'ServiceAccount/shop/default -> Group/system:authenticated',
    'ServiceAccount/shop/web -> Group/system:authenticated',
    'User/alice -> Group/system:authenticated',
  ]);
});

test('member-of-group: a namespace SA group reaches only the SAs of that namespace', () => {
  const objects = [
    VIEW,
    serviceAccount('shop', 'web'),
    serviceAccount('blog', 'app'),
    roleBinding('shop', 'sas', { kind: 'ClusterRole', name: 'viewer' }, [
      group('system:serviceaccounts:shop'),
    ]),
  ];
  assert.deepEqual(arrows(edgesOf(memberOfGroup, objects)), [
    'ServiceAccount/shop/default -> Group/system:serviceaccounts:shop',
    'ServiceAccount/shop/web -> Group/system:serviceaccounts:shop',
  ]);
});

test('member-of-group: near miss, the SA group of another namespace', () => {
  const objects = [
    VIEW,
    serviceAccount('shop', 'web'),
    clusterRoleBinding('sas', 'viewer', [group('system:serviceaccounts:blog')]),
  ];
  assert.deepEqual(edgesOf(memberOfGroup, objects), []);
});

test('member-of-group: near miss, a group no identity is implicitly in', () => {
  const objects = [
    VIEW,
    serviceAccount('shop', 'web'),
    clusterRoleBinding('devs', 'viewer', [group('developers'), user('alice')]),
  ];
  assert.deepEqual(edgesOf(memberOfGroup, objects), []);
});

test('member-of-group: every edge is structural, without fixes, and cites the group binding', () => {
  const objects = [
    VIEW,
    serviceAccount('shop', 'web'),
    clusterRoleBinding('all-sas', 'viewer', [group('system:serviceaccounts')]),
  ];
  const edges = edgesOf(memberOfGroup, objects);
  assert.equal(edges.length, 2);
  for (const edge of edges) {
    assert.equal(edge.technique, 'member-of-group');
    assert.equal(edge.structural, true);
    assert.deepEqual(edge.fixes, []);
    assert.equal(edge.evidence[1]?.ref, 'ClusterRoleBinding/all-sas');
  }
});

testMeta(memberOfGroup);
