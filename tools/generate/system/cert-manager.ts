import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import { rule } from '../model/rules.js';
import type { Random } from '../random.js';
import { component } from './component.js';
import { systemAccounts } from './system-accounts.js';

const DAY = 86400;
const EMPTY = {
  secrets: [],
  services: [],
  ingresses: [],
  networkPolicies: [],
  roles: [],
  roleBindings: [],
} as const;

/** cert-manager: three small restricted deployments. */
export function certManager(rng: Random): NamespaceContents {
  const t0 = CLUSTER_EPOCH + 5 * DAY;
  const ns = 'cert-manager';
  const image = (part: string) => `quay.io/jetstack/cert-manager-${part}:v1.14.4`;
  const sidecar = ['kube-rbac-proxy', 'quay.io/brancz/kube-rbac-proxy:v0.16.0', 8443] as const;
  const deployments = [
    ['cert-manager', 'controller', 9402],
    ['cert-manager-cainjector', 'cainjector', 9402],
    ['cert-manager-webhook', 'webhook', 10250],
  ] as const;
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts(
      deployments.map(([name]) => name),
      t0,
      rng,
    ),
    workloads: deployments.map(([name, part, port]) =>
      component(
        {
          kind: 'Deployment',
          name,
          namespace: ns,
          image: image(part),
          sidecar,
          serviceAccount: name,
          hardening: 'full',
          selector: { 'app.kubernetes.io/name': part, 'app.kubernetes.io/instance': 'cert-manager' },
          ports: [
            { name: part === 'webhook' ? 'https' : 'http-metrics', containerPort: port, protocol: 'TCP' },
          ],
          created: t0,
        },
        rng,
      ),
    ),
    services: [
      {
        name: 'cert-manager-webhook',
        namespace: ns,
        type: 'ClusterIP',
        created: t0,
        selector: { 'app.kubernetes.io/name': 'webhook', 'app.kubernetes.io/instance': 'cert-manager' },
        ports: [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }],
      },
    ],
    roles: [
      {
        name: 'cert-manager:leaderelection',
        namespace: ns,
        created: t0,
        rules: [rule(['coordination.k8s.io'], ['leases'], ['get', 'update', 'patch', 'create'])],
      },
    ],
    roleBindings: [
      {
        name: 'cert-manager:leaderelection',
        namespace: ns,
        roleKind: 'Role',
        roleName: 'cert-manager:leaderelection',
        created: t0,
        subjects: [{ kind: 'ServiceAccount', name: 'cert-manager', namespace: ns }],
      },
    ],
  };
}
