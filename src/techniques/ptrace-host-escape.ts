/** hostPID with SYS_PTRACE and SYS_ADMIN: the container traces host PID 1 and joins its namespaces. */
import { confinementOf } from './escape-modifiers.js';
import { capabilityGranted } from './kernel-module-load.js';
import type { LikelihoodClass } from './likelihood.js';
import { disableHostPid, setAppArmorRuntimeDefault } from './pod-spec-fixes.js';
import type { Edge, Fix, Technique } from './types.js';
import { dropCapability } from './workload-fixes.js';
import {
  containerPointer,
  escapeEdges,
  evidence,
  harder,
  hostRootDifficulty,
  nodeRootJewels,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** By confinement: an explicit profile blocks cross-profile ptrace; unstated, only AppArmor nodes block it. */
const BY_CONFINEMENT = { confined: 'rare', default: 'possible', unconfined: 'likely' } as const;

/** Container → node root through ptrace of host processes; privileged containers are nsenter-host-escape's. */
export const ptraceHostEscape: Technique = {
  meta: {
    id: 'ptrace-host-escape',
    title: 'ptrace into host processes (hostPID + SYS_PTRACE + SYS_ADMIN)',
    summary: 'Code in a container that sees host processes and may trace them becomes root on the node.',
    prerequisites:
      'Code execution as root in a container of a hostPID pod that adds SYS_PTRACE and SYS_ADMIN, not confined by ' +
      'an AppArmor profile (the runtime default denies ptrace across profiles) or a confining SELinux type.',
    exploitation:
      'CAP_SYS_PTRACE passes the ptrace access check on host PID 1, so the attacker opens /proc/1/ns/* and, with ' +
      'CAP_SYS_ADMIN, setns()s into the host mount namespace (nsenter -t 1 -m), or injects code into a host root ' +
      'process with ptrace.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611', 'T1055.008'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'likely',
    remediations: ['disable-host-pid', 'drop-capability', 'set-apparmor-runtime-default'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.hostPID) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        const sc = container.securityContext;
        if (sc.privileged || !capabilityGranted(sc, 'SYS_PTRACE') || !capabilityGranted(sc, 'SYS_ADMIN'))
          continue;
        const confinement = confinementOf(container);
        const base: LikelihoodClass = BY_CONFINEMENT[confinement.kind];
        const likelihood = harder(base, hostRootDifficulty(workload, container) ?? base);
        const granting = sc.capabilitiesAdd.filter((cap) => ['SYS_PTRACE', 'SYS_ADMIN', 'ALL'].includes(cap));
        const proof = [
          evidence(
            model,
            workload.ref,
            'the pod shares the host PID namespace (hostPID: true)',
            podSpecPointer(workload, 'hostPID'),
          ),
          evidence(
            model,
            workload.ref,
            `container ${container.name} adds capabilities ${granting.join(', ')}`,
            containerPointer(workload, container, 'securityContext', 'capabilities', 'add'),
          ),
          evidence(model, workload.ref, confinement.says),
        ];
        const fixes: Fix[] = [disableHostPid(workload), dropCapability(workload, container, granting)];
        if (confinement.kind !== 'confined') fixes.push(setAppArmorRuntimeDefault(workload, container));
        edges.push(
          ...escapeEdges({
            technique: 'ptrace-host-escape',
            workload,
            container,
            jewels,
            base: 'likely',
            likelihood,
            evidence: proof,
            fixes,
          }),
        );
      }
    }
    return sortEdges(edges);
  },
};
