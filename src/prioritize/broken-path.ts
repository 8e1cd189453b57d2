/**
 * What a planned fix cuts, taken from the runs before and after it at plan time, so a plan item keeps a few edges
 * instead of two whole pipeline runs.
 */
import type { Edge, Fix } from '../techniques/types.js';
import { bestPathEdges } from './paths.js';
import type { ScoredRun } from './pipeline.js';
import type { EntryScore } from './risk.js';

/** An entry's best route as data: the entry score and the technique edges of its route, in order. */
export interface RoutePath {
  readonly entry: EntryScore;
  readonly edges: readonly Edge[];
}

/** Order of reported paths: score descending, then threat model, then entry ref. */
export function byScore(a: EntryScore, b: EntryScore): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.entry.threatModel !== b.entry.threatModel) return a.entry.threatModel < b.entry.threatModel ? -1 : 1;
  return a.entry.node < b.entry.node ? -1 : a.entry.node > b.entry.node ? 1 : 0;
}

/** The best route of `entry` in `run`, as data. */
export function routeOf(run: ScoredRun, entry: EntryScore): RoutePath {
  return { entry, edges: bestPathEdges(run, entry).map((e) => run.graph.edges[e]!) };
}

/** True when `after` scores the very entries of `before`, in the same places: `after` is a graph edit of it. */
export function sameEntries(before: ScoredRun, after: ScoredRun): boolean {
  const old = before.risk.entries;
  const now = after.risk.entries;
  return old.length === now.length && old.every((s, i) => s.entry === now[i]!.entry);
}

/** Entries of `before` whose score drops in `after`: the paths a fix cuts, best first. */
export function cutEntries(before: ScoredRun, after: ScoredRun): EntryScore[] {
  const old = before.risk.entries;
  const now = after.risk.entries;
  // A graph edit keeps the entries in place: compare them index by index, without a key per entry.
  if (sameEntries(before, after)) return old.filter((s, i) => s.score > now[i]!.score).sort(byScore);
  const scores = new Map(now.map((s) => [`${s.entry.threatModel}|${s.entry.node}`, s.score]));
  return old
    .filter((s) => s.score > (scores.get(`${s.entry.threatModel}|${s.entry.node}`) ?? 0))
    .sort(byScore);
}

/**
 * The most valuable path the fix breaks, as it was before the fix: the highest-scoring cut path that runs through
 * an edge the fix removes, so the story shows why this change matters; otherwise the highest cut path (the fix
 * made a cheaper detour dearer, say).
 */
export function brokenPath(options: {
  readonly before: ScoredRun;
  readonly cut: readonly EntryScore[];
  readonly fixes: readonly Fix[];
  readonly keyOf: (fix: Fix) => string;
}): RoutePath | undefined {
  const { before, cut, keyOf } = options;
  const keys = new Set(options.fixes.map(keyOf));
  const carries = (e: number) => before.graph.edges[e]!.fixes.some((fix) => keys.has(keyOf(fix)));
  const chosen = cut.find((s) => bestPathEdges(before, s).some(carries)) ?? cut[0];
  return chosen === undefined ? undefined : routeOf(before, chosen);
}
