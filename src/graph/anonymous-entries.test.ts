import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import {
  builtIn,
  clusterRole,
  clusterRoleBinding,
  group,
  rule,
  user,
} from '../techniques/rbac-test-helpers.js';
import { anonymousEntries } from './anonymous-entries.js';
import { findEntries } from './entries.js';

const READER = clusterRole('reader', [rule(['get', 'list'], ['secrets'])]);
const entriesOf = (objects: unknown[], options = {}) =>
  anonymousEntries(buildModel(snapshotOf(objects), options), DEFAULT_CONFIG).map((entry) => entry.node);

test('anonymous entries: a grant to system:unauthenticated or system:anonymous is an external entry', () => {
  assert.deepEqual(
    entriesOf([
      READER,
      clusterRoleBinding('open', 'reader', [group('system:unauthenticated'), user('system:anonymous')]),
    ]),
    ['Group/system:unauthenticated', 'User/system:anonymous'],
  );
  const model = buildModel(
    snapshotOf([READER, clusterRoleBinding('open', 'reader', [group('system:unauthenticated')])]),
  );
  const entry = findEntries(model, DEFAULT_CONFIG).find((e) => e.node === 'Group/system:unauthenticated');
  assert.equal(entry?.threatModel, 'external');
  assert.equal(entry?.priorCost, 0, 'prior 1 costs nothing');
});

test('anonymous entries: near misses — public info only, a built-in binding, another group, external switched off', () => {
  const publicInfo = clusterRole('system:public-info-viewer', [
    { nonResourceURLs: ['/version'], verbs: ['get'] },
  ]);
  assert.deepEqual(
    entriesOf([
      publicInfo,
      clusterRoleBinding('pub', 'system:public-info-viewer', [group('system:unauthenticated')]),
    ]),
    [],
  );
  const bootstrap = builtIn([
    READER,
    clusterRoleBinding('open', 'reader', [group('system:unauthenticated')]),
  ]);
  assert.deepEqual(entriesOf([], bootstrap), []);
  assert.deepEqual(
    entriesOf([READER, clusterRoleBinding('auth', 'reader', [group('system:authenticated')])]),
    [],
  );
  const off = {
    ...DEFAULT_CONFIG,
    threatModels: { ...DEFAULT_CONFIG.threatModels, external: { enabled: false, weight: 100 } },
  };
  const model = buildModel(
    snapshotOf([READER, clusterRoleBinding('open', 'reader', [group('system:unauthenticated')])]),
  );
  assert.ok(!findEntries(model, off).some((e) => e.node === 'Group/system:unauthenticated'));
});
