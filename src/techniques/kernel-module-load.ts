/** CAP_SYS_MODULE lets a container load a kernel module: code in the host kernel is node root. */
import type { EffectiveSecurityContext } from '../model/types.js';
import type { Edge, Technique } from './types.js';
import { dropCapability } from './workload-fixes.js';
import { containerPointer, escapeEdges, evidence, nodeRootJewels, sortEdges } from './workload-helpers.js';

/**
 * Whether a capability survives `add` and `drop` as the CRI runtimes apply them: `add: [ALL]` first, then
 * `drop: [ALL]`, then each named add, then each named drop (containerd WithCapabilities in
 * internal/cri/opts/spec_linux_opts.go, CRI-O setOCICapabilities; kubernetes/kubernetes#51980). So
 * `drop: [ALL]` with `add: [SYS_MODULE]` keeps it, and a named drop removes it whatever `add` says.
 */
export function capabilityGranted(sc: EffectiveSecurityContext, capability: string): boolean {
  const added = sc.capabilitiesAdd.includes(capability);
  const all = sc.capabilitiesAdd.includes('ALL') && !sc.capabilitiesDrop.includes('ALL');
  return (added || all) && !sc.capabilitiesDrop.includes(capability);
}

/** Container → node root when SYS_MODULE (or ALL) is added and not dropped by name. */
export const kernelModuleLoad: Technique = {
  meta: {
    id: 'kernel-module-load',
    title: 'Kernel module load (CAP_SYS_MODULE)',
    summary: 'Code in a container with CAP_SYS_MODULE loads a kernel module and runs as the host kernel.',
    prerequisites:
      'Code execution as root in a container that adds SYS_MODULE or ALL to its capabilities, and a module ' +
      "built for the node's kernel.",
    exploitation:
      "The attacker builds or downloads a module for the node's kernel and loads it with insmod. The module runs " +
      'in the host kernel, outside every namespace, and starts a root shell or reads any file on the node.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611', 'T1547.006'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'likely',
    remediations: ['drop-capability'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      // In a user namespace (hostUsers: false) the capability is the namespace's: init_module checks
      // CAP_SYS_MODULE in the initial user namespace, so loading fails.
      if (!workload.hostUsers) continue;
      if (!workload.containers.some((c) => capabilityGranted(c.securityContext, 'SYS_MODULE'))) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        const sc = container.securityContext;
        if (!capabilityGranted(sc, 'SYS_MODULE')) continue;
        const granting = sc.capabilitiesAdd.filter((cap) => cap === 'SYS_MODULE' || cap === 'ALL');
        const path = containerPointer(workload, container, 'securityContext', 'capabilities', 'add');
        const proof = granting.map((cap) =>
          evidence(model, workload.ref, `container ${container.name} adds capability ${cap}`, path),
        );
        const fix = dropCapability(workload, container, granting);
        edges.push(
          ...escapeEdges({
            technique: 'kernel-module-load',
            workload,
            container,
            jewels,
            evidence: proof,
            fixes: [fix],
          }),
        );
      }
    }
    return sortEdges(edges);
  },
};
