/**
 * Capability hubs: the grants that allow a request shape lead their subject to `hub:<capability>/<scope>`, one
 * edge per binding subject, and each reached hub fans out structurally to its namespace's targets. This keeps
 * RBAC linear: subjects × scopes plus scopes × targets, never subjects × targets.
 */
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { AccessRequest, Grant, Workload } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import { grantEdge, structuralEdge } from './rbac-edges.js';
import { namespacesOf } from './rbac-hubs.js';
import { byBindingSubject, hubOf, nonAdminGrants, ruleAllowsAny } from './rbac-scan.js';
import { type Edge, type Evidence, type Fix, NO_FIXES, type NodeRef, type TechniqueId } from './types.js';
import { evidence } from './workload-helpers.js';

/** Grants that allow one of the requests, admin-level ones left to cluster-admin-grant; cluster-wide only if asked. */
export function capabilityGrants(
  model: Model,
  requests: readonly AccessRequest[],
  clusterOnly = false,
): Grant[] {
  const grants = nonAdminGrants(model, (rule) => ruleAllowsAny(rule, requests));
  return clusterOnly ? grants.filter((grant) => grant.scope === '*') : grants;
}

/** One edge per binding subject of the grants, to the capability's hub in the grant's scope. */
export function hubEdges(
  model: Model,
  technique: TechniqueId,
  capability: string,
  grants: readonly Grant[],
  likelihood?: LikelihoodClass,
): Edge[] {
  return byBindingSubject(grants).map((group) =>
    grantEdge(model, technique, {
      from: group[0]!.subject,
      to: hubOf(capability, group[0]!.scope),
      deciding: group,
      ...(likelihood === undefined ? {} : { likelihood }),
    }),
  );
}

/** One target of a hub: structural unless it carries its own, harder likelihood. */
export interface HubTarget {
  readonly to: NodeRef;
  readonly proof: Evidence;
  readonly likelihood?: LikelihoodClass;
  /** Changes that remove this target from the hub (the edge stays while a twin target remains). */
  readonly fixes?: readonly Fix[];
}

/** `hub:<capability>/*` to each namespace's hub, and each reached namespace hub to its targets. */
export function fanOutHubs(
  model: Model,
  technique: TechniqueId,
  capability: string,
  scopes: ReadonlySet<string>,
  targets: (namespace: string) => readonly HubTarget[],
): Edge[] {
  const edges: Edge[] = [];
  for (const ns of namespacesOf(model, scopes)) {
    const hub = hubOf(capability, ns);
    if (scopes.has('*')) {
      const proof = evidence(model, `Namespace/${ns}`, `${capability} in every namespace includes ${ns}`);
      edges.push(structuralEdge(technique, hubOf(capability, '*'), hub, proof));
    }
    for (const target of targets(ns))
      edges.push(
        target.likelihood === undefined
          ? structuralEdge(technique, hub, target.to, target.proof, target.fixes)
          : {
              technique,
              from: hub,
              to: target.to,
              likelihood: target.likelihood,
              evidence: [target.proof],
              fixes: target.fixes ?? NO_FIXES,
            },
      );
  }
  return edges;
}

const WORKLOADS_BY_NAMESPACE = memoKey<ReadonlyMap<string, readonly Workload[]>>('workloads by namespace');

/** The workloads of each namespace, in model order. */
export function workloadsIn(model: Model, namespace: string): readonly Workload[] {
  const index = model.memo.of(WORKLOADS_BY_NAMESPACE, () => {
    const map = new Map<string, Workload[]>();
    for (const workload of model.workloads) {
      const list = map.get(workload.namespace);
      if (list === undefined) map.set(workload.namespace, [workload]);
      else list.push(workload);
    }
    return map;
  });
  return index.get(namespace) ?? [];
}

/** The scopes a set of grants covers. */
export function scopesOf(grants: readonly Grant[]): Set<string> {
  return new Set(grants.map((grant) => grant.scope));
}
