import { CLUSTER_EPOCH } from '../clock.js';
import type { BindingSpec, SubjectSpec } from '../model/object-specs.js';

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

const sa = (namespace: string, name: string): SubjectSpec => ({ kind: 'ServiceAccount', name, namespace });
const group = (name: string): SubjectSpec => ({ kind: 'Group', name });
const user = (name: string): SubjectSpec => ({ kind: 'User', name });

function bind(
  name: string,
  roleName: string,
  subjects: readonly SubjectSpec[],
  builtin = false,
): BindingSpec {
  return {
    name,
    roleKind: 'ClusterRole',
    roleName,
    subjects,
    labels: builtin ? BOOTSTRAP : undefined,
    created: CLUSTER_EPOCH + (builtin ? 0 : 3600),
  };
}

/** Bootstrap and add-on ClusterRoleBindings, including the CI runner's cluster-admin grant. */
export function systemClusterRoleBindings(): BindingSpec[] {
  return [
    bind('cluster-admin', 'cluster-admin', [group('system:masters')], true),
    bind('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')]),
    bind('kubeadm:node-proxier', 'system:node-proxier', [sa('kube-system', 'kube-proxy')]),
    bind('system:coredns', 'system:coredns', [sa('kube-system', 'coredns')]),
    bind('system:basic-user', 'system:basic-user', [group('system:authenticated')], true),
    bind('system:discovery', 'system:discovery', [group('system:authenticated')], true),
    bind(
      'system:public-info-viewer',
      'system:public-info-viewer',
      [group('system:authenticated'), group('system:unauthenticated')],
      true,
    ),
    bind('system:monitoring', 'system:monitoring', [group('system:monitoring')], true),
    bind('system:kube-scheduler', 'system:kube-scheduler', [user('system:kube-scheduler')], true),
    bind(
      'system:kube-controller-manager',
      'system:kube-controller-manager',
      [user('system:kube-controller-manager')],
      true,
    ),
    bind('metrics-server:system:auth-delegator', 'system:auth-delegator', [
      sa('kube-system', 'metrics-server'),
    ]),
    bind('system:metrics-server', 'system:metrics-server', [sa('kube-system', 'metrics-server')]),
    bind('cilium', 'cilium', [sa('kube-system', 'cilium')]),
    bind('cilium-operator', 'cilium-operator', [sa('kube-system', 'cilium-operator')]),
    bind('prometheus-k8s', 'prometheus-k8s', [sa('monitoring', 'prometheus-k8s')]),
    bind('prometheus-operator', 'prometheus-operator', [sa('monitoring', 'prometheus-operator')]),
    bind('kube-state-metrics', 'kube-state-metrics', [sa('monitoring', 'kube-state-metrics')]),
    bind('node-exporter', 'system:auth-delegator', [sa('monitoring', 'node-exporter')]),
    bind('fluent-bit', 'fluent-bit', [sa('logging', 'fluent-bit')]),
    bind('ingress-nginx', 'ingress-nginx', [sa('ingress-nginx', 'ingress-nginx')]),
    bind('cert-manager-controller-certificates', 'cert-manager-controller-certificates', [
      sa('cert-manager', 'cert-manager'),
    ]),
    bind('ebs-csi-node-binding', 'ebs-csi-node-role', [sa('kube-system', 'ebs-csi-node-sa')]),
    bind('ebs-csi-provisioner-binding', 'ebs-external-provisioner-role', [
      sa('kube-system', 'ebs-csi-controller-sa'),
    ]),
    bind('gitlab-runner-cluster-admin', 'cluster-admin', [sa('ci', 'gitlab-runner')]),
  ];
}
