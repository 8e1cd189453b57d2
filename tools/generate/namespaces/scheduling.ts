import type { JsonObject } from '../json-types.js';
import type { AddressBook, NodePlan } from '../model/plan-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';

/** Nodes ordinary application pods may land on: workers without the GPU taint. */
export function appNodes(nodes: readonly NodePlan[]): NodePlan[] {
  return nodes.filter((n) => !n.controlPlane && n.pool !== 'gpu');
}

/** Next free pod IP in the node's /24 (host-network pods share the node's IP). */
export function podIp(w: WorkloadSpec, node: NodePlan, addresses: AddressBook): string {
  if (w.hostNetwork) return node.internalIp;
  const n = addresses.podsPerNode[node.index]!;
  addresses.podsPerNode[node.index] = n + 1;
  return `${node.podPrefix}.${2 + (n % 250)}`;
}

/** The node affinity the DaemonSet controller pins each of its pods to its node with. */
export function daemonAffinity(nodeName: string): JsonObject {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } } };
}
