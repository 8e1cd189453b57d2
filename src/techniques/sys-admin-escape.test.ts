import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { sysAdminEscape } from './sys-admin-escape.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';
const sysAdmin = (extra: Record<string, unknown> = {}) =>
  container({ capabilities: { add: ['SYS_ADMIN'] }, ...extra });

runTable(sysAdminEscape, [
  {
    name: 'SYS_ADMIN with AppArmor Unconfined',
    objects: [deployment({ containers: [sysAdmin({ appArmorProfile: { type: 'Unconfined' } })] })],
    edges: [EDGE],
    fixes: [
      'drop-capability@Deployment/shop/web',
      'enable-user-namespace@Deployment/shop/web',
      'set-apparmor-runtime-default@Deployment/shop/web',
    ],
  },
  {
    name: 'host namespaces rule out the user-namespace fix',
    objects: [deployment({ hostNetwork: true, containers: [sysAdmin()] })],
    edges: [EDGE],
    fixes: ['drop-capability@Deployment/shop/web', 'set-apparmor-runtime-default@Deployment/shop/web'],
  },
  {
    name: 'near miss: AppArmor RuntimeDefault denies mount',
    objects: [deployment({ containers: [sysAdmin({ appArmorProfile: { type: 'RuntimeDefault' } })] })],
    edges: [],
  },
  {
    name: 'near miss: a confining SELinux type',
    objects: [deployment({ containers: [sysAdmin({ seLinuxOptions: { type: 'container_t' } })] })],
    edges: [],
  },
  {
    name: 'near miss: in a user namespace',
    objects: [deployment({ hostUsers: false, containers: [sysAdmin()] })],
    edges: [],
  },
  {
    name: 'near miss: SYS_ADMIN dropped by name',
    objects: [
      deployment({ containers: [container({ capabilities: { add: ['SYS_ADMIN'], drop: ['SYS_ADMIN'] } })] }),
    ],
    edges: [],
  },
  {
    name: 'near miss: with hostPID and SYS_PTRACE it is ptrace-host-escape',
    objects: [
      deployment({
        hostPID: true,
        containers: [container({ capabilities: { add: ['SYS_ADMIN', 'SYS_PTRACE'] } })],
      }),
    ],
    edges: [],
  },
]);

test('sys-admin-escape: unstated AppArmor is rare; the AppArmor and user-namespace fixes remove the edge', () => {
  const snapshot = snapshotOf([deployment({ containers: [sysAdmin()] })]);
  const [edge] = sysAdminEscape.find(buildModel(snapshot));
  assert.equal(edge?.likelihood, 'rare');
  for (const fix of edge?.fixes ?? [])
    assert.deepEqual(sysAdminEscape.find(buildModel(applyPatches(snapshot, [fix]))), [], fix.remediation);
});
