/**
 * The one table from corpus tags to what chokepoint reports. Each scored tag names its family and at most two
 * technique or fact ids of that family; an outcome tag names the jewel kinds a real path must reach instead.
 * A tag with no ids is scored and always missed: the catalogue has nothing for it yet.
 */
import type { FactId } from '../../src/techniques/facts.js';
import type { TechniqueId } from '../../src/techniques/types.js';

/** How tags are grouped in the summary; the first four are the core the last line scores. */
export type Family = 'escapes' | 'rbac' | 'exposure' | 'outcomes' | 'hygiene' | 'defences';

/** Every family, in print order. */
export const FAMILIES: readonly Family[] = ['escapes', 'rbac', 'exposure', 'outcomes', 'hygiene', 'defences'];

/** The families the last line (`recall R precision P`) is computed over. */
export const CORE_FAMILIES: readonly Family[] = ['escapes', 'rbac', 'exposure', 'outcomes'];

/** A technique or fact id: what a finding or fact in the report is called. */
export type FindingId = TechniqueId | FactId;

/** Jewel kinds an outcome path may end at (`jewel:<kind>` or `jewel:<kind>/...`). */
export type JewelKind = 'cluster-admin' | 'node-file-read' | 'node-root' | 'secrets';

/** A scored tag: a finding on the resource, or a real path from it to a jewel. */
export interface TagRule {
  readonly family: Family;
  /** Findings or facts of the family that show the tag (at most two). */
  readonly ids: readonly FindingId[];
  /**
   * For a fact such as `capability-added` that covers many values: the word its statement must contain
   * (e.g. `SYS_ADMIN`), matched as a whole word.
   */
  readonly detail?: string;
  /** Outcome tags: the jewel kinds whose reach counts (a path ending at one of them). */
  readonly jewels?: readonly JewelKind[];
}

/** Tags that are context, never scored (the corpus README and the issue say so). */
export const UNSCORED_TAGS: ReadonlySet<string> = new Set([
  'attack-start',
  'polaris-exempt',
  'polaris-out-of-scope',
  'not-manifest-visible',
]);

const escapes = (...ids: FindingId[]): TagRule => ({ family: 'escapes', ids });
const rbac = (...ids: FindingId[]): TagRule => ({ family: 'rbac', ids });
const exposure = (...ids: FindingId[]): TagRule => ({ family: 'exposure', ids });
const hygiene = (...ids: FindingId[]): TagRule => ({ family: 'hygiene', ids });
const defence = (): TagRule => ({ family: 'defences', ids: [] });
const capability = (name: string): TagRule => ({
  family: 'escapes',
  ids: ['capability-added'],
  detail: name,
});
const outcome = (...jewels: JewelKind[]): TagRule => ({ family: 'outcomes', ids: [], jewels });

/** The tag → finding table. */
export const TAG_MAP: Readonly<Record<string, TagRule>> = {
  // Container to node, and within the pod.
  privileged: escapes('privileged', 'sys-admin-escape'),
  hostPID: escapes('host-pid'),
  hostIPC: escapes('host-ipc'),
  hostNetwork: escapes('host-network'),
  'hostPath-any': escapes('host-path'),
  'hostPath-writable': escapes('host-path-writable'),
  'hostPath-root': escapes('host-path-escape'),
  'hostPath-sensitive': escapes('host-path-escape', 'var-log-escape'),
  'docker-socket': escapes('runtime-socket', 'runtime-socket-mount'),
  'cap-sys-admin': capability('SYS_ADMIN'),
  'cap-sys-ptrace': capability('SYS_PTRACE'),
  'cap-sys-module': escapes('kernel-module-load'),
  'cap-dac-read-search': capability('DAC_READ_SEARCH'),
  'cap-net-admin': capability('NET_ADMIN'),
  'cap-all': capability('ALL'),
  'cap-dangerous': escapes('capability-added', 'privileged'),
  'caps-not-dropped': escapes('capabilities-not-dropped'),
  'run-as-root': escapes('run-as-root', 'run-as-root-possible'),
  'allow-priv-escalation': escapes('allow-privilege-escalation'),
  shareProcessNamespace: escapes('share-process-namespace'),
  'apparmor-unconfined': escapes('apparmor-unconfined'),
  'control-plane-node': escapes('control-plane-node-takeover'),
  'edge:CE_MODULE_LOAD': escapes('kernel-module-load', 'privileged-container'),
  'edge:CE_NSENTER': escapes('nsenter-host-escape'),
  'edge:CE_PRIV_MOUNT': escapes('privileged-container'),
  'edge:CE_VAR_LOG_SYMLINK': escapes('var-log-escape'),
  'edge:EXPLOIT_HOST_READ': escapes('host-path-escape'),
  'edge:EXPLOIT_HOST_TRAVERSE': escapes('host-path-token-theft'),
  // Identity and RBAC.
  'sa-token-automount': rbac('automount-token', 'mounted-service-account-token'),
  'rbac-cluster-admin': rbac('cluster-admin-grant'),
  'rbac-secrets-read': rbac('read-secrets'),
  'rbac-pod-create': rbac('create-pod-as-service-account', 'create-privileged-pod'),
  'rbac-pod-patch': rbac('patch-pod'),
  'rbac-pod-exec': rbac('pod-exec-rbac-rule', 'pod-shell-get-rbac-rule'),
  'rbac-pod-attach': rbac('pod-exec-rbac-rule', 'pod-shell-get-rbac-rule'),
  'rbac-ephemeral-containers': rbac('ephemeral-container'),
  'rbac-portforward': rbac('port-forward-to-pod', 'pod-portforward-rbac-rule'),
  'rbac-log-read': rbac('pod-log-rbac-rule'),
  'rbac-impersonate': rbac('impersonate', 'impersonate-rbac-rule'),
  'rbac-escalate-bind': rbac('bind-role', 'escalate-bind-rbac-rule'),
  'rbac-wildcard': rbac('full-control-rbac-rule', 'cluster-admin-grant'),
  'rbac-nodes-proxy': rbac('node-proxy', 'node-proxy-rbac-rule'),
  'rbac-token-create': rbac('create-service-account-token', 'token-create-rbac-rule'),
  'rbac-csr-approve': rbac('csr-signing', 'csr-approve-rbac-rule'),
  'rbac-anonymous-binding': rbac('rbac-anonymous-binding'),
  'rbac-authenticated-binding': rbac('rbac-authenticated-binding'),
  'rbac-netpol-modify': rbac('network-policy-write-rbac-rule'),
  'rbac-workload-create': rbac('create-pod-as-service-account'),
  'rbac-namespace-list': rbac('namespace-list-rbac-rule'),
  'rbac-service-list': rbac('service-list-rbac-rule'),
  'rbac-dangling-roleref': rbac('rbac-dangling-role-ref'),
  'sa-impersonation-via-pod-create': rbac('create-pod-as-service-account'),
  'node-identity': rbac('node-identity-binding'),
  'dashboard-sa-access': rbac('dashboard-identity-use'),
  'networkpolicy-modifiable': rbac('network-policy-write-rbac-rule'),
  'edge:IDENTITY_ASSUME': rbac('mounted-service-account-token'),
  'edge:TOKEN_STEAL': rbac('node-colocated-identities'),
  'edge:PERMISSION_DISCOVER': rbac('pod-log-rbac-rule'),
  'edge:POD_CREATE': rbac('create-pod-as-service-account'),
  'edge:POD_EXEC': rbac('exec-into-pod'),
  'edge:ROLE_BIND': rbac('bind-role'),
  'edge:TOKEN_BRUTEFORCE': rbac('read-secrets'),
  // Network exposure and the control plane.
  'exposed-nodeport': exposure('node-port-service', 'exposed-workload'),
  'exposed-loadbalancer': exposure('load-balancer-service', 'exposed-workload'),
  'exposed-ingress': exposure('exposed-workload'),
  'exposed-service': exposure('service-backend', 'exposed-workload'),
  'exposed-ssh': exposure('ssh-port-exposed'),
  hostPort: exposure('host-port'),
  'no-networkpolicy': exposure('network-policy-missing'),
  'cloud-metadata': exposure('cloud-metadata-access'),
  'anonymous-auth': exposure('apiserver-anonymous-access', 'anonymous-auth-enabled'),
  'apiserver-insecure-port': exposure('apiserver-insecure-port'),
  'kubelet-readonly-port': exposure('kubelet-read-only-port'),
  'etcd-exposed': exposure('etcd-no-client-auth'),
  'dashboard-exposed': exposure('dashboard-exposed'),
  'edge:ENDPOINT_EXPLOIT': exposure('exposed-workload', 'service-backend'),
  // Outcomes: a real path from the resource (or the unit's attack-start) to the jewel.
  'node-root': outcome('node-root', 'cluster-admin'),
  'cluster-admin': outcome('cluster-admin'),
  'secrets-read': outcome('secrets', 'cluster-admin'),
  'sa-token-theft': {
    family: 'outcomes',
    ids: ['node-colocated-identities', 'host-path-token-theft'],
    jewels: ['cluster-admin'],
  },
  'node-file-read': outcome('node-file-read', 'node-root', 'cluster-admin'),
  // Hygiene.
  'image-latest': hygiene('image-latest'),
  'no-resource-limits': hygiene('no-resource-limits'),
  'secret-in-env': hygiene('credential-in-env', 'secret-in-env-reference'),
  'secret-in-configmap': hygiene('credential-in-configmap'),
  'exposed-sensitive-interface': hygiene('sensitive-interface-exposed'),
  // Defences the authors name; chokepoint reports findings, not their absence.
  'pss-restricted': defence(),
  'admission-blocks-privileged': defence(),
  'admission-blocks-pod-create': defence(),
  'sidecar-injection': defence(),
  'attachable-tty': defence(),
};

/** A `cap-<name>` tag not in the table: the capability added, upper-case with underscores. */
export function ruleOf(tag: string): TagRule | undefined {
  const rule = TAG_MAP[tag];
  if (rule !== undefined) return rule;
  if (tag.startsWith('cap-')) return capability(tag.slice(4).toUpperCase().replaceAll('-', '_'));
  return undefined;
}
