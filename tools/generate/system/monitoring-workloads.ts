import { CLUSTER_EPOCH } from '../clock.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { component, TOLERATE_ALL } from './component.js';

const NS = 'monitoring';
const T0 = CLUSTER_EPOCH + 2 * 86400;
const RBAC_PROXY = ['kube-rbac-proxy', 'quay.io/brancz/kube-rbac-proxy:v0.16.0', 8443] as const;
const RELOADER = [
  'config-reloader',
  'quay.io/prometheus-operator/prometheus-config-reloader:v0.72.0',
  8080,
] as const;

/** Selector labels of a kube-prometheus component. */
export const nameSelector = (name: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'kube-prometheus',
});

/** The kube-prometheus stack: node-exporter on every node, operator, Prometheus, Alertmanager. */
export function monitoringWorkloads(rng: Random): WorkloadSpec[] {
  return [
    component(
      {
        kind: 'DaemonSet',
        name: 'node-exporter',
        namespace: NS,
        selector: nameSelector('node-exporter'),
        image: 'quay.io/prometheus/node-exporter:v1.7.0',
        ports: [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'node-exporter',
        hardening: 'partial',
        hostNetwork: true,
        hostPID: true,
        hostMounts: [{ name: 'root', path: '/', mountPath: '/host/root', readOnly: true }],
        nodes: 'all',
        tolerations: TOLERATE_ALL,
        priorityClassName: 'system-node-critical',
        created: T0,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'prometheus-operator',
        namespace: NS,
        selector: nameSelector('prometheus-operator'),
        image: 'quay.io/prometheus-operator/prometheus-operator:v0.72.0',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'prometheus-operator',
        hardening: 'full',
        created: T0,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'kube-state-metrics',
        namespace: NS,
        selector: nameSelector('kube-state-metrics'),
        image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.11.0',
        ports: [{ name: 'http-metrics', containerPort: 8081, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'kube-state-metrics',
        hardening: 'full',
        created: T0 + 60,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'grafana',
        namespace: NS,
        selector: nameSelector('grafana'),
        image: 'grafana/grafana:10.4.0',
        ports: [{ name: 'http', containerPort: 3000, protocol: 'TCP' }],
        sidecar: ['dashboard-sidecar', 'quay.io/kiwigrid/k8s-sidecar:1.26.1', 8081],
        serviceAccount: 'grafana',
        hardening: 'full',
        created: T0 + 120,
      },
      rng,
    ),
    component(
      {
        kind: 'StatefulSet',
        name: 'prometheus-k8s',
        namespace: NS,
        selector: nameSelector('prometheus'),
        replicas: 2,
        image: 'quay.io/prometheus/prometheus:v2.50.1',
        ports: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }],
        sidecar: RELOADER,
        serviceAccount: 'prometheus-k8s',
        hardening: 'full',
        created: T0 + 180,
      },
      rng,
    ),
    component(
      {
        kind: 'StatefulSet',
        name: 'alertmanager-main',
        namespace: NS,
        selector: nameSelector('alertmanager'),
        replicas: 3,
        image: 'quay.io/prometheus/alertmanager:v0.27.0',
        ports: [{ name: 'web', containerPort: 9093, protocol: 'TCP' }],
        sidecar: RELOADER,
        serviceAccount: 'alertmanager-main',
        hardening: 'full',
        created: T0 + 180,
      },
      rng,
    ),
  ];
}
