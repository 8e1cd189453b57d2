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
  | 'disable-token-automount'
  | 'drop-capability'
  | 'drop-privileged'
  | 'enforce-pod-security-baseline'
  | 'isolate-sensitive-workload'
  | 'make-service-internal'
  | 'remove-binding-subject'
  | 'remove-external-ips'
  | 'remove-host-path'
  | 'remove-ingress-backend'
  | 'restrict-role-rule';

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
};

/** Every remediation id, sorted. */
export const REMEDIATION_IDS = Object.keys(REMEDIATIONS).sort() as RemediationId[];
