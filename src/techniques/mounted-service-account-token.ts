/** A container with a mounted API token is that ServiceAccount to the API server. */
import type { Model } from '../model/model.js';
import type { Container, Workload } from '../model/types.js';
import type { Edge, Evidence, Fix, Technique } from './types.js';
import { disableTokenAutomount } from './workload-fixes.js';
import { containerNode, evidence, mountedVolumes, podSpecPointer, sortEdges } from './workload-helpers.js';

const AUTOMOUNT = new Set(['pod', 'service-account', 'default']);

/** Why automount put the token in every container of the workload. */
function automountEvidence(model: Model, workload: Workload): Evidence {
  const { decidedBy, reason } = workload.token;
  if (decidedBy === 'pod')
    return evidence(model, workload.ref, reason, podSpecPointer(workload, 'automountServiceAccountToken'));
  if (decidedBy === 'service-account') {
    const sa = model.serviceAccount(workload.namespace, workload.serviceAccountName);
    if (sa !== undefined && !sa.implicit)
      return evidence(model, sa.ref, reason, '/automountServiceAccountToken');
  }
  return evidence(model, workload.ref, reason);
}

/**
 * Projected tokens a container mounts, by ServiceAccount: automount off does not remove them. Legacy token
 * Secrets are legacy-token-secret-mount's, whose fix (deleting the Secret) differs.
 */
function volumeTokens(model: Model, workload: Workload, container: Container) {
  const bySa = new Map<string, Evidence[]>();
  const add = (sa: string, says: string, path: string) => {
    const tail = `, mounted by container ${container.name}; turning automount off does not remove it`;
    bySa.set(sa, [...(bySa.get(sa) ?? []), evidence(model, workload.ref, `${says}${tail}`, path)]);
  };
  for (const { volume } of mountedVolumes(workload, container)) {
    const path = podSpecPointer(workload, 'volumes', volume.index);
    const ownSa = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
    if (volume.projectsServiceAccountToken)
      add(ownSa, `volume ${volume.name} projects a service-account token`, path);
  }
  return bySa;
}

/** Container → ServiceAccount, for every token it holds: automounted or projected. */
export const mountedServiceAccountToken: Technique = {
  meta: {
    id: 'mounted-service-account-token',
    title: 'Mounted service-account token',
    summary: 'Code in a container reads the mounted service-account token and acts as that ServiceAccount.',
    prerequisites: 'Code execution in a container that has an API token: automounted or projected.',
    exploitation:
      'The attacker reads /var/run/secrets/kubernetes.io/serviceaccount/token (or the projected path) and sends it ' +
      'to the API server, from inside the pod or from anywhere the API server is reachable, with every permission ' +
      'RBAC gives that ServiceAccount and its groups.',
    threatModels: ['container', 'external'],
    mitre: ['T1528', 'T1552.007'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'certain',
    remediations: ['disable-token-automount'],
  },
  find(model) {
    const edges: Edge[] = [];
    const edge = (from: string, to: string, proof: Evidence[], fixes: Fix[]) =>
      edges.push({ technique: 'mounted-service-account-token', from, to, evidence: proof, fixes });
    for (const workload of model.workloads) {
      const ownSa = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
      const automount = workload.token.mounted && AUTOMOUNT.has(workload.token.decidedBy);
      const viaVolumes = workload.volumes.some((v) => v.projectsServiceAccountToken);
      // Shared by every container of the workload: built once, not once per container.
      const proof = automount ? [automountEvidence(model, workload)] : [];
      const fixes = automount ? [disableTokenAutomount(workload)] : [];
      for (const container of workload.containers) {
        const from = containerNode(workload, container);
        const byVolume = viaVolumes
          ? volumeTokens(model, workload, container)
          : new Map<string, Evidence[]>();
        // The ServiceAccount admission plugin mounts the token into init and regular containers only
        // (plugin/pkg/admission/serviceaccount mountServiceAccountToken); ephemeral ones name their volumes.
        if (automount && container.role !== 'ephemeral') {
          // The automount fix only removes the edge when no volume brings the same token back.
          const own = byVolume.get(ownSa);
          edge(from, ownSa, own ? [...proof, ...own] : proof, own ? [] : fixes);
          byVolume.delete(ownSa);
        }
        for (const [to, items] of byVolume) edge(from, to, items, []);
      }
    }
    return sortEdges(edges);
  },
};
