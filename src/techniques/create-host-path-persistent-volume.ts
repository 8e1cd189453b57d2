/**
 * create-host-path-persistent-volume: a PersistentVolume may be a hostPath of `/`, and a pod that mounts it through a
 * PersistentVolumeClaim is not checked by Pod Security Admission, which inspects only the pod's own volumes. So
 * create on persistentvolumes (cluster-scoped), with create on claims and pods in some namespace, is root on
 * any node, whatever that namespace's Pod Security level.
 */
import type { Model } from '../model/model.js';
import { capabilityGrants } from './rbac-capability.js';
import { grantEdge } from './rbac-edges.js';
import {
  adminLevel,
  allowsAny,
  byBindingSubject,
  bySubject,
  grantsOfSubjects,
  POD_CREATE_REQUESTS,
  requestsFor,
} from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { compareText, sortEdges } from './workload-helpers.js';

const PV_CREATE = requestsFor(['create'], '', ['persistentvolumes']);
const PVC_CREATE = requestsFor(['create'], '', ['persistentvolumeclaims']);

function find(model: Model): Edge[] {
  const pvGrants = capabilityGrants(model, PV_CREATE, true);
  if (pvGrants.length === 0) return [];
  const pools = [...new Set(model.nodes.map((node) => node.pool))].sort(compareText);
  const creators = new Set(pvGrants.map((grant) => grant.subject));
  const edges: Edge[] = [];
  for (const [subject, grants] of bySubject(grantsOfSubjects(model, creators))) {
    const pods = grants.filter(
      (grant) => adminLevel(grant) !== undefined || allowsAny(grant, POD_CREATE_REQUESTS),
    );
    const claim = grants.find(
      (grant) =>
        (adminLevel(grant) !== undefined || allowsAny(grant, PVC_CREATE)) &&
        pods.some((pod) => pod.scope === '*' || grant.scope === '*' || pod.scope === grant.scope),
    );
    const pod = pods.find(
      (grant) =>
        claim !== undefined && (grant.scope === '*' || claim.scope === '*' || grant.scope === claim.scope),
    );
    if (claim === undefined || pod === undefined) continue;
    for (const group of byBindingSubject(pvGrants.filter((grant) => grant.subject === subject)))
      for (const pool of pools)
        edges.push(
          grantEdge(model, 'create-host-path-persistent-volume', {
            from: subject,
            to: `jewel:node-root/${pool}`,
            deciding: group,
            cited: [claim, pod],
          }),
        );
  }
  return sortEdges(edges);
}

/** An identity that creates PersistentVolumes, claims and pods mounts any node's root filesystem past PSA. */
export const createHostPathPersistentVolume: Technique = {
  meta: {
    id: 'create-host-path-persistent-volume',
    title: 'Mount the node through a hostPath PersistentVolume',
    summary:
      'Mounts a node’s root filesystem into a pod through a PersistentVolume, which Pod Security does not check.',
    prerequisites:
      'Through a ClusterRoleBinding, the identity may create persistentvolumes; and in some namespace it may create persistentvolumeclaims and pods (or pod controllers).',
    exploitation:
      'The attacker creates a PersistentVolume with hostPath / and a claim bound to it, then a pod that mounts the claim on the node they choose. Pod Security Admission sees only a persistentVolumeClaim volume and admits it; inside, the attacker writes to the host (cron, SSH keys, kubelet credentials) and becomes root on the node.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9013'],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
