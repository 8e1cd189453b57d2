import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { snapshotOf } from './test-helpers.js';

function podWith(spec: Record<string, unknown>, annotations: Record<string, string> = {}): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', annotations }, spec };
}

function contextOf(spec: Record<string, unknown>, annotations: Record<string, string> = {}, index = 0) {
  const model = buildModel(snapshotOf([podWith(spec, annotations)]));
  const container = model.workload('Pod/ns/p')?.containers[index];
  assert.ok(container);
  return container.securityContext;
}

test('securityContext: container wins over pod for runAsUser, runAsNonRoot, seccomp, SELinux', () => {
  const sc = contextOf({
    securityContext: {
      runAsUser: 1000,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
      seLinuxOptions: { type: 'container_t' },
    },
    containers: [
      {
        name: 'a',
        securityContext: {
          runAsUser: 0,
          runAsNonRoot: false,
          seccompProfile: { type: 'Unconfined' },
          seLinuxOptions: { type: 'spc_t' },
        },
      },
      { name: 'b' },
    ],
  });
  assert.equal(sc.runAsUser, 0);
  assert.equal(sc.runAsNonRoot, false);
  assert.equal(sc.seccomp, 'Unconfined');
  assert.equal(sc.seLinuxType, 'spc_t');
  const inherited = contextOf(
    {
      securityContext: {
        runAsUser: 1000,
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
        seLinuxOptions: { type: 'container_t' },
      },
      containers: [{ name: 'a' }, { name: 'b' }],
    },
    {},
    1,
  );
  assert.equal(inherited.runAsUser, 1000);
  assert.equal(inherited.runAsNonRoot, true);
  assert.equal(inherited.seccomp, 'RuntimeDefault');
  assert.equal(inherited.seLinuxType, 'container_t');
});

test('securityContext: container-only fields are never inherited from the pod level', () => {
  const sc = contextOf({
    securityContext: {
      privileged: true,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['SYS_ADMIN'] },
      procMount: 'Unmasked',
      allowPrivilegeEscalation: false,
    },
    containers: [{ name: 'a' }],
  });
  assert.equal(sc.privileged, false);
  assert.equal(sc.readOnlyRootFilesystem, false);
  assert.deepEqual(sc.capabilitiesAdd, []);
  assert.equal(sc.procMountUnmasked, false);
  assert.equal(sc.allowPrivilegeEscalation, true, 'unset at container level means allowed');
});

test('securityContext: runAsUser stated nowhere is unknown, not root and not non-root', () => {
  assert.equal(contextOf({ containers: [{ name: 'a' }] }).runAsUser, 'unknown');
  assert.equal(
    contextOf({ securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] }).runAsUser,
    'unknown',
  );
});

test('securityContext: capabilities normalised; privileged or SYS_ADMIN force allowPrivilegeEscalation', () => {
  const caps = contextOf({
    containers: [
      {
        name: 'a',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ['cap_sys_admin', 'NET_RAW'], drop: ['all'] },
        },
      },
    ],
  });
  assert.deepEqual(caps.capabilitiesAdd, ['NET_RAW', 'SYS_ADMIN']);
  assert.deepEqual(caps.capabilitiesDrop, ['ALL']);
  assert.equal(caps.allowPrivilegeEscalation, true);
  const privileged = contextOf({
    containers: [{ name: 'a', securityContext: { privileged: true, allowPrivilegeEscalation: false } }],
  });
  assert.equal(privileged.privileged, true);
  assert.equal(privileged.allowPrivilegeEscalation, true);
  const off = contextOf({
    containers: [
      {
        name: 'a',
        securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'] } },
      },
    ],
  });
  assert.equal(off.allowPrivilegeEscalation, false);
});

test('securityContext: legacy seccomp and AppArmor annotations count where no field is set', () => {
  const annotations = {
    'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
    'container.apparmor.security.beta.kubernetes.io/a': 'localhost/custom',
    'container.apparmor.security.beta.kubernetes.io/b': 'unconfined',
  };
  const a = contextOf({ containers: [{ name: 'a' }, { name: 'b' }] }, annotations, 0);
  assert.equal(a.seccomp, 'RuntimeDefault');
  assert.equal(a.appArmor, 'Localhost');
  const b = contextOf({ containers: [{ name: 'a' }, { name: 'b' }] }, annotations, 1);
  assert.equal(b.appArmor, 'Unconfined');
  const field = contextOf(
    {
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [{ name: 'a', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }],
    },
    annotations,
  );
  assert.equal(field.seccomp, 'Unconfined', 'a field beats the annotation');
  assert.equal(field.appArmor, 'RuntimeDefault');
  // AppArmor: the container annotation beats the pod-level field (static pods are not synced).
  const podField = contextOf(
    { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] },
    annotations,
  );
  assert.equal(podField.appArmor, 'Localhost');
  assert.equal(contextOf({ containers: [{ name: 'a' }] }).seccomp, 'unset');
});

test('a Deployment reads annotations from its pod template, not its own metadata', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'd',
          namespace: 'ns',
          annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
        },
        spec: {
          template: {
            metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } },
            spec: { containers: [{ name: 'a' }] },
          },
        },
      },
    ]),
  );
  assert.equal(model.workload('Deployment/ns/d')?.containers[0]?.securityContext.seccomp, 'RuntimeDefault');
});
