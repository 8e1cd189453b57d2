/** Walks the best-path forest: the route from an entry to its worst jewel, edge by edge. */
import type { Edge } from '../techniques/types.js';
import type { ScoredRun } from './pipeline.js';
import type { EntryScore } from './risk.js';

/** The edges of an entry's best route, in order (empty when no jewel is reachable). */
export function bestPathEdges(run: ScoredRun, entry: EntryScore): readonly number[] {
  const { graph, risk } = run;
  const start = graph.index.get(entry.entry.node);
  if (start === undefined || entry.score === 0) return [];
  const out: number[] = [];
  let v = start;
  for (let guard = 0; guard < graph.nodes.length; guard++) {
    const e = risk.distances.next[v]!;
    if (e < 0) break;
    out.push(e);
    v = graph.to[e]!;
  }
  return out;
}

/** The technique edges of an entry's best route. */
export function bestPath(run: ScoredRun, entry: EntryScore): readonly Edge[] {
  return bestPathEdges(run, entry).map((e) => run.graph.edges[e]!);
}
