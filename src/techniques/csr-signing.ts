/**
 * csr-signing: with create on CertificateSigningRequests, update on their `approval` subresource and `approve`
 * on the signer (resource `signers`, named by the signer or `<domain>/*`; see
 * plugin/pkg/admission/certificates/approval), an identity approves its own CSR. The signer
 * `kubernetes.io/kube-apiserver-client` then issues a client certificate for any user and group but
 * system:masters, which the CertificateSubjectRestriction admission plugin refuses (the escalation test saw the
 * real API server do so): `hub:client-certificates/*` fans out to every User and Group that bindings name.
 * `kubernetes.io/kube-apiserver-client-kubelet` issues node identities (system:nodes). All are cluster-scoped.
 */
import type { Model } from '../model/model.js';
import type { AccessRequest, Grant } from '../model/types.js';
import { capabilityGrants } from './rbac-capability.js';
import { grantEdge, structuralEdge } from './rbac-edges.js';
import { allowsAny, byBindingSubject, bySubject, requestsFor } from './rbac-scan.js';
import { bindingSubjects } from './rbac-subjects.js';
import type { Edge, NodeRef, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

const GROUP = 'certificates.k8s.io';
const CLIENT_HUB = 'hub:client-certificates/*';
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
  { requests: approve('kubernetes.io/kube-apiserver-client'), to: CLIENT_HUB },
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
  return sortEdges([...edges, ...fanOut(model, edges)]);
}

/** The client hub, when reached, to every User and Group some binding names, system:masters excepted. */
function fanOut(model: Model, edges: readonly Edge[]): Edge[] {
  if (!edges.some((edge) => edge.to === CLIENT_HUB)) return [];
  const { users, groups } = bindingSubjects(model);
  return [...users, ...groups]
    .filter(([ref]) => ref !== 'Group/system:masters')
    .map(([ref, binding]) => {
      const says = `${binding} names ${ref}, which a client certificate can claim`;
      return structuralEdge('csr-signing', CLIENT_HUB, ref, evidence(model, binding, says));
    });
}

/** An identity that creates and approves CSRs for the client signer issues itself a system:masters certificate. */
export const csrSigning: Technique = {
  meta: {
    id: 'csr-signing',
    title: 'Approve your own certificate signing request',
    summary: 'Issues itself a client certificate for any user or group but system:masters, or for a node.',
    prerequisites:
      'Through a ClusterRoleBinding, the identity may create certificatesigningrequests, update certificatesigningrequests/approval, and approve on signers named kubernetes.io/kube-apiserver-client (or kubernetes.io/kube-apiserver-client-kubelet, or kubernetes.io/*).',
    exploitation:
      'The attacker creates a CSR for the kube-apiserver-client signer whose subject names a powerful user or group (CN=<user>, O=<group>; for example kubeadm:cluster-admins, which kubeadm binds to cluster-admin), approves it with kubectl certificate approve, and reads the issued certificate from its status. It authenticates as that identity until it expires and cannot be revoked. Only system:masters is refused, by the CertificateSubjectRestriction admission plugin.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1649'],
    // The Threat Matrix for Kubernetes has no certificate technique.
    msThreatMatrix: [],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
