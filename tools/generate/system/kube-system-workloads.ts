import { CLUSTER_EPOCH } from '../clock.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import { POOL_LABEL } from '../plan/nodes.js';
import type { Random } from '../random.js';
import { component, TOLERATE_ALL, TOLERATE_CONTROL_PLANE } from './component.js';

const NS = 'kube-system';
const T0 = CLUSTER_EPOCH + 60;
const RBAC_PROXY = ['kube-rbac-proxy', 'quay.io/brancz/kube-rbac-proxy:v0.16.0', 8443] as const;
const XTABLES = {
  name: 'xtables-lock',
  path: '/run/xtables.lock',
  mountPath: '/run/xtables.lock',
  type: 'FileOrCreate',
};

/** kube-system workloads: kube-proxy, CNI, CSI and GPU node agents, DNS and metrics. */
export function kubeSystemWorkloads(rng: Random): WorkloadSpec[] {
  return [
    component(
      {
        kind: 'DaemonSet',
        name: 'kube-proxy',
        namespace: NS,
        selector: { 'k8s-app': 'kube-proxy' },
        image: 'registry.k8s.io/kube-proxy:v1.28.8',
        ports: [{ name: 'metrics', containerPort: 10249, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'kube-proxy',
        hardening: 'none',
        security: { privileged: true },
        hostNetwork: true,
        hostMounts: [XTABLES],
        nodes: 'all',
        tolerations: TOLERATE_ALL,
        priorityClassName: 'system-node-critical',
        created: T0,
      },
      rng,
    ),
    component(
      {
        kind: 'DaemonSet',
        name: 'cilium',
        namespace: NS,
        selector: { 'k8s-app': 'cilium' },
        image: 'quay.io/cilium/cilium:v1.15.3',
        ports: [{ name: 'prometheus', containerPort: 9962, protocol: 'TCP' }],
        sidecar: ['cilium-envoy', 'quay.io/cilium/cilium-envoy:v1.27.3', 9964],
        serviceAccount: 'cilium',
        hardening: 'none',
        security: { privileged: true },
        hostNetwork: true,
        nodes: 'all',
        tolerations: TOLERATE_ALL,
        hostMounts: [
          { name: 'bpf-maps', path: '/sys/fs/bpf', mountPath: '/sys/fs/bpf', type: 'DirectoryOrCreate' },
          {
            name: 'cni-path',
            path: '/opt/cni/bin',
            mountPath: '/host/opt/cni/bin',
            type: 'DirectoryOrCreate',
          },
        ],
        priorityClassName: 'system-node-critical',
        created: T0 + 120,
      },
      rng,
    ),
    component(
      {
        kind: 'DaemonSet',
        name: 'ebs-csi-node',
        namespace: NS,
        selector: { app: 'ebs-csi-node' },
        image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.28.0',
        ports: [{ name: 'healthz', containerPort: 9808, protocol: 'TCP' }],
        sidecar: [
          'node-driver-registrar',
          'public.ecr.aws/eks-distro/kubernetes-csi/node-driver-registrar:v2.10.0',
          9809,
        ],
        serviceAccount: 'ebs-csi-node-sa',
        automountToken: false,
        hardening: 'none',
        security: { privileged: true },
        nodes: 'workers',
        hostMounts: [
          { name: 'kubelet-dir', path: '/var/lib/kubelet', mountPath: '/var/lib/kubelet', type: 'Directory' },
          { name: 'device-dir', path: '/dev', mountPath: '/dev', type: 'Directory' },
        ],
        tolerations: [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
        priorityClassName: 'system-node-critical',
        created: T0 + 3600,
      },
      rng,
    ),
    component(
      {
        kind: 'DaemonSet',
        name: 'nvidia-device-plugin-daemonset',
        namespace: NS,
        selector: { name: 'nvidia-device-plugin-ds' },
        image: 'nvcr.io/nvidia/k8s-device-plugin:v0.14.5',
        ports: [{ name: 'metrics', containerPort: 2112, protocol: 'TCP' }],
        sidecar: ['dcgm-exporter', 'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.0-ubuntu22.04', 9400],
        serviceAccount: 'nvidia-device-plugin',
        automountToken: false,
        hardening: 'partial',
        nodes: 'gpu',
        security: { allowPrivilegeEscalation: false, dropAll: true },
        hostMounts: [
          {
            name: 'device-plugin',
            path: '/var/lib/kubelet/device-plugins',
            mountPath: '/var/lib/kubelet/device-plugins',
          },
        ],
        nodeSelector: { [POOL_LABEL]: 'gpu' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        priorityClassName: 'system-node-critical',
        created: T0 + 7200,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'coredns',
        namespace: NS,
        selector: { 'k8s-app': 'kube-dns' },
        image: 'registry.k8s.io/coredns/coredns:v1.11.1',
        replicas: 2,
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ],
        sidecar: ['node-cache', 'registry.k8s.io/dns/k8s-dns-node-cache:1.23.0', 9253],
        serviceAccount: 'coredns',
        hardening: 'full',
        security: { addCapabilities: ['NET_BIND_SERVICE'], runAsNonRoot: undefined },
        tolerations: TOLERATE_CONTROL_PLANE,
        priorityClassName: 'system-cluster-critical',
        created: T0 + 30,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'metrics-server',
        namespace: NS,
        selector: { 'k8s-app': 'metrics-server' },
        image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.0',
        ports: [{ name: 'https', containerPort: 10250, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'metrics-server',
        hardening: 'full',
        priorityClassName: 'system-cluster-critical',
        created: T0 + 5400,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'cilium-operator',
        namespace: NS,
        selector: { 'io.cilium/app': 'operator', name: 'cilium-operator' },
        image: 'quay.io/cilium/operator-generic:v1.15.3',
        replicas: 2,
        ports: [{ name: 'prometheus', containerPort: 9963, protocol: 'TCP' }],
        sidecar: RBAC_PROXY,
        serviceAccount: 'cilium-operator',
        hardening: 'full',
        tolerations: TOLERATE_CONTROL_PLANE,
        priorityClassName: 'system-cluster-critical',
        created: T0 + 130,
      },
      rng,
    ),
    component(
      {
        kind: 'Deployment',
        name: 'ebs-csi-controller',
        namespace: NS,
        selector: { app: 'ebs-csi-controller' },
        image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.28.0',
        replicas: 2,
        ports: [{ name: 'healthz', containerPort: 9808, protocol: 'TCP' }],
        sidecar: [
          'csi-provisioner',
          'public.ecr.aws/eks-distro/kubernetes-csi/external-provisioner:v4.0.0',
          8089,
        ],
        serviceAccount: 'ebs-csi-controller-sa',
        hardening: 'full',
        priorityClassName: 'system-cluster-critical',
        created: T0 + 3600,
      },
      rng,
    ),
  ];
}
