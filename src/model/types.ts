/**
 * The model: a slim, indexed, read-only projection of a snapshot. Techniques read only this, so Kubernetes
 * semantics (owners, securityContext merging, automount, RBAC matching) are implemented once, here.
 */
import type { Location } from '../collect/snapshot.js';

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects and for User and Group subjects. */
export type Ref = string;

/** Top owners: what Pods, ReplicaSets and Jobs collapse into. A bare Pod is its own top owner. */
export type WorkloadKind =
  | 'CronJob'
  | 'DaemonSet'
  | 'Deployment'
  | 'Job'
  | 'Pod'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'StatefulSet';

/** Pod Security Admission levels; `unknown` when the Namespace object is absent (a Helm chart without it). */
export type PsaLevel = 'privileged' | 'baseline' | 'restricted' | 'unknown';

/** A tristate for settings the manifest may not state. */
export type Tristate = boolean | 'unknown';

/** A seccomp or AppArmor profile after pod/container merging. */
export type LsmProfile = 'RuntimeDefault' | 'Localhost' | 'Unconfined' | 'unset';

/** A container's securityContext after merging pod and container levels field by field. */
export interface EffectiveSecurityContext {
  readonly privileged: boolean;
  /** Unset means true for a non-root process, and privileged or SYS_ADMIN force it on. */
  readonly allowPrivilegeEscalation: boolean;
  /** Upper-case capability names without the `CAP_` prefix. */
  readonly capabilitiesAdd: readonly string[];
  readonly capabilitiesDrop: readonly string[];
  /** The UID comes from the image when no level states it: that is unknown, not non-root. */
  readonly runAsUser: number | 'unknown';
  readonly runAsNonRoot: boolean;
  readonly readOnlyRootFilesystem: boolean;
  readonly seccomp: LsmProfile;
  readonly appArmor: LsmProfile;
  /** An SELinux type was set (e.g. `spc_t` makes it weaker, any other confines). */
  readonly seLinuxType?: string;
  readonly procMountUnmasked: boolean;
}

/** A volume of the pod, reduced to what matters for attacks. */
export interface Volume {
  readonly name: string;
  readonly index: number;
  readonly type:
    | 'hostPath'
    | 'secret'
    | 'projected'
    | 'configMap'
    | 'emptyDir'
    | 'persistentVolumeClaim'
    | 'downwardAPI'
    | 'other';
  readonly hostPath?: string;
  /** Secret names this volume exposes (a secret volume, or secret sources of a projected volume). */
  readonly secretNames: readonly string[];
  /** A projected `serviceAccountToken` source: a token arrives even when automount is off. */
  readonly projectsServiceAccountToken: boolean;
  readonly claimName?: string;
}

/** Where a container mounts a volume. */
export interface VolumeMount {
  readonly volume: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
}

/** One container of a workload; init and ephemeral containers included. */
export interface Container {
  readonly name: string;
  readonly role: 'container' | 'init' | 'ephemeral';
  /** Index within its list (`containers`, `initContainers` or `ephemeralContainers`). */
  readonly index: number;
  readonly image: string;
  readonly securityContext: EffectiveSecurityContext;
  readonly volumeMounts: readonly VolumeMount[];
  readonly ports: readonly {
    readonly containerPort: number;
    readonly hostPort?: number;
    readonly name?: string;
    readonly protocol: string;
  }[];
  /** Names of Secrets referenced from env (`secretKeyRef`) and envFrom. */
  readonly envSecretNames: readonly string[];
  /** Env literals whose name looks like a credential; values are never kept. */
  readonly credentialLikeEnvNames: readonly string[];
  readonly hasResourceLimits: boolean;
  /** `stdin: true`: a process reads the attach stream, so `pods/attach` can type into it. */
  readonly stdin?: boolean;
  /** `tty: true`: the attached stream is a terminal. */
  readonly tty?: boolean;
}

/** How the ServiceAccount token reaches the pod, resolved by the pod-over-SA precedence. */
export interface TokenMount {
  /** True when the API token is mounted by automount, a projected token volume or a legacy token Secret. */
  readonly mounted: boolean;
  /** Why, in words for the report (e.g. "automount is on (default)"). */
  readonly reason: string;
  /** The field that decided it, for evidence. */
  readonly decidedBy: 'pod' | 'service-account' | 'default' | 'projected-volume' | 'secret-volume';
}

/** One workload: a top owner and its pod template. Replicas never multiply anything. */
export interface Workload {
  readonly ref: Ref;
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly location?: Location;
  /** JSON Pointer segments from the object root to its pod spec (`['spec','template','spec']` for a Deployment). */
  readonly podSpecPath: readonly string[];
  /** Labels of the pods it runs (template labels). */
  readonly podLabels: Readonly<Record<string, string>>;
  readonly serviceAccountName: string;
  readonly token: TokenMount;
  readonly hostPID: boolean;
  readonly hostIPC: boolean;
  readonly hostNetwork: boolean;
  readonly shareProcessNamespace: boolean;
  /** `hostUsers: false` puts the pod in a user namespace. */
  readonly hostUsers: boolean;
  readonly nodeName?: string;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly {
    readonly key?: string;
    readonly operator?: string;
    readonly value?: string;
    readonly effect?: string;
  }[];
  /** Required node affinity terms, each a list of `key op values` expressions. */
  readonly requiredNodeAffinity: readonly (readonly NodeSelectorRequirement[])[];
  readonly volumes: readonly Volume[];
  readonly containers: readonly Container[];
}

/** A `matchExpressions` item. */
export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** A ServiceAccount, explicit or the implicit `default` of a namespace. */
export interface ServiceAccount {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  /** `undefined` when the SA does not state it (the default is true). */
  readonly automountServiceAccountToken?: boolean;
  /** The annotations pruning keeps (workload identity: IRSA, GKE, Azure); absent on implicit ones. */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly implicit: boolean;
  readonly location?: Location;
}

/** One RBAC rule, normalised (lists never undefined). */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

/** A Role or ClusterRole with its rules, aggregation already resolved. */
export interface Role {
  readonly ref: Ref;
  readonly kind: 'Role' | 'ClusterRole';
  readonly namespace?: string;
  readonly name: string;
  readonly rules: readonly PolicyRule[];
  readonly location?: Location;
  /** From the bootstrap RBAC data of the Kubernetes version, not from the input. */
  readonly builtIn: boolean;
  /**
   * For a ClusterRole with an `aggregationRule`: the ClusterRoles it selects, sorted. Its rules are the
   * aggregation controller's output, so a fix must change a source role, never this one.
   */
  readonly aggregatedFrom?: readonly Ref[];
}

/** An RBAC subject as written in a binding, normalised (SA namespace filled in). */
export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

/** A RoleBinding or ClusterRoleBinding. */
export interface Binding {
  readonly ref: Ref;
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly namespace?: string;
  readonly name: string;
  readonly roleRef: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string };
  readonly subjects: readonly Subject[];
  readonly location?: Location;
  readonly builtIn: boolean;
}

/** One rule granted to one subject in one scope: the unit RBAC queries work on. */
export interface Grant {
  /** Identity ref of the subject: `ServiceAccount/ns/name`, `User/name` or `Group/name`. */
  readonly subject: Ref;
  /** The namespace the grant applies in, or `*` for a ClusterRoleBinding (all namespaces and cluster scope). */
  readonly scope: string;
  readonly rule: PolicyRule;
  readonly ruleIndex: number;
  readonly binding: Ref;
  readonly role: Ref;
  /** Index of the subject in the binding, for patches that remove it. */
  readonly subjectIndex: number;
}

/**
 * The rules one role gives through one kind of binding (a RoleBinding drops nonResourceURLs), each with its
 * index in the role: computed once per role and shared by every binding to it.
 */
export interface RoleRules {
  readonly role: Ref;
  readonly rules: readonly { readonly rule: PolicyRule; readonly ruleIndex: number }[];
}

/** One subject of one binding, holding every rule of its role in the binding's scope (one grant per rule). */
export interface BoundSubject {
  /** Identity ref of the subject, as in Grant. */
  readonly subject: Ref;
  /** The binding's namespace, or `*` for a ClusterRoleBinding. */
  readonly scope: string;
  readonly binding: Ref;
  /** Index of the subject in the binding. */
  readonly subjectIndex: number;
  /** The role's rules, the same object for every binding of this kind to the role. */
  readonly rules: RoleRules;
}

/** One request, as an authorizer sees it. */
export interface AccessRequest {
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource?: string;
  /** Absent for cluster-scoped resources. */
  readonly namespace?: string;
  readonly name?: string;
}

/** A Service, reduced. */
export interface Service {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly {
    readonly port: number;
    readonly targetPort?: number | string;
    readonly nodePort?: number;
    readonly name?: string;
  }[];
  /**
   * `spec` fields present that only an external Service may carry (`externalTrafficPolicy`,
   * `healthCheckNodePort`, `allocateLoadBalancerNodePorts`, `loadBalancerClass`): a patch to ClusterIP removes them.
   */
  readonly externalOnlyFields?: readonly string[];
  /** `spec.loadBalancerSourceRanges`: a LoadBalancer limited to these CIDRs is not internet-facing. */
  readonly sourceRanges: readonly string[];
  /** An internal load balancer (cloud annotations) is not internet-facing. */
  readonly internalLoadBalancer: boolean;
  /** `spec.externalIPs`: nodes accept traffic for these addresses on the Service ports, whatever the type. */
  readonly externalIPs?: readonly string[];
  readonly location?: Location;
}

/** An Ingress, flattened to its backends. */
export interface Ingress {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  readonly backends: readonly {
    readonly host: string;
    readonly path: string;
    readonly service: string;
    readonly port?: number | string;
    /** Index in `spec.rules` and in that rule's `http.paths`, for patches that remove the route; absent for the default backend. */
    readonly ruleIndex?: number;
    readonly pathIndex?: number;
  }[];
  readonly location?: Location;
}

/** A label selector, normalised. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly NodeSelectorRequirement[];
}

/** A NetworkPolicy, normalised (omitted policyTypes resolved). */
export interface NetworkPolicy {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  readonly policyTypes: readonly ('Ingress' | 'Egress')[];
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  readonly location?: Location;
}

/** One ingress or egress rule; empty `peers` means all peers, empty `ports` all ports. */
export interface NetworkPolicyRule {
  readonly peers: readonly {
    readonly podSelector?: LabelSelector;
    readonly namespaceSelector?: LabelSelector;
    readonly ipBlock?: { readonly cidr: string; readonly except: readonly string[] };
  }[];
  readonly ports: readonly {
    readonly protocol: string;
    readonly port?: number | string;
    readonly endPort?: number;
  }[];
}

/** A Node, or a pool of nodes when offline. */
export interface NodeInfo {
  readonly ref: Ref;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly { readonly key: string; readonly value?: string; readonly effect: string }[];
  readonly controlPlane: boolean;
  readonly unschedulable: boolean;
  /** The pool this node belongs to: a node-pool label, `control-plane`, or `workers`. */
  readonly pool: string;
  readonly location?: Location;
}

/** A Namespace and its Pod Security Admission enforce level. */
export interface Namespace {
  readonly ref: Ref;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly psaEnforce: PsaLevel;
  /** False when the Namespace object is not in the input (it is only referenced). */
  readonly declared: boolean;
  readonly location?: Location;
}

/** A Secret without its values. */
export interface SecretInfo {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  readonly type: string;
  /** For `kubernetes.io/service-account-token` Secrets: the SA whose long-lived token it holds. */
  readonly serviceAccountName?: string;
  readonly location?: Location;
}

/** A ConfigMap without its values; only which keys look like credentials. */
export interface ConfigMapInfo {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
  readonly credentialLikeKeys: readonly string[];
  readonly location?: Location;
}

/** Assumptions the analysis made, stated in the report. */
export interface Assumptions {
  /** PSA level of namespaces without an enforce label (the AdmissionConfiguration default). */
  readonly defaultPsaLevel: Exclude<PsaLevel, 'unknown'>;
  readonly networkPolicyEnforced: boolean;
  readonly kubeVersion: string;
}
