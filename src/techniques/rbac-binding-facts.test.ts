import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { findFacts } from './facts.js';
import {
  builtIn,
  clusterRole,
  clusterRoleBinding,
  group,
  roleBinding,
  rule,
  sa,
  user,
} from './rbac-test-helpers.js';

const READER = clusterRole('reader', [rule(['get'], ['pods'])]);
const factsOf = (objects: unknown[], options = {}) =>
  findFacts(buildModel(snapshotOf(objects), options))
    .filter((fact) => fact.fact.startsWith('rbac-') || fact.fact === 'system-masters-binding')
    .map((fact) => `${fact.fact}@${fact.object}${fact.path}`);

test('binding facts: anonymous, authenticated and system:masters subjects, each at its subject', () => {
  const crb = clusterRoleBinding('wide', 'reader', [
    sa('ci', 'shop'),
    group('system:unauthenticated'),
    user('system:anonymous'),
    group('system:authenticated'),
    group('system:masters'),
  ]);
  assert.deepEqual(factsOf([READER, crb]), [
    'rbac-anonymous-binding@ClusterRoleBinding/wide/subjects/1',
    'rbac-anonymous-binding@ClusterRoleBinding/wide/subjects/2',
    'rbac-authenticated-binding@ClusterRoleBinding/wide/subjects/3',
    'system-masters-binding@ClusterRoleBinding/wide/subjects/4',
  ]);
});

test('binding facts: near misses — other groups, and built-in bindings', () => {
  const rb = roleBinding('shop', 'rb', { kind: 'ClusterRole', name: 'reader' }, [
    group('system:serviceaccounts'),
    user('anonymous'),
  ]);
  assert.deepEqual(factsOf([READER, rb]), []);
  const bootstrap = builtIn([READER, clusterRoleBinding('b', 'reader', [group('system:authenticated')])]);
  assert.deepEqual(factsOf([], bootstrap), []);
});
