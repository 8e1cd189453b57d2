/**
 * What a technique is: metadata plus one pure `find(model)` that returns edges. Edges carry their evidence and
 * the fixes that would remove them, as patches.
 */
import type { PatchOp } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import type { Ref } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import type { RemediationId } from './remediations.js';

/** Who attacks. */
export type ThreatModel = 'external' | 'container' | 'credentials';

/** Every threat model, in report order. */
export const THREAT_MODELS: readonly ThreatModel[] = ['external', 'container', 'credentials'];

/**
 * A graph node ref: an object ref (`Kind/ns/name`), a container (`Deployment/ns/name#container`),
 * an identity (`ServiceAccount/ns/name`, `User/name`, `Group/name`), `internet`,
 * a hub (`hub:<capability>/<scope>`), or a jewel (`jewel:cluster-admin`, `jewel:node-root/<pool>`,
 * `jewel:secrets/<ns>`).
 */
export type NodeRef = string;

/** One object and field that makes an edge true. */
export interface Evidence {
  readonly ref: Ref;
  /** JSON Pointer to the field inside the object, when one field decides it. */
  readonly path?: string;
  /** `file:line` of the object, when it came from a file. */
  readonly location?: string;
  /** The Helm template that rendered the object (its `# Source:` comment), when the input is `helm template` output. */
  readonly template?: string;
  /** The fact in words, e.g. "container app sets privileged: true". */
  readonly says: string;
}

/** A remediation applied to one target object, as a patch. */
export interface Fix {
  readonly remediation: RemediationId;
  readonly target: Ref;
  readonly ops: readonly PatchOp[];
}

/** The fixes of an edge no patch can cut. One shared list: most of the 820,000 edges at 150,000 pods have none. */
export const NO_FIXES: readonly Fix[] = Object.freeze([]);

/** One attack step found in the model. */
export interface Edge {
  readonly technique: TechniqueId;
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** Overrides the technique's class when this instance is harder (e.g. seccomp set). Never easier. */
  readonly likelihood?: LikelihoodClass;
  /** Hub fan-out and group membership: cost 0, never reported as a finding on its own. */
  readonly structural?: boolean;
  readonly evidence: readonly Evidence[];
  readonly fixes: readonly Fix[];
}

/** Technique metadata: data, from which docs, SARIF rules and the catalogue are derived. */
export interface TechniqueMeta {
  readonly id: TechniqueId;
  readonly title: string;
  /** One sentence: what the attacker gains. */
  readonly summary: string;
  /** What must be true for the step to work. */
  readonly prerequisites: string;
  /** How an attacker does it, in a few sentences. */
  readonly exploitation: string;
  readonly threatModels: readonly ThreatModel[];
  /** MITRE ATT&CK technique ids, e.g. `T1611`. */
  readonly mitre: readonly string[];
  /** Microsoft Threat Matrix for Kubernetes ids, e.g. `MS-TA9013`. */
  readonly msThreatMatrix: readonly string[];
  readonly likelihood: LikelihoodClass;
  readonly remediations: readonly RemediationId[];
}

/** A technique: metadata plus a pure finder. */
export interface Technique {
  readonly meta: TechniqueMeta;
  find(model: Model): readonly Edge[];
}

/** Every technique id. Adding one here makes the compiler list every place that must handle it. */
export type TechniqueId =
  | 'apiserver-anonymous-access'
  | 'apiserver-insecure-port'
  | 'attach-to-pod'
  | 'bind-role'
  | 'cloud-metadata-access'
  | 'cluster-admin-grant'
  | 'control-plane-node-takeover'
  | 'core-pattern-escape'
  | 'create-host-path-persistent-volume'
  | 'create-pod-as-service-account'
  | 'create-privileged-pod'
  | 'create-service-account-token'
  | 'csr-signing'
  | 'dashboard-exposed'
  | 'ephemeral-container'
  | 'escalate-role'
  | 'etcd-no-client-auth'
  | 'exec-into-pod'
  | 'exposed-workload'
  | 'host-network-reach'
  | 'host-path-escape'
  | 'host-path-persistent-volume'
  | 'host-path-token-theft'
  | 'impersonate'
  | 'kernel-module-load'
  | 'kubelet-anonymous-exec'
  | 'kubelet-read-only-port'
  | 'lateral-network-reach'
  | 'legacy-token-secret-mount'
  | 'member-of-group'
  | 'mounted-service-account-token'
  | 'node-colocated-identities'
  | 'node-proxy'
  | 'nsenter-host-escape'
  | 'patch-namespace-psa'
  | 'patch-node'
  | 'patch-pod'
  | 'port-forward-to-pod'
  | 'privileged-container'
  | 'ptrace-host-escape'
  | 'read-secrets'
  | 'runtime-socket-mount'
  | 'scanner-access'
  | 'share-process-namespace'
  | 'sys-admin-escape'
  | 'var-log-escape'
  | 'webhook-control'
  | 'workload-identity';
