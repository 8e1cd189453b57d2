/** A ServiceAccount annotated for workload identity is also a cloud identity (IRSA, GKE, Azure). */
import { pointer } from '../collect/patch.js';
import { type Edge, NO_FIXES, type Technique } from './types.js';
import { compareText, evidence } from './workload-helpers.js';

/** The annotations each cloud's workload-identity integration reads from a ServiceAccount. */
const ANNOTATIONS = [
  { key: 'eks.amazonaws.com/role-arn', cloud: 'the AWS IAM role' },
  { key: 'iam.gke.io/gcp-service-account', cloud: 'the Google service account' },
  { key: 'azure.workload.identity/client-id', cloud: 'the Azure managed identity' },
] as const;

/** Azure injects the federated token only into pods with this label (the webhook's opt-in). */
const AZURE_USE_LABEL = 'azure.workload.identity/use';

/** ServiceAccount → `cloud:identity/<annotation value>`; for Azure only when a pod of the SA opts in. */
export const workloadIdentity: Technique = {
  meta: {
    id: 'workload-identity',
    title: 'Cloud identity through workload identity',
    summary: 'Whoever acts as the ServiceAccount also acts as the cloud identity it is federated with.',
    prerequisites:
      'A ServiceAccount annotated with eks.amazonaws.com/role-arn, iam.gke.io/gcp-service-account or ' +
      'azure.workload.identity/client-id (with pods labelled azure.workload.identity/use: "true"), and the ' +
      "cloud identity's trust policy naming it.",
    exploitation:
      'The attacker reads the projected cloud token the webhook mounts (AWS_WEB_IDENTITY_TOKEN_FILE, ' +
      'AZURE_FEDERATED_TOKEN_FILE) or asks the GKE metadata server, and exchanges it for cloud credentials.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1078.004', 'T1528'],
    msThreatMatrix: ['MS-TA9020'],
    likelihood: 'trivial',
    // Removing the annotation breaks the workload's cloud access; the fix is the cloud role's trust or scope.
    remediations: [],
  },
  find(model) {
    const azureOptIn = new Set<string>();
    for (const workload of model.workloads)
      if (workload.podLabels[AZURE_USE_LABEL] === 'true')
        azureOptIn.add(`ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`);
    const edges: Edge[] = [];
    for (const sa of model.serviceAccounts) {
      for (const { key, cloud } of ANNOTATIONS) {
        const value = sa.annotations?.[key];
        if (value === undefined || value === '') continue;
        if (key === 'azure.workload.identity/client-id' && !azureOptIn.has(sa.ref)) continue;
        edges.push({
          technique: 'workload-identity',
          from: sa.ref,
          to: `cloud:identity/${value}`,
          evidence: [
            evidence(
              model,
              sa.ref,
              `${sa.ref} is federated with ${cloud} ${value}`,
              pointer('metadata', 'annotations', key),
            ),
          ],
          fixes: NO_FIXES,
        });
      }
    }
    return edges.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
  },
};
