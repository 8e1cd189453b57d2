/** Per finding id: title, severity and the fix (the flag or config that closes it) with its effort. */
import type { ProbeFindingId, ProbeFix, Severity } from './types.js';

/** What a probe finding is and how to close it. */
export interface ProbeFindingMeta {
  readonly title: string;
  readonly severity: Severity;
  readonly fix: ProbeFix;
}

/** Every probe finding id, sorted, with its metadata. */
export const PROBE_FINDINGS: Readonly<Record<ProbeFindingId, ProbeFindingMeta>> = {
  'apiserver-anonymous-access': {
    title: 'Anonymous requests read resources through the API server',
    severity: 'critical',
    fix: {
      change:
        'Remove the RoleBindings/ClusterRoleBindings naming system:anonymous or system:unauthenticated ' +
        '(kubectl get clusterrolebindings,rolebindings -A -o wide | grep -E "system:(anonymous|unauthenticated)"), ' +
        'or set --anonymous-auth=false on kube-apiserver; never --authorization-mode=AlwaysAllow',
      effort: 'hours',
    },
  },
  'apiserver-anonymous-discovery': {
    title: 'Anonymous requests read API discovery (beyond system:public-info-viewer)',
    severity: 'low',
    fix: {
      change: 'Bind system:discovery to system:authenticated only, as the bootstrap RBAC does',
      effort: 'minutes',
    },
  },
  'apiserver-insecure-port': {
    title: 'The API server answers on plain HTTP with no authentication or authorization',
    severity: 'critical',
    fix: {
      change: 'Set --insecure-port=0 on kube-apiserver (the flag is gone from 1.24: upgrade)',
      effort: 'hours',
    },
  },
  'controller-manager-anonymous-access': {
    title: 'kube-controller-manager serves metrics or configuration to anonymous requests',
    severity: 'medium',
    fix: {
      change:
        'Remove --authorization-always-allow-paths entries beyond /healthz,/readyz,/livez and bind ' +
        '--bind-address=127.0.0.1 on kube-controller-manager',
      effort: 'hours',
    },
  },
  'dashboard-exposed': {
    title: 'The Kubernetes dashboard is reachable',
    severity: 'high',
    fix: {
      change: 'Make the dashboard Service ClusterIP and reach it through kubectl port-forward, or remove it',
      effort: 'hours',
    },
  },
  'dashboard-skip-login': {
    title: 'The Kubernetes dashboard lets anyone skip login and act as its service account',
    severity: 'critical',
    fix: { change: 'Remove --enable-skip-login from the dashboard container', effort: 'minutes' },
  },
  'etcd-no-client-auth': {
    title: 'etcd serves its key-value API without a client certificate: every Secret, i.e. cluster-admin',
    severity: 'critical',
    fix: {
      change:
        'Set --client-cert-auth=true with --trusted-ca-file on etcd, serve https only, and listen on ' +
        'loopback or the control-plane network',
      effort: 'day',
    },
  },
  'etcd-peer-no-client-auth': {
    title: 'The etcd peer port answers without a client certificate',
    severity: 'high',
    fix: {
      change:
        'Set --peer-client-cert-auth=true with --peer-trusted-ca-file on etcd and serve peers over https',
      effort: 'day',
    },
  },
  'kube-proxy-metrics-exposed': {
    title: 'kube-proxy metrics are reachable from outside the node',
    severity: 'low',
    fix: {
      change: 'Set metricsBindAddress: 127.0.0.1:10249 in the KubeProxyConfiguration',
      effort: 'minutes',
    },
  },
  'kubectl-proxy-exposed': {
    title: 'A kubectl proxy forwards unauthenticated requests with its user credentials',
    severity: 'critical',
    fix: {
      change:
        'Stop the kubectl proxy, or run it with --address=127.0.0.1 (the default) and never --accept-hosts=.*',
      effort: 'minutes',
    },
  },
  'kubelet-anonymous-access': {
    title: 'The kubelet API answers anonymous requests (pods, configuration, metrics)',
    severity: 'critical',
    fix: {
      change:
        'In the KubeletConfiguration set authentication.anonymous.enabled: false and ' +
        'authorization.mode: Webhook (flags --anonymous-auth=false --authorization-mode=Webhook)',
      effort: 'hours',
    },
  },
  'kubelet-anonymous-exec': {
    title: 'Anonymous requests may run commands in every pod on the node through the kubelet',
    severity: 'critical',
    fix: {
      change:
        'In the KubeletConfiguration set authentication.anonymous.enabled: false and ' +
        'authorization.mode: Webhook; never grant nodes/proxy to system:anonymous or system:unauthenticated',
      effort: 'hours',
    },
  },
  'kubelet-read-only-port': {
    title: 'The kubelet read-only port serves pod specs with no authentication',
    severity: 'high',
    fix: {
      change: 'Set readOnlyPort: 0 in the KubeletConfiguration (flag --read-only-port=0)',
      effort: 'hours',
    },
  },
  'scheduler-anonymous-access': {
    title: 'kube-scheduler serves metrics or configuration to anonymous requests',
    severity: 'medium',
    fix: {
      change:
        'Remove --authorization-always-allow-paths entries beyond /healthz,/readyz,/livez and bind ' +
        '--bind-address=127.0.0.1 on kube-scheduler',
      effort: 'hours',
    },
  },
  'tls-san-internal-names': {
    title: 'The serving certificate names internal hosts or addresses',
    severity: 'low',
    fix: {
      change:
        'Issue the certificate for public names only (kubeadm certSANs, --tls-san), or terminate TLS at a ' +
        'load balancer with its own certificate',
      effort: 'day',
    },
  },
};
