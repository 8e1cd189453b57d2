/**
 * Plan candidates: the fixes on the current best-path forest, each with an upper bound on what it can take away,
 * its effort, and how close to a jewel it cuts; and the order the plan ranks measured candidates in.
 */
import type { ObjectPatch } from '../collect/patch.js';
import { type EffortClass, REMEDIATIONS } from '../techniques/remediations.js';
import type { Fix } from '../techniques/types.js';
import { type EntryStakes, entryStakeOf, entryStakesOf } from './entry-stakes.js';
import { CHANGES_ENTRIES, type RunIndex } from './incremental.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';

/** A candidate fix with its upper bound: the weighted scores of the entries whose best path it touches. */
export interface Candidate {
  readonly key: string;
  readonly fixes: readonly Fix[];
  readonly bound: number;
  readonly minutes: number;
  /** The least cost left to a jewel after an edge the fix removes: how close to the jewel it cuts. */
  readonly remaining: number;
  /** What it may take away through entries it can change (0 unless its remediation can), part of `bound`. */
  readonly stake: number;
}

/**
 * An evaluated candidate. `after` is the run on the patched snapshot, kept only while the candidate is the best so
 * far (a run per candidate would hold the whole cluster once per candidate); absent for graph estimates and in the
 * cache, which keeps ΔR alone.
 */
export interface Evaluated {
  readonly candidate: Candidate;
  readonly delta: number;
  readonly after?: ScoredRun;
}

const FIX_KEYS = new WeakMap<Fix, string>();

/** Identity of a fix: remediation, target and the exact patch (memoised: fixes are asked for every round). */
export function fixKey(fix: Fix): string {
  let key = FIX_KEYS.get(fix);
  if (key === undefined) {
    key = `${fix.remediation}|${fix.target}|${JSON.stringify(fix.ops)}`;
    FIX_KEYS.set(fix, key);
  }
  return key;
}

/** The effort of a set of fixes, in hours and as the largest class. */
export function effortOf(
  fixes: readonly Fix[],
  context: PipelineContext,
): { hours: number; effort: EffortClass } {
  const classes = fixes.map((fix) => REMEDIATIONS[fix.remediation].effort);
  const hours = classes.reduce((sum, c) => sum + context.config.effortHours[c], 0);
  const order: EffortClass[] = ['minutes', 'hours', 'day', 'days'];
  const effort = classes.reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b));
  return { hours, effort };
}

// Scratch of the node count, reused by every round: per node, its entries' weighted score and how many there are,
// and the forest in walk order (three new arrays per round were most of what the candidates allocated).
let weightedScratch = new Float64Array(0);
let scoredScratch = new Int32Array(0);
let orderScratch = new Int32Array(0);

/** Candidates on the best-path forest, each with its bound. */
export function candidatesOf(
  index: RunIndex,
  context: PipelineContext,
  options: { readonly entryStakes: boolean },
): Candidate[] {
  const { run } = index;
  // Per fix: its bound (×100), the least cost left after an edge naming it, and how many edges naming it are open
  // on the walk's current route.
  const byKey = new Map<string, { fix: Fix; bound: number; remaining: number; open: number }>();
  const { graph } = run;
  const { dist, next } = run.risk.distances;
  const { childStart, children } = index;
  const { entryNode } = index.carried;
  // Each node's scored entries, weighted (score × weight %, summed as integers and divided by 100 once), and how
  // many there are.
  const n = graph.nodes.length;
  if (weightedScratch.length < n) {
    weightedScratch = new Float64Array(n);
    scoredScratch = new Int32Array(n);
    orderScratch = new Int32Array(n);
  }
  const weighted = weightedScratch.fill(0, 0, n);
  const scored = scoredScratch.fill(0, 0, n);
  run.risk.entries.forEach((entry, i) => {
    const v = entryNode[i]!;
    if (entry.score === 0 || v < 0) return;
    weighted[v]! += entry.score * context.config.threatModels[entry.entry.threatModel].weight;
    scored[v]!++;
  });
  // The best-path forest, jewels at the roots: the entries whose route crosses the edge `next[v]` are those below
  // v. A walk down from the roots orders the nodes; summing in reverse adds each subtree to its parent.
  // Each node is in the forest once, so the order fits one array of the node count.
  const order = orderScratch;
  let size = 0;
  for (let v = 0; v < graph.nodes.length; v++)
    if (next[v]! < 0 && childStart[v]! < childStart[v + 1]!) order[size++] = v;
  const roots = size;
  for (let i = 0; i < size; i++) {
    const v = order[i]!;
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++) order[size++] = children[k]!;
  }
  for (let i = size - 1; i >= roots; i--) {
    const v = order[i]!;
    const up = graph.to[next[v]!]!;
    weighted[up]! += weighted[v]!;
    scored[up]! += scored[v]!;
  }
  // Down from the roots: a fix counts the entries below its topmost edge on a route once (an edge lower down that
  // names it again holds only entries already counted), and only edges some scored entry's route crosses.
  // Indexed loops over each edge's fixes: an iterator allocated 360 MB per R150k plan, most of its garbage.
  const stack = Array.from(order.subarray(0, roots));
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v < 0) {
      const closing = graph.edges[next[~v]!]!.fixes;
      for (let j = 0; j < closing.length; j++) byKey.get(fixKey(closing[j]!))!.open--;
      continue;
    }
    if (next[v]! >= 0) {
      const e = next[v]!;
      const remaining = dist[graph.to[e]!]!;
      const named = graph.edges[e]!.fixes;
      for (let j = 0; j < named.length; j++) {
        const fix = named[j]!;
        const key = fixKey(fix);
        let current = byKey.get(key);
        if (current === undefined) {
          current = { fix, bound: 0, remaining, open: 0 };
          byKey.set(key, current);
        }
        if (current.open === 0) current.bound += weighted[v]!;
        current.open++;
        current.remaining = Math.min(current.remaining, remaining);
      }
      stack.push(~v);
    }
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
      const c = children[k]!;
      if (scored[c]! > 0) stack.push(c);
    }
  }
  let stakes: EntryStakes | undefined;
  const stakeOf = (fix: Fix) => {
    // Counted lazily: most rounds have no candidate that can change entries.
    if (!options.entryStakes || !CHANGES_ENTRIES[fix.remediation]) return 0;
    stakes ??= entryStakesOf(run, context);
    return entryStakeOf(stakes, fix);
  };
  return [...byKey.entries()].map(([key, record]) => {
    const { fix, remaining } = record;
    const bound = record.bound / 100;
    const stake = stakeOf(fix);
    return {
      key,
      fixes: [fix],
      bound: Math.ceil(bound + stake),
      minutes: Math.round(effortOf([fix], context).hours * 60),
      remaining,
      stake,
    };
  });
}

/**
 * Order: ΔR per effort descending (integer cross-multiplication), ΔR, effort ascending, then the fix that cuts
 * closer to the jewel (removing the privilege itself, not one way to it, also closes routes not yet modelled),
 * then remediation and target.
 */
export function compareEvaluated(a: Evaluated, b: Evaluated): number {
  const ratio = b.delta * a.candidate.minutes - a.delta * b.candidate.minutes;
  if (ratio !== 0) return ratio;
  if (a.delta !== b.delta) return b.delta - a.delta;
  if (a.candidate.minutes !== b.candidate.minutes) return a.candidate.minutes - b.candidate.minutes;
  if (a.candidate.remaining !== b.candidate.remaining) return a.candidate.remaining - b.candidate.remaining;
  return a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0;
}

/** The patches of a set of fixes. */
export function patchesOf(fixes: readonly Fix[]): ObjectPatch[] {
  return fixes.map((fix) => ({ target: fix.target, ops: fix.ops }));
}

/** The candidate's bound could match or beat the pick's measured ratio. */
export function mightBeat(candidate: Candidate, pick: Evaluated): boolean {
  return candidate.bound * pick.candidate.minutes >= pick.delta * candidate.minutes;
}
