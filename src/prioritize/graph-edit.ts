/**
 * A fix applied to the graph instead of the snapshot: the technique edges that name the fix are dropped, a merged
 * edge keeps its surviving twins, and risk is recomputed on the edited graph. This equals a full re-run when the
 * patch removes exactly the edges that name it and changes no entry (techniques name every fix that would remove
 * their edge; `estimable()` excludes entry-changing remediations). Tests check that against full re-runs, and with
 * `--check-plan` the planner re-runs the plan's end state and re-plans with full re-runs if it ever fails.
 */
import { type Graph, mergeTwin } from '../graph/graph.js';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { Edge, Fix, TechniqueId } from '../techniques/types.js';
import { killedRaws, type RunIndex, reindexRun } from './incremental.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';
import { updatedRisk } from './risk-update.js';
import { recycle, spareUint8 } from './spare-arrays.js';

const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;

/**
 * The run of `index.run` after `fixes`, by graph edits: same nodes and edge numbers, some edges removed or dearer,
 * new scores; with its index, carried over from the old one instead of looked up again. Removed edges stay in
 * place, so a round costs what the fix changes, not the size of the graph.
 */
export function deriveRun(
  index: RunIndex,
  fixes: readonly Fix[],
  options: { readonly context: PipelineContext; readonly keyOf: (fix: Fix) => string },
): { readonly run: ScoredRun; readonly index: RunIndex } {
  const { run } = index;
  const { graph } = run;
  const killed = new Set(killedRaws(index, fixes, options.keyOf));
  const touched = [...new Set([...killed].map((r) => index.graphEdge[r]!))].sort((a, b) => a - b);
  const removed = spareUint8(graph.removed.length);
  removed.set(graph.removed);
  const gone: number[] = [];
  for (const g of touched) {
    if (liveRawsOf(index, g).every((twin) => killed.has(twin))) {
      removed[g] = 1;
      gone.push(g);
    }
  }
  for (const g of orphanedHubEdges(graph, index, { removed, gone })) {
    for (const r of liveRawsOf(index, g)) killed.add(r);
    gone.push(g);
  }
  const alive = spareUint8(index.alive.length);
  alive.set(index.alive);
  for (const r of killed) alive[r] = 0;
  // Copied only when an edge keeps some twins and so changes its evidence, fixes and cost: a removed edge keeps
  // its cost, so most rounds share the cost array (3.2 MB at R150k) with the graph they edit.
  let edges: Edge[] | undefined;
  let cost: Int32Array | undefined;
  const changed = gone.slice();
  for (const g of touched) {
    if (removed[g]) continue;
    // Re-merge the survivors in their original order, exactly as buildGraph merges twins.
    const survivors = rawsOf(index, g).filter((r) => alive[r]);
    edges ??= graph.edges.slice();
    cost ??= graph.cost.slice();
    edges[g] = survivors.map((r) => index.rawEdges[r]!).reduce((a, b) => mergeTwin(a, b, metaOf));
    cost[g] = Math.min(...survivors.map((r) => index.rawCost[r]!));
    if (cost[g]! > graph.cost[g]!) changed.push(g);
  }
  changed.sort((a, b) => a - b);
  const edited: Graph = {
    nodes: graph.nodes,
    index: graph.index,
    edges: edges ?? graph.edges,
    from: graph.from,
    to: graph.to,
    cost: cost ?? graph.cost,
    inStart: graph.inStart,
    inEdges: graph.inEdges,
    removed,
  };
  const risk = updatedRisk(index, { graph: edited, changed }, options.context);
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
  return { run: derived, index: reindexRun(index, derived, alive) };
}

/**
 * Hands back the arrays only a run made by `deriveRun` holds (not the cost array, which it may share), once nothing
 * will read that run again.
 */
export function recycleDerived(run: ScoredRun, index: RunIndex): void {
  const { dist, hops, next } = run.risk.distances;
  recycle(run.graph.removed, index.alive, dist, hops, next, index.childStart, index.children);
}

/** The raw edges merged into graph edge `g`, dead ones included. */
function rawsOf(index: RunIndex, g: number): number[] {
  const out: number[] = [];
  for (let k = index.rawStart[g]!; k < index.rawStart[g + 1]!; k++) out.push(index.raws[k]!);
  return out;
}

/** The raw edges of graph edge `g` that `index.run` still has. */
function liveRawsOf(index: RunIndex, g: number): number[] {
  return rawsOf(index, g).filter((r) => index.alive[r]);
}

/**
 * Out-edges of hubs that the edit left with no way in, marked removed as they are found. A hub stands for a
 * capability someone holds; once nobody does, its technique no longer emits it or its fan-out, so a re-run has none
 * of those edges. Cascades through hubs that only other hubs lead to. Only the targets of removed edges are looked
 * at, each hub's in-edges counted once.
 */
function orphanedHubEdges(
  graph: Graph,
  index: RunIndex,
  edit: { readonly removed: Uint8Array; readonly gone: readonly number[] },
): number[] {
  const { removed } = edit;
  const isHub = (v: number) => graph.nodes[v]!.startsWith('hub:');
  // In-edges not yet removed, per hub reached; counted on first reach, after the edge that reached it was removed.
  const waysIn = new Map<number, number>();
  const reached = (v: number): boolean => {
    let left = waysIn.get(v);
    if (left === undefined) {
      left = 0;
      for (let k = graph.inStart[v]!; k < graph.inStart[v + 1]!; k++) if (!removed[graph.inEdges[k]!]) left++;
    } else left--;
    waysIn.set(v, left);
    return left === 0;
  };
  const queue: number[] = [];
  for (const g of edit.gone) {
    // Every edge the edit removed is marked already, so a hub is counted at its first reach only.
    const v = graph.to[g]!;
    if (isHub(v) && !waysIn.has(v) && reached(v)) queue.push(v);
  }
  const out: number[] = [];
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let k = index.outStart[v]!; k < index.outStart[v + 1]!; k++) {
      const g = index.outEdges[k]!;
      if (removed[g]) continue;
      removed[g] = 1;
      out.push(g);
      const w = graph.to[g]!;
      if (isHub(w) && reached(w)) queue.push(w);
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
      if (graph.removed[e]) continue;
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
