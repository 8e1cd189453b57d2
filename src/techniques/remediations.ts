/**
 * The remediation catalogue. Each is a concrete change to one object; techniques build the patch, this table says
 * what it costs and what it may break.
 */

/** How long a change takes; hours per class come from chokepoint.yaml. */
export type EffortClass = 'minutes' | 'hours' | 'day' | 'days';

/** Default hours per effort class. */
export const DEFAULT_EFFORT_HOURS: Readonly<Record<EffortClass, number>> = {
  minutes: 0.5,
  hours: 2,
  day: 8,
  days: 24,
};

/** Every remediation id. */
export type RemediationId =
  | 'delete-legacy-token-secret'
  | 'disable-anonymous-auth'
  | 'disable-dashboard-skip-login'
  | 'disable-host-network'
  | 'disable-host-pid'
  | 'disable-insecure-port'
  | 'disable-kubelet-anonymous-auth'
  | 'disable-kubelet-read-only-port'
  | 'disable-share-process-namespace'
  | 'disable-token-automount'
  | 'drop-capability'
  | 'drop-privileged'
  | 'enable-user-namespace'
  | 'enforce-pod-security-baseline'
  | 'isolate-sensitive-workload'
  | 'make-service-internal'
  | 'remove-binding-subject'
  | 'remove-external-ips'
  | 'remove-host-path'
  | 'remove-ingress-backend'
  | 'require-etcd-client-cert-auth'
  | 'restrict-role-rule'
  | 'set-apparmor-runtime-default'
  | 'set-authorization-mode-rbac';

/** What a remediation is and costs. */
export interface RemediationMeta {
  readonly title: string;
  readonly effort: EffortClass;
  /** What the change may break, for the plan. */
  readonly mayBreak: string;
}

/** The remediation table. */
export const REMEDIATIONS: Readonly<Record<RemediationId, RemediationMeta>> = {
  'delete-legacy-token-secret': {
    title: 'Delete the long-lived service-account token Secret',
    effort: 'hours',
    mayBreak:
      'Clients outside the cluster that still use this token; give them a short-lived TokenRequest token.',
  },
  'disable-host-network': {
    title: 'Stop sharing the node network namespace (hostNetwork: false)',
    effort: 'hours',
    mayBreak:
      'Agents that must bind node ports or see node traffic (CNI, node exporters); expose a Service instead.',
  },
  'disable-host-pid': {
    title: 'Stop sharing the host process namespace (hostPID: false)',
    effort: 'hours',
    mayBreak: 'Agents that watch or signal host processes (monitoring, debugging tools).',
  },
  'disable-share-process-namespace': {
    title: 'Give each container its own process namespace (shareProcessNamespace: false)',
    effort: 'hours',
    mayBreak: 'Sidecars that signal or inspect the main process (reloaders, debuggers).',
  },
  'disable-token-automount': {
    title: 'Stop mounting the service-account token (automountServiceAccountToken: false)',
    effort: 'hours',
    mayBreak: 'Containers that call the Kubernetes API; mount a projected token only in those.',
  },
  'drop-capability': {
    title: 'Remove the added Linux capability',
    effort: 'hours',
    mayBreak:
      'Code that needs the capability (kernel modules, mounts, tracing); test the workload after the change.',
  },
  'drop-privileged': {
    title: 'Stop running the container privileged',
    effort: 'hours',
    mayBreak: 'Workloads that need host devices or kernel settings; grant only the capabilities they need.',
  },
  'enable-user-namespace': {
    title: 'Run the pod in a user namespace (hostUsers: false)',
    effort: 'hours',
    mayBreak:
      'Needs Kubernetes 1.33+ (1.30+ with the UserNamespacesSupport gate), a runtime and file systems with idmap ' +
      'mounts; volumes that expect host UIDs and host namespaces are refused.',
  },
  'enforce-pod-security-baseline': {
    title: 'Enforce the baseline Pod Security Standard on the namespace',
    effort: 'day',
    mayBreak:
      'New pods that need privileges, host namespaces or hostPath in that namespace will be rejected.',
  },
  'isolate-sensitive-workload': {
    title: 'Run the powerful workload on dedicated nodes',
    effort: 'days',
    mayBreak: 'Needs a dedicated, tainted node pool labelled chokepoint.io/dedicated=sensitive.',
  },
  'make-service-internal': {
    title: 'Stop exposing the Service outside the cluster (type ClusterIP)',
    effort: 'hours',
    mayBreak: 'Clients outside the cluster that reach this Service directly.',
  },
  'remove-binding-subject': {
    title: 'Remove the subject from the binding',
    effort: 'hours',
    mayBreak: 'Whatever the subject does with these rights; grant a narrower role instead.',
  },
  'remove-external-ips': {
    title: 'Remove the external IPs from the Service',
    effort: 'hours',
    mayBreak:
      'Clients that reach the Service on those addresses; expose it through a LoadBalancer or Ingress.',
  },
  'remove-host-path': {
    title: 'Remove the hostPath volume',
    effort: 'hours',
    mayBreak: 'Agents that read node files or the container runtime; use a narrower path or an API instead.',
  },
  'remove-ingress-backend': {
    title: 'Remove the Ingress route to the backend',
    effort: 'days',
    mayBreak: 'The application stops being reachable from the internet.',
  },
  'restrict-role-rule': {
    title: 'Remove the dangerous rule from the role',
    effort: 'hours',
    mayBreak: 'Every subject bound to the role loses the rule; check them first.',
  },
  'set-apparmor-runtime-default': {
    title: "Confine the container with the runtime's default AppArmor profile",
    effort: 'minutes',
    mayBreak:
      'Code that mounts file systems or traces other processes; nodes without AppArmor refuse the pod.',
  },
  'disable-anonymous-auth': {
    title: 'Turn off anonymous requests to the API server (--anonymous-auth=false)',
    effort: 'hours',
    mayBreak:
      'Unauthenticated health probes and load balancers that call /healthz or /readyz; point them at an authenticated or node-local check.',
  },
  'disable-dashboard-skip-login': {
    title: 'Remove --enable-skip-login from the dashboard',
    effort: 'minutes',
    mayBreak: 'Users who opened the dashboard without logging in; they need a token or an auth proxy.',
  },
  'disable-insecure-port': {
    title: "Close the API server's insecure port (--insecure-port=0)",
    effort: 'hours',
    mayBreak:
      'Local clients of the HTTP port (old scripts, health checks); give them a kubeconfig on the secure port.',
  },
  'disable-kubelet-anonymous-auth': {
    title: 'Turn off anonymous kubelet requests (authentication.anonymous.enabled: false)',
    effort: 'day',
    mayBreak:
      'Monitoring that scrapes the kubelet without credentials; give it a ServiceAccount token. Kubelets restart.',
  },
  'disable-kubelet-read-only-port': {
    title: 'Close the kubelet read-only port (readOnlyPort: 0)',
    effort: 'hours',
    mayBreak:
      'Monitoring agents that read :10255 (old Heapster, metrics collectors); move them to the authenticated port 10250.',
  },
  'require-etcd-client-cert-auth': {
    title: 'Require client certificates on etcd (--client-cert-auth=true)',
    effort: 'day',
    mayBreak:
      'Every etcd client without a certificate signed by the etcd CA, the API server included if it has none; check --etcd-certfile first.',
  },
  'set-authorization-mode-rbac': {
    title: 'Authorize API requests with Node and RBAC, not AlwaysAllow',
    effort: 'day',
    mayBreak:
      'Everything that relied on being allowed by default; bind the roles each client needs before switching.',
  },
};

/** Every remediation id, sorted. */
export const REMEDIATION_IDS = Object.keys(REMEDIATIONS).sort() as RemediationId[];
