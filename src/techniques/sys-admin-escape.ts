/** CAP_SYS_ADMIN alone: on cgroup v1 nodes, a cgroup `release_agent` runs as host root. */
import { confinementOf } from './escape-modifiers.js';
import { capabilityGranted } from './kernel-module-load.js';
import type { LikelihoodClass } from './likelihood.js';
import { enableUserNamespace, setAppArmorRuntimeDefault } from './pod-spec-fixes.js';
import type { Edge, Fix, Technique } from './types.js';
import { dropCapability } from './workload-fixes.js';
import {
  containerPointer,
  escapeEdges,
  evidence,
  harder,
  hostRootDifficulty,
  nodeRootJewels,
  sortEdges,
} from './workload-helpers.js';

/**
 * Container → node root through CAP_SYS_ADMIN, when no stronger escape applies. No edge under an explicit
 * AppArmor profile or confining SELinux type (they deny `mount`), nor in a user namespace (`release_agent`
 * needs CAP_SYS_ADMIN in the initial user namespace since the CVE-2022-0492 fix). Unstated AppArmor is `rare`:
 * AppArmor nodes apply the runtime default.
 */
export const sysAdminEscape: Technique = {
  meta: {
    id: 'sys-admin-escape',
    title: 'CAP_SYS_ADMIN escape (cgroup v1 release_agent)',
    summary:
      'Code in a container with CAP_SYS_ADMIN may become root on a cgroup v1 node without LSM confinement.',
    prerequisites:
      'Code execution as root in a container that adds SYS_ADMIN (or ALL), on a node that still uses cgroup v1, ' +
      'without an AppArmor profile or a confining SELinux type, and not in a user namespace.',
    exploitation:
      'The attacker mounts a cgroup v1 hierarchy, enables notify_on_release on a child cgroup and writes a script ' +
      "path (inside the container's overlay, as seen from the host) to release_agent; when the cgroup empties, the " +
      'kernel runs the script as host root.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'unlikely',
    remediations: ['drop-capability', 'enable-user-namespace', 'set-apparmor-runtime-default'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.hostUsers) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        const sc = container.securityContext;
        if (sc.privileged || !capabilityGranted(sc, 'SYS_ADMIN')) continue;
        // With hostPID and SYS_PTRACE too, ptrace-host-escape is the easier step: do not count the node twice.
        if (workload.hostPID && capabilityGranted(sc, 'SYS_PTRACE')) continue;
        const confinement = confinementOf(container);
        if (confinement.kind === 'confined') continue;
        const base: LikelihoodClass = confinement.kind === 'unconfined' ? 'unlikely' : 'rare';
        const likelihood = harder(base, hostRootDifficulty(workload, container) ?? base);
        const granting = sc.capabilitiesAdd.filter((cap) => cap === 'SYS_ADMIN' || cap === 'ALL');
        const proof = [
          evidence(
            model,
            workload.ref,
            `container ${container.name} adds capability ${granting.join(', ')}`,
            containerPointer(workload, container, 'securityContext', 'capabilities', 'add'),
          ),
          evidence(model, workload.ref, confinement.says),
        ];
        const fixes: Fix[] = [dropCapability(workload, container, granting)];
        // The API server rejects hostUsers: false together with any host namespace.
        if (!workload.hostPID && !workload.hostNetwork && !workload.hostIPC)
          fixes.push(enableUserNamespace(workload));
        fixes.push(setAppArmorRuntimeDefault(workload, container));
        edges.push(
          ...escapeEdges({
            technique: 'sys-admin-escape',
            workload,
            container,
            jewels,
            base: 'unlikely',
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
