import type { StringMap } from '../json-types.js';
import type {
  BindingSpec,
  IngressSpec,
  NetworkPolicySpec,
  RoleSpec,
  SecretSpec,
  ServiceSpec,
} from './object-specs.js';
import type { WorkloadSpec } from './workload-spec.js';

/** A ServiceAccount; `tokenSecret` names a legacy long-lived token Secret listed under `secrets`. */
export interface ServiceAccountSpec {
  readonly name: string;
  readonly uid: string;
  readonly created: number;
  readonly automountToken?: boolean;
  readonly annotations?: StringMap;
  readonly tokenSecret?: string;
}

/** Everything one namespace holds, as data; rendering and pod expansion happen while streaming. */
export interface NamespaceContents {
  readonly serviceAccounts: readonly ServiceAccountSpec[];
  readonly secrets: readonly SecretSpec[];
  readonly workloads: readonly WorkloadSpec[];
  readonly services: readonly ServiceSpec[];
  readonly ingresses: readonly IngressSpec[];
  readonly networkPolicies: readonly NetworkPolicySpec[];
  readonly roles: readonly RoleSpec[];
  readonly roleBindings: readonly BindingSpec[];
}
