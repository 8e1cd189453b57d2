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

/** ingress-nginx: the controller behind a LoadBalancer, which is how Ingresses reach the internet. */
export function ingressNginx(rng: Random): NamespaceContents {
  const t0 = CLUSTER_EPOCH + 4 * DAY;
  const ns = 'ingress-nginx';
  const selector = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts(['ingress-nginx', 'ingress-nginx-admission'], t0, rng),
    workloads: [
      component(
        {
          kind: 'Deployment',
          name: 'ingress-nginx-controller',
          namespace: ns,
          selector,
          replicas: 2,
          image: 'registry.k8s.io/ingress-nginx/controller:v1.10.0',
          ports: [
            { name: 'http', containerPort: 80, protocol: 'TCP' },
            { name: 'https', containerPort: 443, protocol: 'TCP' },
            { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
          ],
          sidecar: ['metrics-proxy', 'quay.io/brancz/kube-rbac-proxy:v0.16.0', 10254],
          serviceAccount: 'ingress-nginx',
          hardening: 'partial',
          created: t0,
          security: {
            allowPrivilegeEscalation: true,
            runAsUser: 101,
            addCapabilities: ['NET_BIND_SERVICE'],
            dropAll: true,
          },
        },
        rng,
      ),
    ],
    services: [
      {
        name: 'ingress-nginx-controller',
        namespace: ns,
        type: 'LoadBalancer',
        selector,
        created: t0,
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
        ],
      },
      {
        name: 'ingress-nginx-controller-admission',
        namespace: ns,
        type: 'ClusterIP',
        selector,
        created: t0,
        ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook', protocol: 'TCP' }],
      },
    ],
    roles: [
      {
        name: 'ingress-nginx',
        namespace: ns,
        created: t0,
        rules: [
          rule([''], ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
          rule(['coordination.k8s.io'], ['leases'], ['get', 'create', 'update'], ['ingress-nginx-leader']),
          rule([''], ['events'], ['create', 'patch']),
        ],
      },
    ],
    roleBindings: [
      {
        name: 'ingress-nginx',
        namespace: ns,
        roleKind: 'Role',
        roleName: 'ingress-nginx',
        created: t0,
        subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace: ns }],
      },
    ],
  };
}
