import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import { READ, rule } from '../model/rules.js';
import type { Random } from '../random.js';
import { monitoringWorkloads, nameSelector } from './monitoring-workloads.js';
import { systemAccounts } from './system-accounts.js';

const NS = 'monitoring';
const T0 = CLUSTER_EPOCH + 2 * 86400;
/** monitoring: a kube-prometheus style stack, including the node-exporter DaemonSet. */
export function monitoring(rng: Random): NamespaceContents {
  const workloads = monitoringWorkloads(rng);
  const service = (name: string, selectorName: string, port: number, portName: string) => ({
    name,
    namespace: NS,
    type: 'ClusterIP' as const,
    selector: nameSelector(selectorName),
    created: T0 + 200,
    ports: [{ name: portName, port, targetPort: portName, protocol: 'TCP' as const }],
  });
  return {
    serviceAccounts: systemAccounts(
      [
        'node-exporter',
        'prometheus-operator',
        'kube-state-metrics',
        'grafana',
        'prometheus-k8s',
        'alertmanager-main',
      ],
      T0,
      rng,
    ),
    secrets: [
      {
        name: 'grafana-admin',
        namespace: NS,
        type: 'Opaque',
        keys: ['admin-user', 'admin-password'],
        created: T0 + 120,
      },
      {
        name: 'grafana-tls',
        namespace: NS,
        type: 'kubernetes.io/tls',
        keys: ['tls.crt', 'tls.key'],
        created: T0 + 130,
      },
    ],
    workloads,
    services: [
      { ...service('node-exporter', 'node-exporter', 9100, 'metrics'), headless: true },
      service('prometheus-operator', 'prometheus-operator', 8080, 'http'),
      service('kube-state-metrics', 'kube-state-metrics', 8081, 'http-metrics'),
      service('grafana', 'grafana', 3000, 'http'),
      service('prometheus-k8s', 'prometheus', 9090, 'web'),
      service('alertmanager-main', 'alertmanager', 9093, 'web'),
    ],
    ingresses: [
      {
        name: 'grafana',
        namespace: NS,
        tlsSecret: 'grafana-tls',
        created: T0 + 130,
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' },
        rules: [
          { host: 'grafana.ops.example.com', paths: [{ path: '/', service: 'grafana', port: 'http' }] },
        ],
      },
    ],
    networkPolicies: [
      {
        name: 'grafana',
        namespace: NS,
        created: T0 + 140,
        spec: {
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana' } },
          ingress: [
            {
              from: [
                { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
              ],
              ports: [{ port: 'http', protocol: 'TCP' }],
            },
          ],
          policyTypes: ['Ingress'],
        },
      },
      {
        name: 'prometheus-k8s',
        namespace: NS,
        created: T0 + 140,
        spec: {
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
          ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 9090, protocol: 'TCP' }] }],
        },
      },
    ],
    roles: [
      {
        name: 'prometheus-k8s-config',
        namespace: NS,
        created: T0,
        rules: [rule([''], ['configmaps'], ['get'])],
      },
    ],
    roleBindings: [
      {
        name: 'prometheus-k8s-config',
        namespace: NS,
        roleKind: 'Role',
        roleName: 'prometheus-k8s-config',
        created: T0,
        subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: NS }],
      },
      {
        name: 'grafana-reader',
        namespace: NS,
        roleKind: 'ClusterRole',
        roleName: 'view',
        created: T0,
        subjects: [{ kind: 'ServiceAccount', name: 'grafana' }],
      },
    ],
  };
}

/** Read access Prometheus needs everywhere; reused by the cluster-wide RBAC catalog. */
export const PROMETHEUS_RULES = [
  rule(['', 'discovery.k8s.io'], ['services', 'endpoints', 'pods', 'endpointslices'], READ),
];
