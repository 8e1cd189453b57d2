/**
 * csr-signing: with create on CertificateSigningRequests, update on their `approval` subresource and `approve`
 * on the signer (resource `signers`, named by the signer or `<domain>/*`; see
 * plugin/pkg/admission/certificates/approval), an identity approves its own CSR. The signer
 * `kubernetes.io/kube-apiserver-client` then issues a client certificate for any user and group, system:masters
 * included: cluster-admin. `kubernetes.io/kube-apiserver-client-kubelet` issues node identities (system:nodes).
 * All of these are cluster-scoped.
 */
import type { Model } from '../model/model.js';
import type { AccessRequest, Grant } from '../model/types.js';
import { capabilityGrants } from './rbac-capability.js';
import { grantEdge } from './rbac-edges.js';
import { allowsAny, byBindingSubject, bySubject, requestsFor } from './rbac-scan.js';
import type { Edge, NodeRef, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

const GROUP = 'certificates.k8s.io';
const CREATE = requestsFor(['create'], GROUP, ['certificatesigningrequests']);
const APPROVAL: readonly AccessRequest[] = ['update', 'patch'].map((verb) => ({
  verb,
  apiGroup: GROUP,
  resource: 'certificatesigningrequests',
  subresource: 'approval',
}));
const approve = (signer: string): AccessRequest[] => [
  ...requestsFor(['approve'], GROUP, ['signers'], signer),
  ...requestsFor(['approve'], GROUP, ['signers'], 'kubernetes.io/*'),
];
const SIGNERS: readonly { requests: readonly AccessRequest[]; to: NodeRef }[] = [
  { requests: approve('kubernetes.io/kube-apiserver-client'), to: 'jewel:cluster-admin' },
  { requests: approve('kubernetes.io/kube-apiserver-client-kubelet'), to: 'Group/system:nodes' },
];

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  const all = [CREATE, APPROVAL, ...SIGNERS.map((signer) => signer.requests)].flat();
  for (const [subject, grants] of bySubject(capabilityGrants(model, all, true))) {
    const create = grants.find((grant) => allowsAny(grant, CREATE));
    const approval = grants.find((grant) => allowsAny(grant, APPROVAL));
    if (create === undefined || approval === undefined) continue;
    for (const signer of SIGNERS) {
      const signs: Grant[] = grants.filter((grant) => allowsAny(grant, signer.requests));
      for (const group of byBindingSubject(signs))
        edges.push(
          grantEdge(model, 'csr-signing', {
            from: subject,
            to: signer.to,
            deciding: group,
            cited: [create, approval],
          }),
        );
    }
  }
  return sortEdges(edges);
}

/** An identity that creates and approves CSRs for the client signer issues itself a system:masters certificate. */
export const csrSigning: Technique = {
  meta: {
    id: 'csr-signing',
    title: 'Approve your own certificate signing request',
    summary: 'Issues itself a client certificate for system:masters (cluster-admin) or for a node.',
    prerequisites:
      'Through a ClusterRoleBinding, the identity may create certificatesigningrequests, update certificatesigningrequests/approval, and approve on signers named kubernetes.io/kube-apiserver-client (or kubernetes.io/kube-apiserver-client-kubelet, or kubernetes.io/*).',
    exploitation:
      'The attacker creates a CSR with subject O=system:masters for the kube-apiserver-client signer, approves it with kubectl certificate approve, and reads the issued certificate from its status. The certificate authenticates as a member of system:masters until it expires, and cannot be revoked.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1649'],
    // The Threat Matrix for Kubernetes has no certificate technique.
    msThreatMatrix: [],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
