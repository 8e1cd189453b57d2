/**
 * webhook-control: whoever writes admission webhook configurations has the API server send requests to a
 * server of their choosing. A mutating webhook rewrites every object it matches (a container injected into every
 * new pod, privileged, on every node: `likely` cluster-admin); a validating one sees every object written,
 * Secrets included, but changes nothing (`unlikely`). Configurations are cluster-scoped.
 */
import type { Model } from '../model/model.js';
import type { LikelihoodClass } from './likelihood.js';
import { capabilityGrants } from './rbac-capability.js';
import { grantEdge } from './rbac-edges.js';
import { byBindingSubject, requestsFor } from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

const GROUP = 'admissionregistration.k8s.io';
const WRITE = ['create', 'update', 'patch'];
const KINDS: readonly { requests: ReturnType<typeof requestsFor>; likelihood?: LikelihoodClass }[] = [
  { requests: requestsFor(WRITE, GROUP, ['mutatingwebhookconfigurations']) },
  { requests: requestsFor(WRITE, GROUP, ['validatingwebhookconfigurations']), likelihood: 'unlikely' },
];

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  const mutating = new Set<string>();
  for (const { requests, likelihood } of KINDS)
    for (const group of byBindingSubject(capabilityGrants(model, requests, true))) {
      const key = `${group[0]!.subject}\n${group[0]!.binding}`;
      // A subject that writes mutating webhooks needs no weaker edge from the same binding.
      if (likelihood !== undefined && mutating.has(key)) continue;
      if (likelihood === undefined) mutating.add(key);
      edges.push(
        grantEdge(model, 'webhook-control', {
          from: group[0]!.subject,
          to: 'jewel:cluster-admin',
          deciding: group,
          ...(likelihood === undefined ? {} : { likelihood }),
        }),
      );
    }
  return sortEdges(edges);
}

/** An identity that writes admission webhooks intercepts, and with a mutating one rewrites, every object. */
export const webhookControl: Technique = {
  meta: {
    id: 'webhook-control',
    title: 'Control admission webhooks',
    summary:
      'Intercepts every API write, and with a mutating webhook injects its own containers into every pod.',
    prerequisites:
      'The identity may create, update or patch mutatingwebhookconfigurations or validatingwebhookconfigurations through a ClusterRoleBinding, and runs a server the API server can reach.',
    exploitation:
      'The attacker registers a mutating webhook for pod creation that points at their server, which adds a privileged container with a hostPath of / to every new pod, or swaps service accounts. A validating webhook instead receives every matching object, Secrets included, as they are written.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1546'],
    msThreatMatrix: ['MS-TA9015'],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
