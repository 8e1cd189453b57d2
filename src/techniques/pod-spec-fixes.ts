/**
 * Fix builders that flip one pod-level or container-level hardening field. Each patch is what a person would
 * apply by hand; `add` creates a missing `securityContext` on the way, as JSON Patch tooling here does.
 */
import type { Container, Workload } from '../model/types.js';
import type { Fix } from './types.js';
import { containerPointer, podSpecPointer } from './workload-helpers.js';

/** `hostPID: false`: the pod stops seeing host processes. */
export function disableHostPid(workload: Workload): Fix {
  const path = podSpecPointer(workload, 'hostPID');
  return {
    remediation: 'disable-host-pid',
    target: workload.ref,
    ops: [{ op: 'replace', path, value: false }],
  };
}

/** `hostNetwork: false`: the pod gets its own network namespace. */
export function disableHostNetwork(workload: Workload): Fix {
  const path = podSpecPointer(workload, 'hostNetwork');
  return {
    remediation: 'disable-host-network',
    target: workload.ref,
    ops: [{ op: 'replace', path, value: false }],
  };
}

/** `shareProcessNamespace: false`: each container gets its own PID namespace again. */
export function disableShareProcessNamespace(workload: Workload): Fix {
  const path = podSpecPointer(workload, 'shareProcessNamespace');
  return {
    remediation: 'disable-share-process-namespace',
    target: workload.ref,
    ops: [{ op: 'replace', path, value: false }],
  };
}

/** `hostUsers: false`: container root maps to an unprivileged host UID (a user namespace). */
export function enableUserNamespace(workload: Workload): Fix {
  const path = podSpecPointer(workload, 'hostUsers');
  return {
    remediation: 'enable-user-namespace',
    target: workload.ref,
    ops: [{ op: 'add', path, value: false }],
  };
}

/** `securityContext.appArmorProfile: {type: RuntimeDefault}` on the one container. */
export function setAppArmorRuntimeDefault(workload: Workload, container: Container): Fix {
  const path = containerPointer(workload, container, 'securityContext', 'appArmorProfile');
  return {
    remediation: 'set-apparmor-runtime-default',
    target: workload.ref,
    ops: [{ op: 'add', path, value: { type: 'RuntimeDefault' } }],
  };
}
