import type { NamespaceContents } from '../model/namespace-contents.js';
import type { NodePlan } from '../model/plan-types.js';
import type { NodeFilter, WorkloadSpec } from '../model/workload-spec.js';
import { Random } from '../random.js';
import { SYSTEM_NAMESPACES } from '../system/catalog.js';

/** True when a DaemonSet with this filter places a pod on the node (taints included). */
export function runsOn(filter: NodeFilter, node: NodePlan): boolean {
  if (filter === 'all') return true;
  if (filter === 'gpu') return node.pool === 'gpu';
  return !node.controlPlane && node.pool !== 'gpu';
}

/** Pods a workload will have once expanded. */
export function podCount(workload: WorkloadSpec, nodes: readonly NodePlan[]): number {
  if (workload.kind !== 'DaemonSet') return workload.replicas;
  const filter = workload.nodes ?? 'workers';
  let count = 0;
  for (const node of nodes) if (runsOn(filter, node)) count++;
  return count;
}

/** Totals the fixed system namespaces use up, to subtract before sharing budgets among apps. */
export interface SystemCounts {
  readonly pods: number;
  readonly services: number;
  readonly ingresses: number;
  readonly roles: number;
  readonly roleBindings: number;
  readonly serviceAccounts: number;
  readonly networkPolicies: number;
}

/** Count what the system catalog will emit on these nodes. */
export function countSystem(nodes: readonly NodePlan[]): SystemCounts {
  const totals = {
    pods: 0,
    services: 0,
    ingresses: 0,
    roles: 0,
    roleBindings: 0,
    serviceAccounts: 0,
    networkPolicies: 0,
  };
  for (const ns of SYSTEM_NAMESPACES) {
    const contents: NamespaceContents = ns.contents(new Random(0));
    for (const workload of contents.workloads) totals.pods += podCount(workload, nodes);
    totals.services += contents.services.length;
    totals.ingresses += contents.ingresses.length;
    totals.roles += contents.roles.length;
    totals.roleBindings += contents.roleBindings.length;
    totals.serviceAccounts += contents.serviceAccounts.length;
    totals.networkPolicies += contents.networkPolicies.length;
  }
  return totals;
}
