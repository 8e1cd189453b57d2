import type { StringMap } from '../json-types.js';
import type { ClusterSize } from '../sizes.js';
import type { MistakeKind } from './mistake-kinds.js';

/** Pod Security Admission levels a namespace may enforce. */
export type PsaLevel = 'privileged' | 'baseline' | 'restricted';

/** One node: enough to render it and to schedule pods onto it. */
export interface NodePlan {
  readonly index: number;
  readonly name: string;
  readonly uid: string;
  readonly pool: string;
  readonly zone: string;
  readonly instanceType: string;
  readonly controlPlane: boolean;
  readonly arch: 'amd64' | 'arm64';
  readonly internalIp: string;
  /** First three octets of the node's /24 pod range, e.g. `10.64.3`. */
  readonly podPrefix: string;
  readonly created: number;
  readonly labels: StringMap;
}

/** A planted mistake: which kind, and which long-running workload of the namespace carries it. */
export interface PlannedMistake {
  readonly kind: MistakeKind;
  readonly slot: number;
}

/** Budgets for one namespace; system namespaces take their objects from the catalog instead. */
export interface NamespacePlan {
  readonly index: number;
  readonly name: string;
  readonly system: boolean;
  readonly product: string;
  readonly team: string;
  readonly env: string;
  readonly psa?: PsaLevel;
  readonly labelStyle: 'app' | 'recommended';
  readonly created: number;
  readonly pods: number;
  readonly services: number;
  readonly ingresses: number;
  readonly roles: number;
  readonly roleBindings: number;
  readonly networkPolicies: number;
  /** ServiceAccounts besides `default`. */
  readonly serviceAccounts: readonly string[];
  readonly mistakes: readonly PlannedMistake[];
}

/** A ServiceAccount somewhere in the cluster, as RBAC subjects name it. */
export interface AccountRef {
  readonly namespace: string;
  readonly name: string;
}

/** Everything decided up front; small enough to hold in memory even at R150k. */
export interface ClusterPlan {
  readonly seed: number;
  readonly size: ClusterSize;
  readonly nodes: readonly NodePlan[];
  readonly namespaces: readonly NamespacePlan[];
  /** App ServiceAccounts that a ClusterRoleBinding makes cluster-admin (planted mistakes). */
  readonly clusterAdminAccounts: readonly AccountRef[];
  /** A sample of ordinary app ServiceAccounts for cluster-wide bindings. */
  readonly appAccounts: readonly AccountRef[];
}

/** Counters shared by all namespaces so IPs stay unique; advanced in generation order. */
export interface AddressBook {
  readonly podsPerNode: Uint16Array;
  nextServiceIp: number;
  nextNodePort: number;
}
