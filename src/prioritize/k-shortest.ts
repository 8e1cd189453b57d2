/**
 * k shortest loopless paths (Yen, 1971) on the integer edge costs, from a set of sources to a set of targets
 * through a virtual source and sink. A target's own cost (a jewel's value) is paid on the arc into the sink, so
 * paths rank as risk ranks them. Ties break by (cost, hops, the arcs' order), so the output is deterministic.
 */
import type { Graph } from '../graph/graph.js';
import { csrOf } from './dominators.js';
import { MinHeap } from './min-heap.js';

/** One path: the graph edges in order, and its cost (the target's cost included). */
export interface RankedPath {
  readonly edges: readonly number[];
  readonly cost: number;
}

/** The question: from which nodes, to which nodes (each with its own cost), how many paths. */
export interface PathQuery {
  readonly sources: readonly number[];
  readonly targets: ReadonlyMap<number, number>;
  readonly limit: number;
}

interface Arcs {
  readonly from: number[];
  readonly to: number[];
  readonly cost: number[];
  /** The graph edge an arc is, or -1 for a virtual arc. */
  readonly edge: number[];
}

interface Found {
  readonly arcs: readonly number[];
  readonly nodes: readonly number[];
  readonly cost: number;
}

/** The k cheapest loopless paths, cheapest first. */
export function kShortestPaths(graph: Graph, query: PathQuery): RankedPath[] {
  const n = graph.nodes.length;
  const source = n;
  const sink = n + 1;
  const arcs: Arcs = { from: [...graph.from], to: [...graph.to], cost: [...graph.cost], edge: [] };
  for (let e = 0; e < graph.edges.length; e++) arcs.edge.push(e);
  for (const v of [...query.sources].sort((a, b) => a - b)) add(arcs, source, v, 0);
  for (const [v, cost] of [...query.targets].sort((a, b) => a[0] - b[0])) add(arcs, v, sink, cost);
  const csr = csrOf(n + 2, arcs.from, arcs.to);
  const arcAt = arcIndexes(csr, arcs, n + 2);
  const first = cheapest({
    arcs,
    csr,
    arcAt,
    start: source,
    sink,
    blockedArcs: new Set(),
    blockedNodes: new Set(),
  });
  if (first === undefined) return [];
  const found: Found[] = [first];
  const candidates = new Map<string, Found>();
  while (found.length < query.limit) {
    const previous = found[found.length - 1]!;
    for (let i = 0; i < previous.arcs.length; i++) {
      const rootArcs = previous.arcs.slice(0, i);
      const blockedArcs = new Set<number>();
      for (const path of found)
        if (path.arcs.length > i && rootArcs.every((a, j) => path.arcs[j] === a))
          blockedArcs.add(path.arcs[i]!);
      const blockedNodes = new Set(previous.nodes.slice(0, i));
      const spur = cheapest({ arcs, csr, arcAt, start: previous.nodes[i]!, sink, blockedArcs, blockedNodes });
      if (spur === undefined) continue;
      const rootCost = rootArcs.reduce((sum, a) => sum + arcs.cost[a]!, 0);
      const path: Found = {
        arcs: [...rootArcs, ...spur.arcs],
        nodes: [...previous.nodes.slice(0, i), ...spur.nodes],
        cost: rootCost + spur.cost,
      };
      const key = path.arcs.join(',');
      if (!found.some((p) => p.arcs.join(',') === key)) candidates.set(key, path);
    }
    const next = [...candidates.values()].sort(comparePaths)[0];
    if (next === undefined) break;
    candidates.delete(next.arcs.join(','));
    found.push(next);
  }
  return found.map((path) => ({
    edges: path.arcs.map((a) => arcs.edge[a]!).filter((e) => e >= 0),
    cost: path.cost,
  }));
}

function add(arcs: Arcs, from: number, to: number, cost: number): void {
  arcs.from.push(from);
  arcs.to.push(to);
  arcs.cost.push(cost);
  arcs.edge.push(-1);
}

/** For each CSR slot, the arc it came from (csrOf keeps insertion order per node). */
function arcIndexes(csr: ReturnType<typeof csrOf>, arcs: Arcs, nodeCount: number): Int32Array {
  const fill = csr.start.slice(0, nodeCount);
  const out = new Int32Array(arcs.from.length);
  for (let a = 0; a < arcs.from.length; a++) out[fill[arcs.from[a]!]!++] = a;
  return out;
}

function comparePaths(a: Found, b: Found): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.arcs.length !== b.arcs.length) return a.arcs.length - b.arcs.length;
  for (let i = 0; i < a.arcs.length; i++) if (a.arcs[i] !== b.arcs[i]) return a.arcs[i]! - b.arcs[i]!;
  return 0;
}

/** Forward Dijkstra from `start` to the sink, avoiding blocked arcs and nodes. */
function cheapest(options: {
  arcs: Arcs;
  csr: ReturnType<typeof csrOf>;
  arcAt: Int32Array;
  start: number;
  sink: number;
  blockedArcs: ReadonlySet<number>;
  blockedNodes: ReadonlySet<number>;
}): Found | undefined {
  const { arcs, csr, arcAt, start, sink, blockedArcs, blockedNodes } = options;
  const size = csr.start.length - 1;
  const dist = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const hops = new Int32Array(size);
  const via = new Int32Array(size).fill(-1);
  const done = new Uint8Array(size);
  const heap = new MinHeap();
  dist[start] = 0;
  heap.push(0, 0, -1, start);
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) {
    const v = item.node;
    if (done[v]) continue;
    done[v] = 1;
    if (v === sink) break;
    for (let k = csr.start[v]!; k < csr.start[v + 1]!; k++) {
      const a = arcAt[k]!;
      const w = csr.targets[k]!;
      if (done[w] || blockedArcs.has(a) || blockedNodes.has(w)) continue;
      const cost = dist[v]! + arcs.cost[a]!;
      const h = hops[v]! + 1;
      if (cost < dist[w]! || (cost === dist[w]! && h < hops[w]!)) {
        dist[w] = cost;
        hops[w] = h;
        via[w] = a;
        heap.push(cost, h, v, w);
      }
    }
  }
  if (!Number.isFinite(dist[sink]!)) return undefined;
  const path: number[] = [];
  for (let v = sink; v !== start; v = arcs.from[via[v]!]!) path.push(via[v]!);
  path.reverse();
  return { arcs: path, nodes: [start, ...path.map((a) => arcs.to[a]!)], cost: dist[sink]! };
}
