/**
 * attach-to-pod: `pods/attach` connects to the main process's stdin and stdout. It runs code only where that
 * process reads stdin (`stdin: true`, a shell or REPL), so such containers are `likely` and the rest only
 * `possible`. Authorized like exec, by version (see rbac-stream.ts).
 */
import type { Model } from '../model/model.js';
import { capabilityGrants, fanOutHubs, hubEdges, scopesOf } from './rbac-capability.js';
import { runningContainers, streamRequests } from './rbac-stream.js';
import type { Edge, Technique } from './types.js';
import { containerNode, containerPointer, evidence, sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, streamRequests(model, 'attach'));
  const edges = hubEdges(model, 'attach-to-pod', 'attach', grants);
  const fanOut = fanOutHubs(model, 'attach-to-pod', 'attach', scopesOf(grants), (ns) =>
    runningContainers(model, ns).map(({ workload, container }) => {
      const to = containerNode(workload, container);
      if (container.stdin === true) {
        const says = `container ${container.name} keeps stdin open, so an attacher types into its process`;
        return {
          to,
          proof: evidence(model, workload.ref, says, containerPointer(workload, container, 'stdin')),
        };
      }
      const says = `container ${container.name} does not set stdin: true, so attaching reads output only`;
      return { to, proof: evidence(model, workload.ref, says), likelihood: 'possible' as const };
    }),
  );
  return sortEdges([...edges, ...fanOut]);
}

/** An identity that may attach to pods drives containers whose process reads stdin. */
export const attachToPod: Technique = {
  meta: {
    id: 'attach-to-pod',
    title: 'Attach to running pods',
    summary: 'Types into the main process of containers that keep stdin open, running commands as them.',
    prerequisites:
      'The identity holds create on pods/attach in the namespace (before Kubernetes 1.35, get is enough); the container sets stdin: true, usually with a shell as its process.',
    exploitation:
      'The attacker runs kubectl attach -it <pod> and types into the shell or interpreter the container runs, reading its service-account token and files.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1609'],
    msThreatMatrix: ['MS-TA9006'],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
