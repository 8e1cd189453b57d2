/**
 * patch-node: patching a Node (or its status) rewrites its labels and taints. An attacker who holds one node
 * relabels it to match the nodeSelector or required affinity of a workload elsewhere, and taints the others,
 * so that workload's pods land where they can take them. It needs that foothold and a reschedule: `possible`.
 * Nodes are cluster-scoped, so only cluster-wide grants count.
 */
import type { Model } from '../model/model.js';
import type { AccessRequest, Workload } from '../model/types.js';
import { capabilityGrants, hubEdges } from './rbac-capability.js';
import { structuralEdge } from './rbac-edges.js';
import { requestsFor } from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { containerNode, evidence, podSpecPointer, sortEdges } from './workload-helpers.js';

const NODE_WRITE_REQUESTS: readonly AccessRequest[] = [
  ...requestsFor(['patch', 'update'], '', ['nodes']),
  ...['patch', 'update'].map((verb) => ({ verb, apiGroup: '', resource: 'nodes', subresource: 'status' })),
];

/** A workload that chooses its nodes by label: relabelling a node attracts it. */
function constrained(workload: Workload): boolean {
  return Object.keys(workload.nodeSelector).length > 0 || workload.requiredNodeAffinity.length > 0;
}

/** `hub:patch-nodes/*` to each running container of a label-choosing workload. */
function fanOut(model: Model): Edge[] {
  return model.workloads.filter(constrained).flatMap((workload) => {
    const field = Object.keys(workload.nodeSelector).length > 0 ? 'nodeSelector' : 'affinity';
    const says = `${workload.ref} picks its nodes by label (${field}), which a node patch can imitate`;
    const proof = evidence(model, workload.ref, says, podSpecPointer(workload, field));
    return workload.containers
      .filter((container) => container.role === 'container')
      .map((container) =>
        structuralEdge('patch-node', 'hub:patch-nodes/*', containerNode(workload, container), proof),
      );
  });
}

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, NODE_WRITE_REQUESTS, true);
  if (grants.length === 0) return [];
  return sortEdges([...hubEdges(model, 'patch-node', 'patch-nodes', grants), ...fanOut(model)]);
}

/** An identity that may patch nodes attracts label-choosing workloads to a node it controls. */
export const patchNode: Technique = {
  meta: {
    id: 'patch-node',
    title: 'Relabel or taint nodes to attract workloads',
    summary:
      'Draws pods that choose their nodes by label onto a node the attacker controls, taking their identities.',
    prerequisites:
      'Through a ClusterRoleBinding, the identity may patch or update nodes (or nodes/status); the attacker controls some node; the target workload uses a nodeSelector or required node affinity.',
    exploitation:
      'The attacker adds the labels a sensitive workload selects to the node they hold, taints or cordons the nodes it runs on, and deletes or waits out its pods. The scheduler places the new pods on the attacker’s node, where its root user reads their tokens and volumes.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1078'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'possible',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
