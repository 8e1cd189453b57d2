/** A privileged container that shares the host PID namespace enters PID 1's namespaces: a host root shell. */
import { disableHostPid } from './pod-spec-fixes.js';
import type { Edge, Technique } from './types.js';
import { dropPrivileged } from './workload-fixes.js';
import {
  containerPointer,
  escapeEdges,
  evidence,
  nodeRootJewels,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** Container → node root when the pod sets `hostPID: true` and the container `privileged: true`. */
export const nsenterHostEscape: Technique = {
  meta: {
    id: 'nsenter-host-escape',
    title: 'nsenter into the host (privileged + hostPID)',
    summary:
      "Code in a privileged container that shares the host's PID namespace runs a root shell on the node.",
    prerequisites:
      'Code execution in a container that sets securityContext.privileged: true, in a pod that sets hostPID: true.',
    exploitation:
      'The attacker runs `nsenter --target 1 --mount --uts --ipc --net --pid -- bash`: PID 1 is the host init, ' +
      'and a privileged container may join all of its namespaces, so the shell is host root with nothing to break.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'trivial',
    remediations: ['disable-host-pid', 'drop-privileged'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.hostPID) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      const hostPid = evidence(
        model,
        workload.ref,
        'the pod shares the host PID namespace (hostPID: true)',
        podSpecPointer(workload, 'hostPID'),
      );
      for (const container of workload.containers) {
        if (!container.securityContext.privileged) continue;
        const proof = [
          evidence(
            model,
            workload.ref,
            `container ${container.name} sets securityContext.privileged: true`,
            containerPointer(workload, container, 'securityContext', 'privileged'),
          ),
          hostPid,
        ];
        const fixes = [disableHostPid(workload), dropPrivileged(workload, container)];
        edges.push(
          ...escapeEdges({
            technique: 'nsenter-host-escape',
            workload,
            container,
            jewels,
            evidence: proof,
            fixes,
          }),
        );
      }
    }
    return sortEdges(edges);
  },
};
