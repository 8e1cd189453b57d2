/** A privileged container is root on its node: every device, every capability, no confinement. */
import type { Edge, Technique } from './types.js';
import { dropPrivileged } from './workload-fixes.js';
import { containerPointer, escapeEdges, evidence, nodeRootJewels, sortEdges } from './workload-helpers.js';

/** Container → node root when the container runs with `securityContext.privileged: true`. */
export const privilegedContainer: Technique = {
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    summary: 'Code in a privileged container becomes root on the node that runs it.',
    prerequisites: 'Code execution in a container that sets securityContext.privileged: true.',
    exploitation:
      'A privileged container sees every host device and holds every capability. The attacker mounts the ' +
      "node's root disk from /dev, or enters the host's namespaces with nsenter once hostPID is also set, " +
      'then reads the kubelet credentials and every pod volume on the node.',
    threatModels: ['container', 'external'],
    mitre: ['T1611', 'T1610'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'trivial',
    remediations: ['drop-privileged'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.containers.some((c) => c.securityContext.privileged)) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        if (!container.securityContext.privileged) continue;
        const path = containerPointer(workload, container, 'securityContext', 'privileged');
        const proof = evidence(
          model,
          workload.ref,
          `container ${container.name} sets securityContext.privileged: true`,
          path,
        );
        const fix = dropPrivileged(workload, container);
        edges.push(
          ...escapeEdges({
            technique: 'privileged-container',
            workload,
            container,
            jewels,
            evidence: [proof],
            fixes: [fix],
          }),
        );
      }
    }
    return sortEdges(edges);
  },
};
