import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { ptraceHostEscape } from './ptrace-host-escape.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';
const caps = (add: string[], extra: Record<string, unknown> = {}) =>
  container({ capabilities: { add }, ...extra });
const pod = (c: unknown, hostPID = true) => deployment({ hostPID, containers: [c] });

runTable(ptraceHostEscape, [
  {
    name: 'hostPID + SYS_PTRACE + SYS_ADMIN',
    objects: [pod(caps(['SYS_PTRACE', 'SYS_ADMIN']))],
    edges: [EDGE],
    fixes: [
      'disable-host-pid@Deployment/shop/web',
      'drop-capability@Deployment/shop/web',
      'set-apparmor-runtime-default@Deployment/shop/web',
    ],
  },
  { name: 'ALL grants both', objects: [pod(caps(['ALL']))], edges: [EDGE] },
  { name: 'near miss: without hostPID', objects: [pod(caps(['SYS_PTRACE', 'SYS_ADMIN']), false)], edges: [] },
  { name: 'near miss: SYS_PTRACE alone', objects: [pod(caps(['SYS_PTRACE']))], edges: [] },
  {
    name: 'near miss: privileged is nsenter-host-escape, not counted twice',
    objects: [pod(caps(['SYS_PTRACE', 'SYS_ADMIN'], { privileged: true }))],
    edges: [],
  },
  {
    name: 'AppArmor RuntimeDefault: still an edge, rare, and no AppArmor fix',
    objects: [pod(caps(['SYS_PTRACE', 'SYS_ADMIN'], { appArmorProfile: { type: 'RuntimeDefault' } }))],
    edges: [EDGE],
    fixes: ['disable-host-pid@Deployment/shop/web', 'drop-capability@Deployment/shop/web'],
  },
]);

const likelihoodOf = (objects: unknown[]) =>
  ptraceHostEscape.find(buildModel(snapshotOf(objects)))[0]?.likelihood;

test('ptrace-host-escape: AppArmor decides the likelihood; the AppArmor fix lowers it to rare', () => {
  assert.equal(
    likelihoodOf([pod(caps(['SYS_PTRACE', 'SYS_ADMIN'], { appArmorProfile: { type: 'Unconfined' } }))]),
    undefined,
  );
  const snapshot = snapshotOf([pod(caps(['SYS_PTRACE', 'SYS_ADMIN']))]);
  const [edge] = ptraceHostEscape.find(buildModel(snapshot));
  assert.equal(edge?.likelihood, 'possible');
  const fix = edge?.fixes.find((f) => f.remediation === 'set-apparmor-runtime-default');
  assert.ok(fix);
  assert.equal(ptraceHostEscape.find(buildModel(applyPatches(snapshot, [fix])))[0]?.likelihood, 'rare');
  for (const other of edge?.fixes.filter((f) => f !== fix) ?? [])
    assert.deepEqual(
      ptraceHostEscape.find(buildModel(applyPatches(snapshot, [other]))),
      [],
      other.remediation,
    );
});

test('ptrace-host-escape: a stated non-root UID is possible, as SYS_ADMIN forces privilege escalation on', () => {
  assert.equal(
    likelihoodOf([
      pod(
        caps(['SYS_PTRACE', 'SYS_ADMIN'], {
          runAsUser: 1000,
          allowPrivilegeEscalation: false,
          appArmorProfile: { type: 'Unconfined' },
        }),
      ),
    ]),
    'possible',
  );
});
