/** Any pod may query the cloud metadata endpoint unless the cloud or the network blocks it. */
import { cloudNodeIdentity, metadataServerPools } from './cloud-node-identity.js';
import { type Edge, NO_FIXES, type Technique } from './types.js';
import { containerNode, evidence, sortEdges } from './workload-helpers.js';

/**
 * Container → `cloud:node-identity/<pool>` for every container outside the host network, at `unlikely`. The
 * model cannot see the cloud's settings, so it assumes a cloud node: IMDSv2 with hop limit 1 (the EKS default
 * for new node groups) and the GKE metadata server block it, older or self-managed nodes do not. Pools whose
 * nodes all carry the GKE metadata-server label are skipped; egress NetworkPolicy to 169.254.169.254 is not
 * judged. hostNetwork pods are host-network-reach's.
 */
export const cloudMetadataAccess: Technique = {
  meta: {
    id: 'cloud-metadata-access',
    title: 'Cloud instance metadata from a pod',
    summary: "Code in a container may fetch the node's cloud credentials from the instance metadata service.",
    prerequisites:
      'Code execution in a container on a cloud node whose metadata service answers pods: IMDSv1, or IMDSv2 with ' +
      'a hop limit above 1, and no GKE metadata server or egress policy in between.',
    exploitation:
      'The attacker requests the instance identity from http://169.254.169.254 (on AWS, ' +
      '/latest/meta-data/iam/security-credentials/<role>) and uses the node role against the cloud APIs.',
    threatModels: ['container', 'external'],
    mitre: ['T1552.005'],
    msThreatMatrix: ['MS-TA9033', 'MS-TA9028'],
    likelihood: 'unlikely',
    // The fix lives in the cloud (IMDSv2 hop limit 1, metadata server), which no Kubernetes object carries.
    remediations: [],
  },
  find(model) {
    const hidden = metadataServerPools(model);
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (workload.hostNetwork) continue;
      const pools = [...new Set(model.poolsOf(workload.ref))].filter((pool) => !hidden.has(pool)).sort();
      if (pools.length === 0) continue;
      const proof = [
        evidence(
          model,
          workload.ref,
          'the pod has its own network namespace and no object shows the metadata endpoint blocked (assumed reachable at low likelihood)',
        ),
      ];
      for (const container of workload.containers)
        for (const pool of pools)
          edges.push({
            technique: 'cloud-metadata-access',
            from: containerNode(workload, container),
            to: cloudNodeIdentity(pool),
            evidence: proof,
            fixes: NO_FIXES,
          });
    }
    return sortEdges(edges);
  },
};
