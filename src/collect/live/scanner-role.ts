/**
 * chokepoint's own least-privilege, read-only ClusterRole and a CronJob that runs it, generated from the kind
 * registry so the role grants exactly what the collector reads. Never `nodes/proxy` (exec on every node);
 * kubelet configuration is readable through `nodes/configz` where kubelets authorize it finely (KEP-2862).
 */
import { LIVE_KINDS } from './kinds.js';

/** Names used by the generated manifests. */
export const SCANNER = { name: 'chokepoint-scanner', namespace: 'chokepoint' } as const;

type Json = Record<string, unknown>;

/** The ClusterRole's rules: list per API group (sorted), `nodes/configz`, and access reviews. */
export function scannerRules(): Json[] {
  const byGroup = new Map<string, string[]>();
  for (const k of LIVE_KINDS) byGroup.set(k.group, [...(byGroup.get(k.group) ?? []), k.plural]);
  const groups = [...byGroup.keys()].sort();
  return [
    ...groups.map((group) => ({
      apiGroups: [group],
      resources: [...(byGroup.get(group) ?? [])].sort(),
      verbs: ['list'],
    })),
    { apiGroups: [''], resources: ['nodes/configz'], verbs: ['get'] },
    // Who am I: every authenticated user may ask (system:basic-user); granted here so the role says it all.
    { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectrulesreviews'], verbs: ['create'] },
  ];
}

/** The ClusterRole, its binding to the scanner's ServiceAccount, the namespace, and a daily CronJob. */
export function scannerManifests(image: string): Json[] {
  const labels = { 'app.kubernetes.io/name': 'chokepoint' };
  const meta = (name: string, namespaced = true): Json => ({
    name,
    ...(namespaced ? { namespace: SCANNER.namespace } : {}),
    labels,
  });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: meta(SCANNER.namespace, false) },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(SCANNER.name, false),
      rules: scannerRules(),
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(SCANNER.name),
      automountServiceAccountToken: false,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(SCANNER.name, false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: SCANNER.name },
      subjects: [{ kind: 'ServiceAccount', name: SCANNER.name, namespace: SCANNER.namespace }],
    },
    cronJob(image, meta(SCANNER.name)),
  ];
}

function cronJob(image: string, metadata: Json): Json {
  const hardened = {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: 65532,
    seccompProfile: { type: 'RuntimeDefault' },
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: {
      schedule: '17 3 * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          backoffLimit: 1,
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': 'chokepoint' } },
            spec: {
              serviceAccountName: SCANNER.name,
              restartPolicy: 'Never',
              // The token is projected, short-lived, and mounted only into this pod.
              automountServiceAccountToken: true,
              securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
              containers: [
                {
                  name: 'chokepoint',
                  image,
                  // In-cluster: no kubeconfig, so the pod's own ServiceAccount is used. The redacted snapshot
                  // goes to the job's log: kubectl logs job/... > snap.json, then chokepoint scan snap.json.
                  args: ['snapshot', '--strict'],
                  securityContext: hardened,
                },
              ],
            },
          },
        },
      },
    },
  };
}
