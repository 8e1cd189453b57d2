/**
 * Risk: one reverse multi-source Dijkstra seeded at every jewel with its value cost gives each node its cheapest
 * cost to its worst jewel; each entry then scores P(prior + distance), counted once against that jewel.
 */
import type { Entry } from '../graph/entries.js';
import type { Graph } from '../graph/graph.js';
import type { ThreatModel } from '../techniques/types.js';
import { THREAT_MODELS } from '../techniques/types.js';
import type { AnalysisConfig } from './config.js';
import { MinHeap } from './min-heap.js';
import { scoreOfCost } from './score.js';

/** The best route of every node to its worst jewel. */
export interface Distances {
  /** Cheapest cost to a jewel, jewel value included; Infinity when none is reachable. */
  readonly dist: Float64Array;
  readonly hops: Int32Array;
  /** The first edge of the best route, or -1 at a jewel (or when unreachable). */
  readonly next: Int32Array;
}

/** One entry's score. */
export interface EntryScore {
  readonly entry: Entry;
  /** Prior + distance. */
  readonly cost: number;
  readonly score: number;
  /** The jewel the best route ends at, or undefined when no jewel is reachable. */
  readonly jewel?: string;
}

/** Risk per threat model, weighted total, and the per-entry detail. */
export interface RiskResult {
  readonly total: number;
  readonly byThreatModel: Readonly<Record<ThreatModel, number>>;
  readonly entries: readonly EntryScore[];
  readonly distances: Distances;
}

/** The integer cost of a jewel node from its value, or undefined when the ref is not a jewel. */
export type JewelCost = (ref: string) => number | undefined;

/** Reverse multi-source Dijkstra. Ties break by (cost, hops, ref of the next node). */
export function distancesToJewels(graph: Graph, jewelCost: JewelCost): Distances {
  const n = graph.nodes.length;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const hops = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  const heap = new MinHeap();
  graph.nodes.forEach((ref, v) => {
    const cost = jewelCost(ref);
    if (cost === undefined) return;
    dist[v] = cost;
    heap.push(cost, 0, v, v);
  });
  const done = new Uint8Array(n);
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    const v = item.node;
    if (done[v]) continue;
    done[v] = 1;
    for (let k = graph.inStart[v]!; k < graph.inStart[v + 1]!; k++) {
      const e = graph.inEdges[k]!;
      const u = graph.from[e]!;
      if (done[u] || graph.removed[e]) continue;
      const cost = dist[v]! + graph.cost[e]!;
      const h = hops[v]! + 1;
      if (better(cost, h, v, dist[u]!, hops[u]!, next[u]! < 0 ? -1 : graph.to[next[u]!]!)) {
        dist[u] = cost;
        hops[u] = h;
        next[u] = e;
        heap.push(cost, h, v, u);
      }
    }
  }
  return { dist, hops, next };
}

/** Is (cost, hops, via) strictly better than the current best? Node indexes are in sorted-ref order. */
function better(
  cost: number,
  hops: number,
  via: number,
  bestCost: number,
  bestHops: number,
  bestVia: number,
): boolean {
  if (cost !== bestCost) return cost < bestCost;
  if (hops !== bestHops) return hops < bestHops;
  return bestVia < 0 || via < bestVia;
}

/** The jewel a node's best route ends at, named by `name` (a workload's container is its workload jewel). */
export function jewelOf(
  graph: Graph,
  distances: Distances,
  node: number,
  name: (ref: string) => string = (ref) => ref,
): string | undefined {
  let v = node;
  for (let guard = 0; guard <= graph.nodes.length; guard++) {
    const e = distances.next[v]!;
    if (e < 0) return Number.isFinite(distances.dist[v]!) ? name(graph.nodes[v]!) : undefined;
    v = graph.to[e]!;
  }
  return undefined;
}

/** Scores every entry and sums risk per threat model (weighted, integers). */
export function computeRisk(options: {
  graph: Graph;
  entries: readonly Entry[];
  config: AnalysisConfig;
  jewelCost: JewelCost;
  /** The jewel ref a seeded node stands for; by default the node's own ref. */
  jewelName?: (ref: string) => string;
}): RiskResult {
  const { graph, entries, config } = options;
  const distances = distancesToJewels(graph, options.jewelCost);
  const byThreatModel = { external: 0, container: 0, credentials: 0 } as Record<ThreatModel, number>;
  const scored: EntryScore[] = entries.map((entry) => {
    const v = graph.index.get(entry.node);
    const distance = v === undefined ? Number.POSITIVE_INFINITY : distances.dist[v]!;
    const cost = entry.priorCost + distance;
    const score = scoreOfCost(cost);
    byThreatModel[entry.threatModel] += score;
    const jewel =
      v === undefined || score === 0 ? undefined : jewelOf(graph, distances, v, options.jewelName);
    return jewel === undefined ? { entry, cost, score } : { entry, cost, score, jewel };
  });
  let total = 0;
  for (const tm of THREAT_MODELS) {
    if (config.threatModels[tm].enabled)
      total += Math.floor((byThreatModel[tm] * config.threatModels[tm].weight) / 100);
  }
  return { total, byThreatModel, entries: scored, distances };
}
