/**
 * A fix applied to the graph instead of the snapshot: the technique edges that name the fix are dropped, a merged
 * edge keeps its surviving twins, and risk is recomputed on the edited graph. This equals a full re-run when the
 * patch removes exactly the edges that name it and changes no entry (techniques name every fix that would remove
 * their edge; `estimable()` excludes entry-changing remediations). Tests check that against full re-runs, and with
 * `--check-plan` the planner re-runs the plan's end state and re-plans with full re-runs if it ever fails.
 */
import { mergeTwin, withInEdges } from '../graph/graph.js';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { Edge, Fix, TechniqueId } from '../techniques/types.js';
import { indexRun, killedRaws, type RunIndex } from './incremental.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';
import { updatedRisk } from './risk-update.js';

const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;

/**
 * The run of `index.run` after `fixes`, by graph edits: same nodes, fewer or dearer edges, new scores; with its
 * index, carried over from the old one instead of looked up again.
 */
export function deriveRun(
  index: RunIndex,
  fixes: readonly Fix[],
  options: { readonly context: PipelineContext; readonly keyOf: (fix: Fix) => string },
): { readonly run: ScoredRun; readonly index: RunIndex } {
  const { run } = index;
  const { graph } = run;
  const killed = new Set(killedRaws(index, fixes, options.keyOf));
  const touched = new Uint8Array(graph.edges.length);
  for (const r of killed) if (index.graphEdge[r]! >= 0) touched[index.graphEdge[r]!] = 1;
  const gone = new Uint8Array(graph.edges.length);
  for (const r of killed) {
    const g = index.graphEdge[r]!;
    if (g >= 0 && rawsOf(index, g).every((twin) => killed.has(twin))) gone[g] = 1;
  }
  for (const g of orphanedHubEdges(index, gone)) {
    gone[g] = 1;
    for (const r of rawsOf(index, g)) killed.add(r);
  }
  // Old graph edge → new graph edge, or -1 when it is gone.
  const kept = new Int32Array(graph.edges.length).fill(-1);
  const edges: Edge[] = [];
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  const cost = new Int32Array(graph.edges.length);
  for (let g = 0; g < graph.edges.length; g++) {
    if (gone[g]) continue;
    let edge = graph.edges[g]!;
    let edgeCost = graph.cost[g]!;
    if (touched[g]) {
      // Re-merge the survivors in their original order, exactly as buildGraph merges twins.
      const survivors = rawsOf(index, g).filter((r) => !killed.has(r));
      edge = survivors.map((r) => index.rawEdges[r]!).reduce((a, b) => mergeTwin(a, b, metaOf));
      edgeCost = Math.min(...survivors.map((r) => index.rawCost[r]!));
    }
    from[edges.length] = graph.from[g]!;
    to[edges.length] = graph.to[g]!;
    cost[edges.length] = edgeCost;
    kept[g] = edges.length;
    edges.push(edge);
  }
  const edited = withInEdges({
    nodes: graph.nodes,
    index: graph.index,
    edges,
    from: from.slice(0, edges.length),
    to: to.slice(0, edges.length),
    cost: cost.slice(0, edges.length),
  });
  const changed: number[] = [];
  for (let g = 0; g < graph.edges.length; g++)
    if (gone[g] || (touched[g] && cost[kept[g]!]! > graph.cost[g]!)) changed.push(g);
  const risk = updatedRisk(index, { graph: edited, kept, changed }, options.context);
  const alive = index.alive.slice();
  for (const r of killed) alive[r] = 0;
  const graphEdge = new Int32Array(alive.length);
  for (let r = 0; r < alive.length; r++) {
    const g = index.graphEdge[r]!;
    graphEdge[r] = alive[r] && g >= 0 ? kept[g]! : -1;
  }
  // The surviving technique edges are listed only when asked for: a plan asks its runs for the graph alone.
  let surviving: Edge[] | undefined;
  const derived: ScoredRun = {
    get edges() {
      surviving ??= index.rawEdges.filter((_, r) => alive[r]);
      return surviving;
    },
    entries: run.entries,
    graph: edited,
    risk,
  };
  const raws = {
    rawEdges: index.rawEdges,
    alive,
    graphEdge,
    rawCost: index.rawCost,
    byTarget: index.byTarget,
  };
  return { run: derived, index: indexRun(derived, options.context, raws, index.carried) };
}

/** The raw edges merged into graph edge `g`. */
function rawsOf(index: RunIndex, g: number): number[] {
  const out: number[] = [];
  for (let k = index.rawStart[g]!; k < index.rawStart[g + 1]!; k++) out.push(index.raws[k]!);
  return out;
}

/**
 * Out-edges of hubs that the edit left with no way in. A hub stands for a capability someone holds; once nobody
 * does, its technique no longer emits it or its fan-out, so a re-run has none of those edges. Cascades through
 * hubs that only other hubs lead to.
 */
function orphanedHubEdges(index: RunIndex, gone: Uint8Array): number[] {
  const { graph } = index.run;
  const indegree = new Int32Array(graph.nodes.length);
  for (let g = 0; g < graph.edges.length; g++) if (!gone[g]) indegree[graph.to[g]!]!++;
  const queued = new Uint8Array(graph.nodes.length);
  const queue: number[] = [];
  for (let g = 0; g < graph.edges.length; g++) {
    const v = graph.to[g]!;
    if (gone[g] && indegree[v] === 0 && !queued[v] && graph.nodes[v]!.startsWith('hub:')) {
      queued[v] = 1;
      queue.push(v);
    }
  }
  const out: number[] = [];
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let k = index.outStart[v]!; k < index.outStart[v + 1]!; k++) {
      const g = index.outEdges[k]!;
      if (gone[g]) continue;
      out.push(g);
      const w = graph.to[g]!;
      if (--indegree[w]! === 0 && graph.nodes[w]!.startsWith('hub:')) queue.push(w);
    }
  }
  return out;
}

/**
 * The edges reachable from `roots` in each run, with their costs, are the same: a graph edit that kept an edge a
 * patch removed (a fix a technique does not name) shows here even when the scores happen to agree.
 */
export function sameReachableEdges(a: ScoredRun, b: ScoredRun, roots: readonly string[]): boolean {
  const left = reachableEdges(a, roots);
  const right = reachableEdges(b, roots);
  return left.size === right.size && [...right].every((key) => left.has(key));
}

/** Keys of the edges reachable from `roots` (edges are sorted by their source, so out-edges are contiguous). */
function reachableEdges(run: ScoredRun, roots: readonly string[]): Set<string> {
  const { graph } = run;
  const n = graph.nodes.length;
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < graph.from.length; e++) outStart[graph.from[e]! + 1]!++;
  for (let v = 0; v < n; v++) outStart[v + 1]! += outStart[v]!;
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  for (const ref of roots) {
    const v = graph.index.get(ref);
    if (v !== undefined && !seen[v]) {
      seen[v] = 1;
      stack.push(v);
    }
  }
  const keys = new Set<string>();
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
      const edge = graph.edges[e]!;
      keys.add(`${edge.technique}\u0000${edge.from}\u0000${edge.to}\u0000${graph.cost[e]}`);
      const w = graph.to[e]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return keys;
}

/**
 * Same score for every entry that has one, so the same total and risk per threat model. (An entry may vanish with
 * a score of 0: a user whose last binding a fix removed.)
 */
export function sameScores(a: ScoredRun, b: ScoredRun): boolean {
  const scored = (run: ScoredRun) =>
    run.risk.entries
      .filter((s) => s.score > 0)
      .map((s) => `${s.entry.threatModel}|${s.entry.node}|${s.score}`);
  const left = new Set(scored(a));
  const right = scored(b);
  return a.risk.total === b.risk.total && left.size === right.length && right.every((key) => left.has(key));
}
