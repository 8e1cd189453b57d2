/**
 * port-forward-to-pod: `pods/portforward` tunnels to any port of a pod, NetworkPolicy notwithstanding (the
 * kubelet connects from the node). Reaching a port is not a compromise: it needs an exploitable service
 * behind it, so the step is `unlikely`. Authorized like exec, by version (see rbac-stream.ts).
 */
import type { Model } from '../model/model.js';
import { capabilityGrants, fanOutHubs, hubEdges, scopesOf } from './rbac-capability.js';
import { containerTargets, streamRequests } from './rbac-stream.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, streamRequests(model, 'portforward'));
  const edges = hubEdges(model, 'port-forward-to-pod', 'port-forward', grants);
  const fanOut = fanOutHubs(model, 'port-forward-to-pod', 'port-forward', scopesOf(grants), (ns) =>
    containerTargets(model, ns, `port-forward in ${ns} reaches every port of`),
  );
  return sortEdges([...edges, ...fanOut]);
}

/** An identity that may port-forward reaches every port of every pod in the namespace. */
export const portForwardToPod: Technique = {
  meta: {
    id: 'port-forward-to-pod',
    title: 'Port-forward to pods',
    summary:
      'Reaches any port of any pod in the namespace, bypassing NetworkPolicy, to exploit what listens there.',
    prerequisites:
      'The identity holds create on pods/portforward in the namespace (before Kubernetes 1.35, get is enough), and a service in the pod is exploitable.',
    exploitation:
      'The attacker runs kubectl port-forward <pod> <port> and talks to the service on that port from their own machine: an admin interface, a database without a password, a debug endpoint.',
    threatModels: ['credentials'],
    mitre: ['T1090'],
    // The Threat Matrix for Kubernetes has no port-forwarding technique.
    msThreatMatrix: [],
    likelihood: 'unlikely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
