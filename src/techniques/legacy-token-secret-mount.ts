/** A legacy service-account token Secret mounted or read into env is that ServiceAccount's long-lived token. */
import type { Container, SecretInfo, Workload } from '../model/types.js';
import type { Edge, Evidence, Fix, Technique } from './types.js';
import {
  containerNode,
  containerPointer,
  evidence,
  mountedVolumes,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** `delete-object` on the Secret: the token controller then invalidates the token with it. */
function deleteSecret(secret: SecretInfo): Fix {
  return { remediation: 'delete-legacy-token-secret', target: secret.ref, ops: [{ op: 'delete-object' }] };
}

/** Where a container gets each legacy token Secret: its mounted volumes, then env (`secretKeyRef`, `envFrom`). */
function sources(workload: Workload, container: Container, tokens: ReadonlyMap<string, SecretInfo>) {
  const out: { readonly secret: SecretInfo; readonly says: string; readonly path: string }[] = [];
  for (const { volume } of mountedVolumes(workload, container))
    for (const name of volume.secretNames) {
      const secret = tokens.get(`${workload.namespace}/${name}`);
      if (secret !== undefined)
        out.push({
          secret,
          says: `volume ${volume.name}, mounted by container ${container.name}, holds the legacy token Secret ${name}`,
          path: podSpecPointer(workload, 'volumes', volume.index),
        });
    }
  for (const name of container.envSecretNames) {
    const secret = tokens.get(`${workload.namespace}/${name}`);
    if (secret !== undefined)
      out.push({
        secret,
        says: `container ${container.name} reads the legacy token Secret ${name} into its environment`,
        path: containerPointer(workload, container, 'env'),
      });
  }
  return out;
}

/** Container → the ServiceAccount of every legacy token Secret it mounts or reads into env; automount aside. */
export const legacyTokenSecretMount: Technique = {
  meta: {
    id: 'legacy-token-secret-mount',
    title: 'Legacy service-account token Secret in a container',
    summary:
      'Code in a container that mounts or reads a legacy token Secret acts as its ServiceAccount, for good.',
    prerequisites:
      'Code execution in a container that mounts a kubernetes.io/service-account-token Secret, or reads one ' +
      'through env secretKeyRef or envFrom; automount off does not matter.',
    exploitation:
      'The attacker reads the token from the mounted file or the environment (/proc/self/environ) and uses it ' +
      'against the API server; the token does not expire until the Secret is deleted.',
    threatModels: ['container', 'external'],
    mitre: ['T1528', 'T1552.007'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'certain',
    remediations: ['delete-legacy-token-secret'],
  },
  find(model) {
    const tokens = new Map<string, SecretInfo>();
    for (const secret of model.secrets)
      if (secret.serviceAccountName !== undefined) tokens.set(`${secret.namespace}/${secret.name}`, secret);
    const edges: Edge[] = [];
    if (tokens.size === 0) return edges;
    for (const workload of model.workloads) {
      for (const container of workload.containers) {
        const bySa = new Map<string, { evidence: Evidence[]; fixes: Map<string, Fix> }>();
        for (const { secret, says, path } of sources(workload, container, tokens)) {
          const sa = `ServiceAccount/${secret.namespace}/${secret.serviceAccountName}`;
          const entry = bySa.get(sa) ?? { evidence: [] as Evidence[], fixes: new Map<string, Fix>() };
          entry.evidence.push(evidence(model, workload.ref, says, path));
          entry.fixes.set(secret.ref, deleteSecret(secret));
          bySa.set(sa, entry);
        }
        for (const [to, entry] of bySa)
          edges.push({
            technique: 'legacy-token-secret-mount',
            from: containerNode(workload, container),
            to,
            evidence: entry.evidence,
            fixes: [...entry.fixes.values()],
          });
      }
    }
    return sortEdges(edges);
  },
};
