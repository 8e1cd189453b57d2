/** A hostNetwork pod is on the node's network: node-local ports and the cloud metadata endpoint, unfiltered. */
import { cloudNodeIdentity } from './cloud-node-identity.js';
import { disableHostNetwork } from './pod-spec-fixes.js';
import type { Edge, Technique } from './types.js';
import { containerNode, evidence, podSpecPointer, sortEdges } from './workload-helpers.js';

/**
 * Container → `cloud:node-identity/<pool>` for hostNetwork pods: NetworkPolicy does not govern them and the
 * metadata endpoint sees the node itself (no IMDSv2 hop limit, no GKE metadata server in between). `possible`,
 * since whether the node role is attached and worth anything depends on the cloud. Not node root.
 */
export const hostNetworkReach: Technique = {
  meta: {
    id: 'host-network-reach',
    title: 'Node network and cloud metadata through hostNetwork',
    summary:
      "Code in a hostNetwork pod reaches the node's local ports and the cloud metadata endpoint as the node does.",
    prerequisites:
      'Code execution in a pod that sets hostNetwork: true, on a cloud node whose metadata service hands out an ' +
      'instance identity.',
    exploitation:
      'The attacker queries http://169.254.169.254 from the node network namespace and receives the credentials ' +
      'of the node role; it also reaches services that listen on the node loopback and sniffs node traffic.',
    threatModels: ['container', 'external'],
    mitre: ['T1552.005', 'T1046'],
    msThreatMatrix: ['MS-TA9033', 'MS-TA9028'],
    likelihood: 'possible',
    remediations: ['disable-host-network'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.hostNetwork) continue;
      const pools = [...new Set(model.poolsOf(workload.ref))].sort();
      const proof = [
        evidence(
          model,
          workload.ref,
          'the pod uses the host network namespace (hostNetwork: true)',
          podSpecPointer(workload, 'hostNetwork'),
        ),
      ];
      const fixes = [disableHostNetwork(workload)];
      for (const container of workload.containers)
        for (const pool of pools)
          edges.push({
            technique: 'host-network-reach',
            from: containerNode(workload, container),
            to: cloudNodeIdentity(pool),
            evidence: proof,
            fixes,
          });
    }
    return sortEdges(edges);
  },
};
