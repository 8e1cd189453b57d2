/**
 * Outcome tags count only for a real path: the cheapest route in the attack graph from the resource (or the
 * unit's attack start) to a jewel of the tag's kind, or through a step of one of its techniques.
 */
import type { Graph } from '../../src/graph/graph.js';
import { MinHeap } from '../../src/prioritize/min-heap.js';
import type { JewelKind, TagRule } from './tag-map.js';

/** Techniques that only reach a port; an outcome path never passes through them. */
export const REACH_ONLY: ReadonlySet<string> = new Set(['lateral-network-reach']);

/** One step of a found path, for printing. */
export interface PathStep {
  readonly technique: string;
  readonly to: string;
}

/** A path from a start node to the outcome. */
export interface OutcomePath {
  readonly from: string;
  readonly steps: readonly PathStep[];
}

/**
 * True when a graph node is a jewel of one of the kinds. With `secretsOf`, a secrets jewel counts only for that
 * namespace (or every namespace): reading Secrets elsewhere does not read this one.
 */
export function isJewelOf(ref: string, kinds: readonly JewelKind[], secretsOf?: string): boolean {
  return kinds.some((kind) => {
    if (kind === 'secrets' && secretsOf !== undefined)
      return ref === `jewel:secrets/${secretsOf}` || ref === 'jewel:secrets/*';
    return ref === `jewel:${kind}` || ref.startsWith(`jewel:${kind}/`);
  });
}

/**
 * A path from any start node to the outcome, searched cheapest first (integer edge costs, ties by hops): a node
 * that is one of the rule's jewels, or an edge of one of the rule's techniques.
 */
export function outcomePath(
  graph: Graph,
  search: { readonly starts: readonly number[]; readonly rule: TagRule; readonly secretsOf?: string },
): OutcomePath | undefined {
  const { starts, rule, secretsOf } = search;
  const jewels = rule.jewels ?? [];
  const techniques = new Set<string>(rule.ids);
  const outStart = new Int32Array(graph.nodes.length + 1);
  for (let e = 0; e < graph.edges.length; e++) outStart[graph.from[e]! + 1]!++;
  for (let v = 0; v < graph.nodes.length; v++) outStart[v + 1]! += outStart[v]!;
  const fill = outStart.slice(0, graph.nodes.length);
  const outEdges = new Int32Array(graph.edges.length);
  for (let e = 0; e < graph.edges.length; e++) outEdges[fill[graph.from[e]!]!++] = e;
  const dist = new Map<number, number>();
  const via = new Map<number, number>();
  const heap = new MinHeap();
  for (const s of [...starts].sort((a, b) => a - b)) {
    dist.set(s, 0);
    heap.push(0, 0, -1, s);
  }
  const done = new Set<number>();
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    const v = item.node;
    if (done.has(v)) continue;
    done.add(v);
    if (isJewelOf(graph.nodes[v]!, jewels, secretsOf)) return pathTo(graph, v, via);
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const e = outEdges[i]!;
      const w = graph.to[e]!;
      // A step of one of the rule's techniques is itself the outcome (e.g. stealing co-located tokens).
      if (techniques.has(graph.edges[e]!.technique)) {
        const path = pathTo(graph, v, via);
        return {
          from: path.from,
          steps: [...path.steps, { technique: graph.edges[e]!.technique, to: graph.nodes[w]! }],
        };
      }
      // Reaching a port is not a compromise (SEMANTICS.md): an outcome needs a path of attack steps only.
      if (REACH_ONLY.has(graph.edges[e]!.technique)) continue;
      const cost = item.cost + graph.cost[e]!;
      if (done.has(w) || cost >= (dist.get(w) ?? Number.POSITIVE_INFINITY)) continue;
      dist.set(w, cost);
      via.set(w, e);
      heap.push(cost, item.hops + 1, v, w);
    }
  }
  return undefined;
}

function pathTo(graph: Graph, end: number, via: ReadonlyMap<number, number>): OutcomePath {
  const steps: PathStep[] = [];
  let v = end;
  for (let e = via.get(v); e !== undefined; e = via.get(v)) {
    steps.unshift({ technique: graph.edges[e]!.technique, to: graph.nodes[v]! });
    v = graph.from[e]!;
  }
  return { from: graph.nodes[v]!, steps };
}
