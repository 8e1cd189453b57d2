import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import { READ, rule } from '../model/rules.js';
import type { Random } from '../random.js';
import { kubeSystemWorkloads } from './kube-system-workloads.js';
import { systemAccounts } from './system-accounts.js';

const NS = 'kube-system';
const T0 = CLUSTER_EPOCH + 60;

/** kube-system: networking, DNS, storage and GPU node agents, with kubeadm's own RBAC. */
export function kubeSystem(rng: Random): NamespaceContents {
  const workloads = kubeSystemWorkloads(rng);
  const accounts = ['coredns', 'kube-proxy', 'cilium', 'cilium-operator', 'metrics-server'];
  accounts.push('ebs-csi-node-sa', 'ebs-csi-controller-sa', 'nvidia-device-plugin');
  return {
    serviceAccounts: systemAccounts(accounts, T0, rng),
    secrets: [],
    workloads,
    services: [
      {
        name: 'kube-dns',
        namespace: NS,
        type: 'ClusterIP',
        selector: { 'k8s-app': 'kube-dns' },
        fixedIp: '10.96.0.10',
        labels: {
          'k8s-app': 'kube-dns',
          'kubernetes.io/cluster-service': 'true',
          'kubernetes.io/name': 'CoreDNS',
        },
        ports: [
          { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
        ],
        created: T0 + 30,
      },
      {
        name: 'metrics-server',
        namespace: NS,
        type: 'ClusterIP',
        selector: { 'k8s-app': 'metrics-server' },
        ports: [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }],
        created: T0 + 5400,
      },
    ],
    ingresses: [],
    networkPolicies: [],
    roles: [
      {
        name: 'extension-apiserver-authentication-reader',
        namespace: NS,
        created: T0,
        rules: [rule([''], ['configmaps'], READ, ['extension-apiserver-authentication'])],
      },
      {
        name: 'kube-proxy',
        namespace: NS,
        created: T0,
        rules: [rule([''], ['configmaps'], ['get'], ['kube-proxy'])],
      },
      {
        name: 'kubeadm:nodes-kubeadm-config',
        namespace: NS,
        created: T0,
        rules: [rule([''], ['configmaps'], ['get'], ['kubeadm-config'])],
      },
      {
        name: 'system::leader-locking-kube-scheduler',
        namespace: NS,
        created: T0,
        rules: [
          rule([''], ['configmaps'], ['watch']),
          rule([''], ['configmaps'], ['get', 'update'], ['kube-scheduler']),
        ],
      },
    ],
    roleBindings: [
      {
        name: 'metrics-server-auth-reader',
        namespace: NS,
        roleKind: 'Role',
        roleName: 'extension-apiserver-authentication-reader',
        created: T0 + 5400,
        subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: NS }],
      },
      {
        name: 'kube-proxy',
        namespace: NS,
        roleKind: 'Role',
        roleName: 'kube-proxy',
        created: T0,
        subjects: [{ kind: 'Group', name: 'system:bootstrappers:kubeadm:default-node-token' }],
      },
      {
        name: 'kubeadm:nodes-kubeadm-config',
        namespace: NS,
        roleKind: 'Role',
        roleName: 'kubeadm:nodes-kubeadm-config',
        created: T0,
        subjects: [{ kind: 'Group', name: 'system:nodes' }],
      },
      {
        name: 'system::leader-locking-kube-scheduler',
        namespace: NS,
        roleKind: 'Role',
        roleName: 'system::leader-locking-kube-scheduler',
        created: T0,
        subjects: [{ kind: 'User', name: 'system:kube-scheduler' }],
      },
    ],
  };
}
