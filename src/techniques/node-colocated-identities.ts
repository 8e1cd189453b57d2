/** Root on a node yields the identities of the pods that run there: the node may mint their tokens. */
import { colocatedIdentities, colocationEdges } from './colocation.js';
import type { Technique } from './types.js';

/** Node root in a pool → the ServiceAccount of every workload that may run in that pool. */
export const nodeColocatedIdentities: Technique = {
  meta: {
    id: 'node-colocated-identities',
    title: 'Identities of co-located pods',
    summary: 'Root on a node gives the attacker the service-account identities of every pod scheduled there.',
    prerequisites:
      'Root on a node where a pod of the workload runs. A DaemonSet runs on every node; other workloads only on ' +
      'some, so the attacker must land on one that runs it.',
    exploitation:
      "The attacker uses the kubelet's credentials, which the Node authorizer lets request tokens for the service " +
      'accounts of pods bound to that node, or reads the tokens already mounted under /var/lib/kubelet/pods.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1528', 'T1552.007'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['isolate-sensitive-workload'],
  },
  find(model) {
    // Every co-located pod counts, token mounted or not: the Node authorizer lets the kubelet mint its token.
    return colocationEdges(
      model,
      colocatedIdentities(model, () => true),
      { technique: 'node-colocated-identities', from: (pool) => `jewel:node-root/${pool}` },
    );
  },
};
