/**
 * exec-into-pod: `pods/exec` runs a command in any running container of the namespace, with its files, its
 * network and its service-account token. Authorized as `create`, or before 1.35 also as `get` (WebSocket
 * upgrades; see rbac-stream.ts). The hub `hub:exec/<ns>` is also reached through ephemeral containers and
 * nodes/proxy, so its fan-out lives here, once.
 */
import type { Model } from '../model/model.js';
import { capabilityGrants, fanOutHubs, hubEdges } from './rbac-capability.js';
import { containerTargets, execScopes, streamRequests } from './rbac-stream.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, streamRequests(model, 'exec'));
  const edges = hubEdges(model, 'exec-into-pod', 'exec', grants);
  const fanOut = fanOutHubs(model, 'exec-into-pod', 'exec', execScopes(model), (ns) =>
    containerTargets(model, ns, `exec in ${ns} runs commands in`),
  );
  return sortEdges([...edges, ...fanOut]);
}

/** An identity that may exec into pods runs code in every container of the namespace. */
export const execIntoPod: Technique = {
  meta: {
    id: 'exec-into-pod',
    title: 'Exec into running pods',
    summary: 'Runs commands inside every running container of the namespace, with its token and files.',
    prerequisites:
      'The identity holds create on pods/exec in the namespace (or cluster-wide); before Kubernetes 1.35, get on pods/exec is enough, because WebSocket upgrades were authorized as get.',
    exploitation:
      'The attacker runs kubectl exec -it <pod> -- sh in a pod of the namespace, reads the mounted service-account token and any mounted Secrets, and acts as that pod from then on.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1609'],
    msThreatMatrix: ['MS-TA9006'],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
