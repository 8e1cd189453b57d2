/**
 * Risk after edges were removed or made dearer, without a new Dijkstra over the whole graph. Costs only rise, so a
 * node whose best route crosses no changed edge keeps its label (cost, hops, next node): every other route was
 * already no better and can only have got worse. The nodes whose route crosses one (the subtrees above the changed
 * edges in the best-path forest) are labelled again by a Dijkstra inside that set, seeded from the edges leaving
 * it, with the same order and tie-breaks as `distancesToJewels`, so the labels equal a full run's.
 */
import type { Graph } from '../graph/graph.js';
import { THREAT_MODELS } from '../techniques/types.js';
import { affectedBy, type NodeSet, type RunIndex } from './incremental.js';
import { jewelsOf } from './jewels.js';
import { MinHeap } from './min-heap.js';
import type { PipelineContext } from './pipeline.js';
import { type EntryScore, jewelOf, type RiskResult } from './risk.js';
import { scoreOfCost } from './score.js';
import { spareFloat64, spareInt32 } from './spare-arrays.js';

/** The edit from the run `index` describes to `graph`. */
export interface GraphChange {
  /** The edited graph: the same nodes and edge numbers, with some edges removed or dearer. */
  readonly graph: Graph;
  /** Edges removed or made dearer. */
  readonly changed: readonly number[];
}

/** The risk of `change.graph`, equal to `computeRisk` on it, computed from the old run's labels. */
export function updatedRisk(index: RunIndex, change: GraphChange, context: PipelineContext): RiskResult {
  const old = index.run.risk;
  const { graph } = change;
  const affected = affectedBy(index, change.changed);
  const n = old.distances.dist.length;
  const dist = spareFloat64(n);
  dist.set(old.distances.dist);
  const hops = spareInt32(n);
  hops.set(old.distances.hops);
  // An unaffected node's best route crosses no changed edge, so its first edge is still there.
  const next = spareInt32(n);
  next.set(old.distances.next);
  relabel({ graph, index, affected, dist, hops, next, jewelCost: jewelsOf(context.config).cost });
  const distances = { dist, hops, next };
  const jewels = jewelsOf(context.config);
  const byThreatModel = { ...old.byThreatModel };
  const { entryNode } = index.carried;
  const entries: EntryScore[] = old.entries.map((scored, i) => {
    const v = entryNode[i]!;
    if (v < 0 || !affected.has(v)) return scored;
    const cost = scored.entry.priorCost + dist[v]!;
    const score = scoreOfCost(cost);
    byThreatModel[scored.entry.threatModel] += score - scored.score;
    const jewel = score === 0 ? undefined : jewelOf(graph, distances, v, jewels.name);
    return jewel === undefined
      ? { entry: scored.entry, cost, score }
      : { entry: scored.entry, cost, score, jewel };
  });
  let total = 0;
  const { threatModels } = context.config;
  for (const tm of THREAT_MODELS)
    if (threatModels[tm].enabled) total += Math.floor((byThreatModel[tm] * threatModels[tm].weight) / 100);
  return { total, byThreatModel, entries, distances };
}

/** Is (cost, hops, via) strictly better than the label? The same order as `distancesToJewels`. */
function better(cost: number, hops: number, via: number, label: { cost: number; hops: number; via: number }) {
  if (cost !== label.cost) return cost < label.cost;
  if (hops !== label.hops) return hops < label.hops;
  return label.via < 0 || via < label.via;
}

/** Labels the affected nodes again: seeds from their jewel value and edges to unaffected nodes, then Dijkstra. */
function relabel(options: {
  graph: Graph;
  /** The old run's lookups: its out-edges are the edited graph's, removed ones included. */
  index: RunIndex;
  affected: NodeSet;
  dist: Float64Array;
  hops: Int32Array;
  next: Int32Array;
  jewelCost: (ref: string) => number | undefined;
}): void {
  const { graph, affected, dist, hops, next } = options;
  const { outStart, outEdges } = options.index;
  const { removed } = graph;
  const heap = new MinHeap();
  const offer = (u: number, e: number, via: number, cost: number, h: number): boolean => {
    const label = { cost: dist[u]!, hops: hops[u]!, via: next[u]! < 0 ? -1 : graph.to[next[u]!]! };
    if (!better(cost, h, via, label)) return false;
    dist[u] = cost;
    hops[u] = h;
    next[u] = e;
    return true;
  };
  for (let i = 0; i < affected.nodes.length; i++) {
    const u = affected.nodes[i]!;
    const seed = options.jewelCost(graph.nodes[u]!);
    dist[u] = seed ?? Number.POSITIVE_INFINITY;
    hops[u] = 0;
    next[u] = -1;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const e = outEdges[k]!;
      const w = graph.to[e]!;
      if (!removed[e] && !affected.has(w) && Number.isFinite(dist[w]!))
        offer(u, e, w, dist[w]! + graph.cost[e]!, hops[w]! + 1);
    }
    if (Number.isFinite(dist[u]!)) heap.push(dist[u]!, hops[u]!, next[u]! < 0 ? u : graph.to[next[u]!]!, u);
  }
  const done = new Set<number>();
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    const v = item.node;
    if (done.has(v) || item.cost !== dist[v] || item.hops !== hops[v]) continue;
    done.add(v);
    for (let k = graph.inStart[v]!; k < graph.inStart[v + 1]!; k++) {
      const e = graph.inEdges[k]!;
      const u = graph.from[e]!;
      if (removed[e] || !affected.has(u) || done.has(u)) continue;
      if (offer(u, e, v, dist[v]! + graph.cost[e]!, hops[v]! + 1)) heap.push(dist[u]!, hops[u]!, v, u);
    }
  }
}
