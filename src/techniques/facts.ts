/**
 * Facts: observed, security-relevant properties of single objects. Edges cite them as evidence; those on no
 * path are still reported, as hygiene, below everything on a path.
 */
import type { Model } from '../model/model.js';
import type { Ref } from '../model/types.js';

/** Every fact id. */
export type FactId =
  | 'allow-privilege-escalation'
  | 'automount-token'
  | 'capability-added'
  | 'credential-in-configmap'
  | 'credential-in-env'
  | 'host-ipc'
  | 'host-network'
  | 'host-path'
  | 'host-path-writable'
  | 'host-pid'
  | 'host-port'
  | 'image-latest'
  | 'legacy-token-secret'
  | 'load-balancer-service'
  | 'no-resource-limits'
  | 'node-port-service'
  | 'privileged'
  | 'psa-privileged-namespace'
  | 'run-as-root'
  | 'runtime-socket'
  | 'seccomp-unconfined'
  | 'share-process-namespace'
  | 'wildcard-rbac-rule';

/** One fact about one object. */
export interface Fact {
  readonly fact: FactId;
  readonly object: Ref;
  /** The container, when the fact is about one container of a workload. */
  readonly container?: string;
  readonly path?: string;
  readonly location?: string;
  readonly says: string;
}

/** Placeholder until the fact finders land; replaced by the real implementation. */
export function findFacts(_model: Model): readonly Fact[] {
  return [];
}
