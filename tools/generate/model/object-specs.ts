import type { JsonObject, StringMap } from '../json-types.js';

/** A Service port; targetPort may name a container port. */
export interface ServicePortSpec {
  readonly name: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol?: 'TCP' | 'UDP';
}

/** A Service before cluster IPs and node ports are assigned. */
export interface ServiceSpec {
  readonly name: string;
  readonly namespace: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly selector?: StringMap;
  readonly ports: readonly ServicePortSpec[];
  readonly headless?: boolean;
  readonly fixedIp?: string;
  readonly externalName?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly created: number;
}

/** One RBAC policy rule exactly as it appears in a Role or ClusterRole. */
export interface PolicyRule extends JsonObject {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
  readonly verbs: readonly string[];
}

/** A Role (namespace set) or ClusterRole (namespace unset). */
export interface RoleSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly rules: readonly PolicyRule[];
  /** Label selectors of an aggregated ClusterRole. */
  readonly aggregateFrom?: readonly StringMap[];
  readonly created: number;
}

/** An RBAC subject; namespace is sometimes omitted for ServiceAccounts in RoleBindings. */
export interface SubjectSpec {
  readonly kind: 'ServiceAccount' | 'User' | 'Group';
  readonly name: string;
  readonly namespace?: string;
}

/** A RoleBinding (namespace set) or ClusterRoleBinding (namespace unset). */
export interface BindingSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly roleKind: 'Role' | 'ClusterRole';
  readonly roleName: string;
  readonly subjects: readonly SubjectSpec[];
  readonly labels?: StringMap;
  readonly created: number;
}

/** One host rule of an Ingress. */
export interface IngressRuleSpec {
  readonly host: string;
  readonly paths: readonly {
    readonly path: string;
    readonly service: string;
    readonly port: number | string;
  }[];
}

/** An Ingress routing hosts and paths to Services in its namespace. */
export interface IngressSpec {
  readonly name: string;
  readonly namespace: string;
  readonly rules: readonly IngressRuleSpec[];
  readonly tlsSecret?: string;
  readonly annotations?: StringMap;
  readonly created: number;
}

/** A NetworkPolicy; the spec is kept as JSON because its shapes vary so much. */
export interface NetworkPolicySpec {
  readonly name: string;
  readonly namespace: string;
  readonly spec: JsonObject;
  readonly created: number;
}

/** A Secret with fake data; values are base64 of obviously fake text. */
export interface SecretSpec {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly keys: readonly string[];
  readonly annotations?: StringMap;
  readonly created: number;
}
