/**
 * The attack graph in compact form: nodes indexed in sorted-ref order (so index order is ref order, which the
 * tie-breaks rely on), edge arrays, and reverse adjacency in CSR form for the reverse Dijkstra.
 */
import { costOf } from '../techniques/likelihood.js';
import type { Edge, TechniqueId, TechniqueMeta } from '../techniques/types.js';

/** The graph the prioritizer walks. */
export interface Graph {
  /** Node refs, sorted. */
  readonly nodes: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** The technique edges, in the same order as the arrays below. */
  readonly edges: readonly Edge[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Integer cost of each edge: round(1000 · −log2 p); 0 for structural edges. */
  readonly cost: Int32Array;
  /** In-edges of node v are `inEdges[inStart[v] .. inStart[v+1])`. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /**
   * Edges a graph edit removed (1), left in place so an edited graph shares its topology with the graph it came
   * from; every walk skips them. A graph built from technique edges has none.
   */
  readonly removed: Uint8Array;
  /** For a graph built from technique edges: the graph edge each input edge was merged into, in input order. */
  readonly edgeOfInput?: Int32Array;
}

/** Builds the graph from technique edges; duplicate (technique, from, to) edges keep the cheapest. */
export function buildGraph(
  edges: readonly Edge[],
  metaOf: (id: TechniqueId) => TechniqueMeta,
  extraNodes: readonly string[] = [],
): Graph {
  // Each endpoint is looked up once, numbered in order of first sight, and renumbered in ref order after the
  // sort: a second lookup of 1.6 million endpoints by ref was a third of the graph's build at R150k.
  const seen = new Map<string, number>();
  const refs: string[] = [];
  const numberOf = (ref: string): number => {
    let number = seen.get(ref);
    if (number === undefined) {
      number = refs.length;
      refs.push(ref);
      seen.set(ref, number);
    }
    return number;
  };
  for (const ref of extraNodes) numberOf(ref);
  const sourceOf = new Int32Array(edges.length);
  const targetOf = new Int32Array(edges.length);
  edges.forEach((edge, i) => {
    sourceOf[i] = numberOf(edge.from);
    targetOf[i] = numberOf(edge.to);
  });
  const byRef = Array.from(refs.keys()).sort((a, b) => compareRefs(refs[a]!, refs[b]!));
  const rank = new Int32Array(refs.length);
  byRef.forEach((number, i) => {
    rank[number] = i;
  });
  for (let i = 0; i < edges.length; i++) {
    sourceOf[i] = rank[sourceOf[i]!]!;
    targetOf[i] = rank[targetOf[i]!]!;
  }
  const nodes = byRef.map((number) => refs[number]!);
  const index = new Map<string, number>();
  for (const [i, ref] of nodes.entries()) index.set(ref, i);
  const { unique, from, to, edgeOfInput } = dedupe(edges, {
    metaOf,
    nodeCount: nodes.length,
    sourceOf,
    targetOf,
  });
  const cost = new Int32Array(unique.length);
  unique.forEach((edge, i) => {
    cost[i] = edgeCost(edge, metaOf);
  });
  const removed = new Uint8Array(unique.length);
  return { ...withInEdges({ nodes, index, edges: unique, from, to, cost, removed }), edgeOfInput };
}

/** Completes a graph with its reverse adjacency (CSR of in-edges, each node's in order of edge index). */
function withInEdges(graph: Omit<Graph, 'inStart' | 'inEdges'>): Graph {
  const { nodes, to } = graph;
  const count = to.length;
  const inStart = new Int32Array(nodes.length + 1);
  for (let i = 0; i < count; i++) inStart[to[i]! + 1]!++;
  for (let v = 0; v < nodes.length; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, nodes.length);
  const inEdges = new Int32Array(count);
  for (let i = 0; i < count; i++) inEdges[fill[to[i]!]!++] = i;
  return { ...graph, inStart, inEdges };
}

/** The integer cost of one edge. An edge may be harder than its technique's class, never easier. */
export function edgeCost(edge: Edge, metaOf: (id: TechniqueId) => TechniqueMeta): number {
  if (edge.structural) return 0;
  const base = costOf(metaOf(edge.technique).likelihood);
  return edge.likelihood === undefined ? base : Math.max(base, costOf(edge.likelihood));
}

/** Plain code-unit order, so the same refs sort the same everywhere (no locale). */
export function compareRefs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parallel edges of one technique merge: the cheapest likelihood, every piece of evidence and every fix. The merged
 * edges come sorted by source, target and technique; node numbers are in ref order, so numbers compare as refs do.
 */
function dedupe(
  edges: readonly Edge[],
  numbered: {
    readonly metaOf: (id: TechniqueId) => TechniqueMeta;
    readonly nodeCount: number;
    /** Each input edge's source and target node numbers. */
    readonly sourceOf: Int32Array;
    readonly targetOf: Int32Array;
  },
): { unique: Edge[]; from: Int32Array; to: Int32Array; edgeOfInput: Int32Array } {
  const { metaOf, nodeCount, sourceOf, targetOf } = numbered;
  const m = edges.length;
  // Input edges by source, then target, in input order among equals: two stable counting sorts, linear in the
  // edges (a map from endpoints to twins cost three times as much at 800,000 edges).
  const identity = new Int32Array(m).map((_, i) => i);
  const order = stableOrderBy(sourceOf, nodeCount, stableOrderBy(targetOf, nodeCount, identity));
  const unique: Edge[] = [];
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const edgeOfInput = new Int32Array(m);
  for (let first = 0; first < m; ) {
    const source = sourceOf[order[first]!]!;
    const target = targetOf[order[first]!]!;
    let end = first + 1;
    while (end < m && sourceOf[order[end]!] === source && targetOf[order[end]!] === target) end++;
    if (end === first + 1) {
      // Most node pairs have one edge: it is kept as it is, without the grouping below and its garbage.
      from[unique.length] = source;
      to[unique.length] = target;
      edgeOfInput[order[first]!] = unique.length;
      unique.push(edges[order[first]!]!);
      first = end;
      continue;
    }
    // One merged edge per technique between these nodes, twins merged in input order, sorted by technique.
    const merged: { edge: Edge; inputs: number[] }[] = [];
    for (let k = first; k < end; k++) {
      const i = order[k]!;
      const twin = merged.find((group) => group.edge.technique === edges[i]!.technique);
      if (twin === undefined) merged.push({ edge: edges[i]!, inputs: [i] });
      else {
        twin.edge = mergeTwin(twin.edge, edges[i]!, metaOf);
        twin.inputs.push(i);
      }
    }
    if (merged.length > 1) merged.sort((a, b) => compareRefs(a.edge.technique, b.edge.technique));
    for (const group of merged) {
      from[unique.length] = source;
      to[unique.length] = target;
      for (const i of group.inputs) edgeOfInput[i] = unique.length;
      unique.push(group.edge);
    }
    first = end;
  }
  return { unique, from: from.slice(0, unique.length), to: to.slice(0, unique.length), edgeOfInput };
}

/** `order` stably sorted by `keyOf` (each key below `buckets`): a counting sort. */
function stableOrderBy(keyOf: Int32Array, buckets: number, order: Int32Array): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (const i of order) start[keyOf[i]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const sorted = new Int32Array(order.length);
  for (const i of order) sorted[start[keyOf[i]!]!++] = i;
  return sorted;
}

/** Two edges of one technique between the same nodes: the cheaper one's fields, the evidence and fixes of both. */
export function mergeTwin(seen: Edge, edge: Edge, metaOf: (id: TechniqueId) => TechniqueMeta): Edge {
  const cheaper = edgeCost(edge, metaOf) < edgeCost(seen, metaOf) ? edge : seen;
  return {
    ...cheaper,
    evidence: [...seen.evidence, ...edge.evidence],
    fixes: [...seen.fixes, ...edge.fixes],
  };
}
