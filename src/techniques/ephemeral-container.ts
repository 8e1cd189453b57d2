/**
 * ephemeral-container: `patch` or `update` on `pods/ephemeralcontainers` adds a debug container to a running
 * pod. It shares the pod's volumes (the token among them), so it is exec by another name; and its securityContext
 * is the attacker's, so where Pod Security Admission admits privileged pods (it checks this subresource too) it
 * is root on the pod's node.
 */
import type { Model } from '../model/model.js';
import {
  admitsPrivileged,
  enforceBaseline,
  namespaceOrUnknown,
  psaEvidence,
} from './create-privileged-pod.js';
import {
  capabilityGrants,
  fanOutHubs,
  type HubTarget,
  hubEdges,
  scopesOf,
  workloadsIn,
} from './rbac-capability.js';
import { namespacesOf } from './rbac-hubs.js';
import { EPHEMERAL_REQUESTS } from './rbac-stream.js';
import type { Edge, Technique } from './types.js';
import { compareText, evidence, sortEdges } from './workload-helpers.js';

/** Node-root of the pools the namespace's pods run on, when PSA admits a privileged ephemeral container. */
function nodeRoot(model: Model, name: string): Edge[] {
  const ns = namespaceOrUnknown(model, name);
  if (!admitsPrivileged(ns)) return [];
  const pools = new Set(workloadsIn(model, name).flatMap((workload) => model.poolsOf(workload.ref)));
  return [...pools].sort(compareText).map((pool) => ({
    technique: 'ephemeral-container',
    from: `hub:ephemeral-containers/${name}`,
    to: `jewel:node-root/${pool}`,
    ...(ns.psaEnforce === 'unknown' ? { likelihood: 'likely' as const } : {}),
    evidence: [psaEvidence(model, ns)],
    fixes: enforceBaseline(ns),
  }));
}

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, EPHEMERAL_REQUESTS);
  const scopes = scopesOf(grants);
  const edges = hubEdges(model, 'ephemeral-container', 'ephemeral-containers', grants);
  const exec = (ns: string): HubTarget[] => [
    {
      to: `hub:exec/${ns}`,
      proof: evidence(
        model,
        `Namespace/${ns}`,
        `an ephemeral container in ${ns} runs beside any pod’s containers`,
      ),
    },
  ];
  const fanOut = fanOutHubs(model, 'ephemeral-container', 'ephemeral-containers', scopes, exec);
  const roots = namespacesOf(model, scopes).flatMap((ns) => nodeRoot(model, ns));
  return sortEdges([...edges, ...fanOut, ...roots]);
}

/** An identity that may add ephemeral containers runs code in any pod of the namespace, privileged if allowed. */
export const ephemeralContainer: Technique = {
  meta: {
    id: 'ephemeral-container',
    title: 'Add an ephemeral container to a running pod',
    summary:
      'Runs attacker code beside any pod of the namespace with its token, and as root on its node where Pod Security allows privileged containers.',
    prerequisites:
      'The identity holds patch or update on pods/ephemeralcontainers in the namespace; for node root, the namespace’s Pod Security Admission level is privileged (or unknown).',
    exploitation:
      'The attacker runs kubectl debug -it <pod> --image=<their image> --profile=sysadmin, which patches pods/ephemeralcontainers. The new container mounts the pod’s volumes, token included, and with a privileged securityContext it reaches the node through the host’s devices and namespaces.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1609', 'T1611'],
    msThreatMatrix: ['MS-TA9006', 'MS-TA9018'],
    likelihood: 'trivial',
    remediations: ['enforce-pod-security-baseline', 'remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
