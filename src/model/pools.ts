/**
 * `poolsOf`: the node pools a workload runs on. Live replicas bound by `nodeName` decide it; otherwise the
 * scheduler's filters do, computed once per distinct set of scheduling constraints (most workloads share one).
 */
import { compareStrings } from './read.js';
import { schedulablePools, schedulingKey } from './scheduling.js';
import type { NodeInfo, Workload } from './types.js';

/** Builds a memoised `poolsOf` over the model's nodes and the node names of live replicas. */
export function poolsIndex(
  nodes: readonly NodeInfo[],
  boundNodes: ReadonlyMap<string, ReadonlySet<string>>,
): (workload: Workload) => readonly string[] {
  const nodeByName = new Map(nodes.map((node) => [node.name, node]));
  const byConstraints = new Map<string, readonly string[]>();
  return (workload) => {
    const bound = new Set<string>();
    for (const name of boundNodes.get(workload.ref) ?? []) {
      const node = nodeByName.get(name);
      if (node !== undefined) bound.add(node.pool);
    }
    if (bound.size > 0) return [...bound].sort(compareStrings);
    // Bound to nodes the input does not hold (or not bound yet): fall back to where it could be scheduled.
    const key = schedulingKey(workload);
    let pools = byConstraints.get(key);
    if (pools === undefined) {
      pools = schedulablePools(workload, nodes);
      byConstraints.set(key, pools);
    }
    return pools;
  };
}
