import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  BOOTSTRAP_RBAC_DIR,
  defaultKubeVersion,
  loadBootstrapRbac,
  minorVersion,
  supportedKubeVersions,
} from './bootstrap-rbac.js';

function withDir(files: Record<string, string>, body: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-rbac-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const LIST = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'view' },
      rules: [],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'system:controller:bootstrap-signer', namespace: 'kube-system' },
      roleRef: { kind: 'Role', name: 'system:controller:bootstrap-signer' },
      subjects: [],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'edit' },
      rules: [],
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'not-rbac' } },
    'garbage',
  ],
});

test('minorVersion accepts 1.36, v1.36 and 1.36.3 and rejects the rest', () => {
  assert.equal(minorVersion('1.36'), '1.36');
  assert.equal(minorVersion('v1.36'), '1.36');
  assert.equal(minorVersion('1.36.3'), '1.36');
  assert.equal(minorVersion('1'), undefined);
  assert.equal(minorVersion('latest'), undefined);
});

test(
  'supported versions are the files present, sorted numerically; the default is the newest',
  withDir({ 'v1.9.json': LIST, 'v1.36.json': LIST, 'v1.10.json': LIST, 'README.md': '' }, async (dir) => {
    assert.deepEqual(await supportedKubeVersions(dir), ['1.9', '1.10', '1.36']);
    assert.equal(await defaultKubeVersion(dir), '1.36');
  }),
);

test(
  'loads RBAC objects only, with refs, sorted by ref',
  withDir({ 'v1.36.json': LIST }, async (dir) => {
    const { objects, gap } = await loadBootstrapRbac('1.36.3', { dir });
    assert.equal(gap, undefined);
    assert.deepEqual(
      objects.map((o) => o.ref),
      ['ClusterRole/edit', 'ClusterRole/view', 'RoleBinding/kube-system/system:controller:bootstrap-signer'],
    );
    assert.equal(objects[2]!.namespace, 'kube-system');
  }),
);

test(
  'a missing version is a gap that lists the versions present',
  withDir({ 'v1.36.json': LIST, 'v1.37.json': LIST }, async (dir) => {
    const { objects, gap } = await loadBootstrapRbac('1.20', { dir });
    assert.deepEqual(objects, []);
    assert.equal(gap?.kind, 'unreadable');
    assert.equal(gap?.where, 'data/bootstrap-rbac');
    assert.match(gap!.message, /no bootstrap RBAC for Kubernetes 1\.20 .*one of: 1\.36, 1\.37$/);
  }),
);

test(
  'a corrupt data file is a gap, not an exception',
  withDir({ 'v1.36.json': '{"items": [' }, async (dir) => {
    const { objects, gap } = await loadBootstrapRbac('1.36', { dir });
    assert.deepEqual(objects, []);
    assert.equal(gap?.kind, 'parse-error');
  }),
);

test('the shipped data, when present, has cluster-admin and the aggregated edit role with rules', async (t) => {
  const version = await defaultKubeVersion();
  if (version === undefined) return t.skip(`no data under ${BOOTSTRAP_RBAC_DIR} yet`);
  const { objects, gap } = await loadBootstrapRbac(version);
  assert.equal(gap, undefined);
  const refs = new Set(objects.map((o) => o.ref));
  assert.ok(refs.has('ClusterRole/cluster-admin'));
  assert.ok(refs.has('ClusterRoleBinding/cluster-admin'));
  const edit = objects.find((o) => o.ref === 'ClusterRole/edit');
  assert.ok(Array.isArray(edit?.object.rules) && edit.object.rules.length > 0);
});
