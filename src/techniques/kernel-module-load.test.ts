import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { kernelModuleLoad } from './kernel-module-load.js';
import { runTable } from './table-test.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';

const withCaps = (
  capabilities: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  pod: Record<string, unknown> = {},
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { capabilities, ...extra } }],
        ...pod,
      },
    },
  },
});

runTable(kernelModuleLoad, [
  {
    name: 'SYS_MODULE added',
    objects: [withCaps({ add: ['SYS_MODULE'] })],
    edges: [EDGE],
    fixes: ['drop-capability@Deployment/shop/web'],
  },
  {
    name: 'CAP_ prefix and lower case name the same capability',
    objects: [withCaps({ add: ['cap_sys_module'] })],
    edges: [EDGE],
  },
  { name: 'ALL added', objects: [withCaps({ add: ['ALL'] })], edges: [EDGE] },
  {
    name: 'drop ALL then add SYS_MODULE keeps it (runtimes add after dropping ALL)',
    objects: [withCaps({ drop: ['ALL'], add: ['SYS_MODULE'] })],
    edges: [EDGE],
  },
  {
    name: 'near miss: SYS_ADMIN instead of SYS_MODULE',
    objects: [withCaps({ add: ['SYS_ADMIN'] })],
    edges: [],
  },
  {
    name: 'near miss: SYS_MODULE dropped instead of added',
    objects: [withCaps({ drop: ['SYS_MODULE'] })],
    edges: [],
  },
  {
    name: 'near miss: add ALL but drop SYS_MODULE by name',
    objects: [withCaps({ add: ['ALL'], drop: ['SYS_MODULE'] })],
    edges: [],
  },
  {
    name: 'near miss: add ALL and drop ALL leaves nothing',
    objects: [withCaps({ add: ['ALL'], drop: ['ALL'] })],
    edges: [],
  },
  {
    name: 'near miss: in a user namespace the capability does not reach the host kernel',
    objects: [withCaps({ add: ['SYS_MODULE'] }, {}, { hostUsers: false })],
    edges: [],
  },
  {
    name: 'near miss: add SYS_MODULE and drop it by name',
    objects: [withCaps({ add: ['SYS_MODULE'], drop: ['SYS_MODULE'] })],
    edges: [],
  },
]);

test('kernel-module-load: the fix rewrites the add list without SYS_MODULE and ALL, and the edge is gone', () => {
  const snapshot = snapshotOf([withCaps({ add: ['NET_ADMIN', 'sys_module', 'ALL'] })]);
  const [edge] = kernelModuleLoad.find(buildModel(snapshot));
  assert.equal(edge?.evidence.length, 2);
  assert.deepEqual(edge?.fixes[0]?.ops, [
    {
      op: 'replace',
      path: '/spec/template/spec/containers/0/securityContext/capabilities/add',
      value: ['NET_ADMIN'],
    },
  ]);
  assert.deepEqual(kernelModuleLoad.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});

test('kernel-module-load: when SYS_MODULE is the only capability the add list goes', () => {
  const snapshot = snapshotOf([withCaps({ add: ['SYS_MODULE'], drop: ['ALL'] })]);
  const [edge] = kernelModuleLoad.find(buildModel(snapshot));
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'remove', path: '/spec/template/spec/containers/0/securityContext/capabilities/add' },
  ]);
  assert.deepEqual(kernelModuleLoad.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
