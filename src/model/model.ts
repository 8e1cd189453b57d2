/** The Model interface: the indexed data plus the queries techniques use instead of re-implementing semantics. */
import type { Gap, Location } from '../collect/snapshot.js';
import type { ControlPlane } from './control-plane.js';
import type { DuplicateKeyInfo } from './duplicate-keys.js';
import type { Memo } from './memo.js';
import type { ClaimHostPath } from './persistent-volumes.js';
import type { RuleFilter } from './rbac-grants.js';
import type { ScannerView } from './scanner.js';
import type {
  AccessRequest,
  Assumptions,
  Binding,
  BoundSubject,
  ConfigMapInfo,
  Grant,
  Ingress,
  Namespace,
  NetworkPolicy,
  NodeInfo,
  Ref,
  Role,
  SecretInfo,
  Service,
  ServiceAccount,
  Workload,
} from './types.js';

/** How a workload is reachable from outside the cluster. */
export interface Exposure {
  readonly kind: 'LoadBalancer' | 'NodePort' | 'Ingress' | 'ExternalIP' | 'hostPort';
  /** The Service, Ingress or workload that exposes it. */
  readonly via: Ref;
  readonly port?: number;
}

/** The analysed cluster. Arrays are sorted by ref. */
export interface Model {
  readonly workloads: readonly Workload[];
  readonly serviceAccounts: readonly ServiceAccount[];
  readonly roles: readonly Role[];
  readonly bindings: readonly Binding[];
  /** One entry per (binding, subject), sorted by binding then subject index; rules shared per role. */
  readonly bound: readonly BoundSubject[];
  /** Every grant (one per rule of each bound subject), in bound order; made on first use, so scan with `grantsWhere`. */
  readonly grants: readonly Grant[];
  readonly services: readonly Service[];
  readonly ingresses: readonly Ingress[];
  readonly networkPolicies: readonly NetworkPolicy[];
  /** Nodes from the input; when there are none, one pseudo-node per pool (`workers`, `control-plane`). */
  readonly nodes: readonly NodeInfo[];
  readonly namespaces: readonly Namespace[];
  readonly secrets: readonly SecretInfo[];
  readonly configMaps: readonly ConfigMapInfo[];
  readonly assumptions: Assumptions;
  /** Control-plane and kubelet settings from static pods and config files in the input. */
  readonly controlPlane: ControlPlane;
  /** Gaps found while modelling (e.g. a binding to a role that does not exist). */
  readonly gaps: readonly Gap[];
  /** Keys given twice in one YAML mapping, per object: which value a cluster gets depends on who applies it. */
  readonly duplicateKeys: readonly DuplicateKeyInfo[];
  /** Live scans: chokepoint's own identity and what it may read (absent for files). */
  readonly scanner?: ScannerView;
  /** Values derived on demand for the techniques; the pipeline releases them once it has the edges (memo.ts). */
  readonly memo: Memo;

  /** The input location of an object, when it came from a file. */
  locationOf(ref: Ref): Location | undefined;
  workload(ref: Ref): Workload | undefined;
  serviceAccount(namespace: string, name: string): ServiceAccount | undefined;
  namespace(name: string): Namespace | undefined;
  role(ref: Ref): Role | undefined;

  /** The groups an identity is in: explicit memberships plus the implicit ones (`system:authenticated`, ...). */
  groupsOf(identity: Ref): readonly string[];
  /** Every grant that applies to an identity, directly or through its groups. */
  grantsOf(identity: Ref): readonly Grant[];
  /** The first grant (in ref order) that allows the request for the identity, or undefined. */
  can(identity: Ref, request: AccessRequest): Grant | undefined;
  /** Every grant, to any subject, that allows the request. */
  whoCan(request: AccessRequest): readonly Grant[];
  /** The grants whose rule passes `keep`, in `grants` order; `keep` runs once per rule of each role. */
  grantsWhere(keep: RuleFilter): Grant[];
  /** How a workload is reachable from the internet. */
  exposureOf(workload: Ref): readonly Exposure[];
  /** The node pools a workload may run on (DaemonSets: every pool they tolerate). */
  poolsOf(workload: Ref): readonly string[];
  /** The node directory a claim is bound to, when its PersistentVolume is `hostPath` or `local`. */
  claimHostPath(namespace: string, claim: string): ClaimHostPath | undefined;
}
