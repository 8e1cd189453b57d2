import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import { rule } from '../model/rules.js';
import type { Random } from '../random.js';
import { systemAccounts } from './system-accounts.js';

const EMPTY = {
  secrets: [],
  workloads: [],
  services: [],
  ingresses: [],
  networkPolicies: [],
  roles: [],
  roleBindings: [],
} as const;

/** default: nothing but the `kubernetes` Service that fronts the API server. */
export function defaultNamespace(rng: Random): NamespaceContents {
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts([], CLUSTER_EPOCH, rng),
    services: [
      {
        name: 'kubernetes',
        namespace: 'default',
        type: 'ClusterIP',
        fixedIp: '10.96.0.1',
        labels: { component: 'apiserver', provider: 'kubernetes' },
        ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
        created: CLUSTER_EPOCH,
      },
    ],
  };
}

/** kube-public: kubeadm's anonymous-readable cluster-info, a real (and intended) anonymous grant. */
export function kubePublic(rng: Random): NamespaceContents {
  const name = 'kubeadm:bootstrap-signer-clusterinfo';
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts([], CLUSTER_EPOCH, rng),
    roles: [
      {
        name,
        namespace: 'kube-public',
        created: CLUSTER_EPOCH,
        rules: [rule([''], ['configmaps'], ['get'], ['cluster-info'])],
      },
    ],
    roleBindings: [
      {
        name,
        namespace: 'kube-public',
        roleKind: 'Role',
        roleName: name,
        created: CLUSTER_EPOCH,
        subjects: [{ kind: 'User', name: 'system:anonymous' }],
      },
    ],
  };
}

/** kube-node-lease: only the default ServiceAccount (leases are not part of the dump). */
export function kubeNodeLease(rng: Random): NamespaceContents {
  return { ...EMPTY, serviceAccounts: systemAccounts([], CLUSTER_EPOCH, rng) };
}
