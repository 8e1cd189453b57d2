/**
 * The plan: greedy, lazy and exact. Candidates are the fixes on the current best-path forest, taken in order of an
 * upper bound per effort-hour, stopping once no remaining bound can beat the best ratio found. Each is measured as
 * ΔR = R(S) − R(S′): by graph edits (graph-edit.ts) when the fix cannot change an entry, else by re-running the
 * pipeline on the patched snapshot. One full re-run of the plan's end state confirms the graph edits; if it
 * disagrees, the plan is made again with every pick confirmed by a full re-run.
 */
import { applyPatches, type ObjectPatch } from '../collect/patch.js';
import type { Snapshot } from '../collect/snapshot.js';
import { type EffortClass, REMEDIATIONS } from '../techniques/remediations.js';
import type { Fix } from '../techniques/types.js';
import { brokenPath, cutEntries, type RoutePath } from './broken-path.js';
import { chokepointsOf, cutsChokepoint } from './chokepoints.js';
import { type EntryStakes, entryStakeOf, entryStakesOf } from './entry-stakes.js';
import { deriveRun, sameReachableEdges } from './graph-edit.js';
import { CHANGES_ENTRIES, estimable, estimateRiskAfter, indexRun, type RunIndex } from './incremental.js';
import { bestPathEdges } from './paths.js';
import { type PipelineContext, runPipeline, type ScoredRun } from './pipeline.js';

/** One plan item: one fix, or two that only help together ("do both"). */
export interface PlannedFix {
  readonly fixes: readonly Fix[];
  readonly effort: EffortClass;
  readonly effortHours: number;
  readonly riskBefore: number;
  readonly riskAfter: number;
  readonly pathsCut: number;
  /** The fix removes a dominating edge, or every in-edge of a dominating node, of some threat model. */
  readonly chokepoint: boolean;
  /** The most valuable path the fix breaks, as it was before the fix; absent when it cuts none. */
  readonly breaks: RoutePath | undefined;
}

/** A candidate fix with its upper bound: the weighted scores of the entries whose best path it touches. */
interface Candidate {
  readonly key: string;
  readonly fixes: readonly Fix[];
  readonly bound: number;
  readonly minutes: number;
  /** The least cost left to a jewel after an edge the fix removes: how close to the jewel it cuts. */
  readonly remaining: number;
}

/**
 * An evaluated candidate. `after` is the run on the patched snapshot, kept only while the candidate is the best so
 * far (a run per candidate would hold the whole cluster once per candidate); absent for graph estimates and in the
 * cache, which keeps ΔR alone.
 */
interface Evaluated {
  readonly candidate: Candidate;
  readonly delta: number;
  readonly after?: ScoredRun;
}

/**
 * How plan items were measured: by graph edits with the end state confirmed by a full re-run, or each pick
 * confirmed by its own full re-run (after the end-state check disagreed).
 */
export type PlanEvaluation = 'graph-edits' | 'full-re-runs';

/** What the planner produces. */
export interface PlanResult {
  readonly items: readonly PlannedFix[];
  readonly oneThing: PlannedFix | null;
  readonly stopped: 'no-risk' | 'budget' | 'max-items' | 'nothing-helps';
  readonly evaluation: PlanEvaluation;
}

const PAIR_POOL = 20;

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
function effortOf(fixes: readonly Fix[], context: PipelineContext): { hours: number; effort: EffortClass } {
  const classes = fixes.map((fix) => REMEDIATIONS[fix.remediation].effort);
  const hours = classes.reduce((sum, c) => sum + context.config.effortHours[c], 0);
  const order: EffortClass[] = ['minutes', 'hours', 'day', 'days'];
  const effort = classes.reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b));
  return { hours, effort };
}

/** Candidates on the best-path forest, each with its bound. */
function candidatesOf(run: ScoredRun, context: PipelineContext): Candidate[] {
  const byKey = new Map<string, { fix: Fix; bound: number; remaining: number }>();
  const { dist } = run.risk.distances;
  for (const scored of run.risk.entries) {
    if (scored.score === 0) continue;
    const weighted = (scored.score * context.config.threatModels[scored.entry.threatModel].weight) / 100;
    const seen = new Set<string>();
    for (const e of bestPathEdges(run, scored)) {
      const remaining = dist[run.graph.to[e]!]!;
      for (const fix of run.graph.edges[e]!.fixes) {
        const key = fixKey(fix);
        const current = byKey.get(key) ?? { fix, bound: 0, remaining };
        const bound = current.bound + (seen.has(key) ? 0 : weighted);
        seen.add(key);
        byKey.set(key, { fix, bound, remaining: Math.min(current.remaining, remaining) });
      }
    }
  }
  let stakes: EntryStakes | undefined;
  const stakeOf = (fix: Fix) => {
    if (!CHANGES_ENTRIES[fix.remediation]) return 0;
    stakes ??= entryStakesOf(run, context);
    return entryStakeOf(stakes, fix);
  };
  return [...byKey.entries()].map(([key, { fix, bound, remaining }]) => ({
    key,
    fixes: [fix],
    bound: Math.ceil(bound + stakeOf(fix)),
    minutes: Math.round(effortOf([fix], context).hours * 60),
    remaining,
  }));
}

/**
 * Order: ΔR per effort descending (integer cross-multiplication), ΔR, effort ascending, then the fix that cuts
 * closer to the jewel (removing the privilege itself, not one way to it, also closes routes not yet modelled),
 * then remediation and target.
 */
function compareEvaluated(a: Evaluated, b: Evaluated): number {
  const ratio = b.delta * a.candidate.minutes - a.delta * b.candidate.minutes;
  if (ratio !== 0) return ratio;
  if (a.delta !== b.delta) return b.delta - a.delta;
  if (a.candidate.minutes !== b.candidate.minutes) return a.candidate.minutes - b.candidate.minutes;
  if (a.candidate.remaining !== b.candidate.remaining) return a.candidate.remaining - b.candidate.remaining;
  return a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0;
}

function patchesOf(fixes: readonly Fix[]): ObjectPatch[] {
  return fixes.map((fix) => ({ target: fix.target, ops: fix.ops }));
}

const INDEXES = new WeakMap<ScoredRun, RunIndex>();

/** The graph lookups of a run, built once. */
function indexOf(run: ScoredRun, context: PipelineContext): RunIndex {
  let index = INDEXES.get(run);
  if (index === undefined) {
    index = indexRun(run, context);
    INDEXES.set(run, index);
  }
  return index;
}

/** Confirmations per round before every candidate is re-run exactly, as the last resort. */
const MAX_CONFIRMATIONS = 8;

/**
 * The best candidate, screened on the graph first (see incremental.ts; fixes that can change entries are re-run
 * instead) and confirmed by one full re-run. Lazy greedy over the estimates: a confirmation that disagrees replaces
 * that candidate's estimate with its exact ΔR and the screen runs again, until the pick is exact; past
 * MAX_CONFIRMATIONS every candidate is evaluated exactly, as before.
 */
function lazyBest(
  options: Parameters<typeof exactBest>[0] & { evaluation: PlanEvaluation },
): Evaluated | undefined {
  const { run, context, cache } = options;
  const estimated = indexOf(run, context);
  const estimates = new Map<string, Evaluated>();
  const judge = (candidate: Candidate): Evaluated => {
    const known = cache.get(candidate.key) ?? estimates.get(candidate.key);
    if (known !== undefined) return known;
    if (!estimable(candidate.fixes)) return evaluate(candidate, options);
    const delta = run.risk.total - estimateRiskAfter(estimated, candidate.fixes, { context, keyOf: fixKey });
    const estimate = { candidate, delta };
    estimates.set(candidate.key, estimate);
    return estimate;
  };
  if (options.evaluation === 'graph-edits') return screenedBest(options, judge);
  let best: Evaluated | undefined;
  for (let round = 0; round < MAX_CONFIRMATIONS && best === undefined; round++) {
    const screened = screenedBest(options, judge);
    if (screened === undefined) return undefined;
    // Exact already: re-run for this pick, or answered from the cache (its run re-made once if it was dropped).
    if (screened.after !== undefined || cache.has(screened.candidate.key)) best = screened;
    else {
      const exact = evaluate(screened.candidate, options);
      if (exact.delta === screened.delta) best = exact;
    }
  }
  best ??= exactBest(options);
  // The pick keeps its run in the cache: the one thing and the first plan item are often the same fix.
  if (best?.after !== undefined) cache.set(best.candidate.key, best);
  return best;
}

/** Evaluates candidates lazily, each by a full re-run of the pipeline on its patched snapshot. */
function exactBest(options: {
  candidates: readonly Candidate[];
  snapshot: Snapshot;
  run: ScoredRun;
  context: PipelineContext;
  cache: Map<string, Evaluated>;
  byRatio: boolean;
}): Evaluated | undefined {
  return screenedBest(options, (candidate) => evaluate(candidate, options));
}

/** Lazy greedy over `judge`: candidates in order of bound (per effort), stopping once no bound can beat the best. */
function screenedBest(
  options: Parameters<typeof exactBest>[0],
  judge: (candidate: Candidate) => Evaluated,
): Evaluated | undefined {
  const { candidates, byRatio } = options;
  const sorted = [...candidates].sort((a, b) =>
    byRatio
      ? b.bound * a.minutes - a.bound * b.minutes || (a.key < b.key ? -1 : 1)
      : b.bound - a.bound || (a.key < b.key ? -1 : 1),
  );
  let best: Evaluated | undefined;
  for (const candidate of sorted) {
    if (best !== undefined) {
      const cannotBeat = byRatio
        ? candidate.bound * best.candidate.minutes < best.delta * candidate.minutes
        : candidate.bound < best.delta;
      if (cannotBeat) break;
    }
    const evaluated = judge(candidate);
    if (evaluated.delta <= 0) continue;
    const better =
      best === undefined ||
      (byRatio
        ? compareEvaluated(evaluated, best) < 0
        : evaluated.delta > best.delta ||
          (evaluated.delta === best.delta && compareEvaluated(evaluated, best) < 0));
    if (better) best = evaluated;
  }
  return best;
}

function evaluate(
  candidate: Candidate,
  state: { snapshot: Snapshot; run: ScoredRun; context: PipelineContext; cache: Map<string, Evaluated> },
): Evaluated {
  const cached = state.cache.get(candidate.key);
  if (cached !== undefined) return cached;
  const after = runPipeline(applyPatches(state.snapshot, patchesOf(candidate.fixes)), state.context);
  const delta = state.run.risk.total - after.risk.total;
  state.cache.set(candidate.key, { candidate, delta });
  return { candidate, delta, after };
}

/** Pairs among the top candidates, for parallel paths that no single fix cuts. */
function bestPair(options: Parameters<typeof lazyBest>[0], budgetMinutes: number): Evaluated | undefined {
  const top = [...options.candidates]
    .sort((a, b) => b.bound - a.bound || (a.key < b.key ? -1 : 1))
    .slice(0, PAIR_POOL);
  const pairs: Candidate[] = [];
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const a = top[i]!;
      const b = top[j]!;
      // Same-target pairs are skipped: their index-based patches were computed against the same object.
      if (a.fixes[0]!.target === b.fixes[0]!.target || a.minutes + b.minutes > budgetMinutes) continue;
      pairs.push({
        key: `${a.key}&${b.key}`,
        fixes: [a.fixes[0]!, b.fixes[0]!],
        bound: a.bound + b.bound,
        minutes: a.minutes + b.minutes,
        remaining: Math.min(a.remaining, b.remaining),
      });
    }
  }
  return lazyBest({ ...options, candidates: pairs });
}

const CHOKEPOINTS = new WeakMap<ScoredRun, ReturnType<typeof chokepointsOf>>();

/** The candidate's bound could match or beat the pick's measured ratio. */
function mightBeat(candidate: Candidate, pick: Evaluated): boolean {
  return candidate.bound * pick.candidate.minutes >= pick.delta * candidate.minutes;
}

/** Threat models with an entry that reaches a jewel. */
function reachingThreatModels(run: ScoredRun): Set<string> {
  return new Set(run.risk.entries.filter((s) => Number.isFinite(s.cost)).map((s) => s.entry.threatModel));
}

/**
 * Whether the fix cuts a chokepoint of the run it was chosen on (dominators computed once per run). Every path of
 * a threat model crosses its chokepoints, so cutting one leaves no entry of that model reaching a jewel; the
 * dominators are only computed for a fix that does that.
 */
function isChokepoint(run: ScoredRun, after: ScoredRun, context: PipelineContext): boolean {
  const still = reachingThreatModels(after);
  if ([...reachingThreatModels(run)].every((tm) => still.has(tm))) return false;
  let chokepoints = CHOKEPOINTS.get(run);
  if (chokepoints === undefined) {
    chokepoints = chokepointsOf(run, context);
    CHOKEPOINTS.set(run, chokepoints);
  }
  return cutsChokepoint(chokepoints, after);
}

/**
 * The run after a chosen fix: its own when it was kept, the graph edit when the plan measures by graph edits and
 * the fix allows it, else one re-run (a pick answered from the cache).
 */
function afterRun(
  evaluated: Evaluated,
  state: { snapshot: Snapshot; run: ScoredRun; context: PipelineContext; evaluation: PlanEvaluation },
): ScoredRun {
  const { fixes } = evaluated.candidate;
  if (evaluated.after !== undefined) return evaluated.after;
  if (state.evaluation === 'graph-edits' && estimable(fixes)) {
    const derived = deriveRun(indexOf(state.run, state.context), fixes, {
      context: state.context,
      keyOf: fixKey,
    });
    DERIVED.add(derived.run);
    INDEXES.set(derived.run, derived.index);
    return derived.run;
  }
  return runPipeline(applyPatches(state.snapshot, patchesOf(fixes)), state.context);
}

/**
 * Same score for every entry that has one, so the same total and risk per threat model. (An entry may vanish with
 * a score of 0: a user whose last binding a fix removed.)
 */
function sameScores(a: ScoredRun, b: ScoredRun): boolean {
  const scored = (run: ScoredRun) =>
    run.risk.entries
      .filter((s) => s.score > 0)
      .map((s) => `${s.entry.threatModel}|${s.entry.node}|${s.score}`);
  const left = new Set(scored(a));
  const right = scored(b);
  return a.risk.total === b.risk.total && left.size === right.length && right.every((key) => left.has(key));
}

/** A plan item from the runs before and after it; it keeps only what the report shows, not the runs. */
function planned(
  evaluated: Evaluated,
  run: ScoredRun,
  after: ScoredRun,
  context: PipelineContext,
): PlannedFix {
  const { fixes } = evaluated.candidate;
  const { hours, effort } = effortOf(fixes, context);
  const cut = cutEntries(run, after);
  return {
    fixes,
    effort,
    effortHours: hours,
    riskBefore: run.risk.total,
    riskAfter: after.risk.total,
    pathsCut: cut.length,
    chokepoint: isChokepoint(run, after, context),
    breaks: brokenPath({ before: run, cut, fixes, keyOf: fixKey }),
  };
}

/**
 * Greedy plan within the budget, and the one thing, measured by graph edits and confirmed by full re-runs of the
 * plan's end state and of the one thing's when it is not the first item: the same score for every entry and the
 * same edges reachable from the entries. Any disagreement makes the plan again with every pick confirmed by a full
 * re-run. A graph edit that kept an edge some earlier fix removed shows in the end state as long as the edge is
 * still reachable there.
 */
export function makePlan(
  snapshot: Snapshot,
  first: ScoredRun,
  context: PipelineContext,
  options: { readonly evaluation?: PlanEvaluation } = {},
): PlanResult {
  if (options.evaluation === 'full-re-runs') return planWith(snapshot, first, context, 'full-re-runs').plan;
  const fast = planWith(snapshot, first, context, 'graph-edits');
  const confirmed = fast.unconfirmed.every((state) => {
    const real = state.real ?? runPipeline(state.snapshot, context);
    const roots = real.entries.map((entry) => entry.node);
    return sameScores(state.run, real) && sameReachableEdges(state.run, real, roots);
  });
  return confirmed ? fast.plan : planWith(snapshot, first, context, 'full-re-runs').plan;
}

/**
 * A state the plan reached by graph edits: the patched input, the run the edits gave for it, and the full run of
 * it when the planner already made one.
 */
interface Unconfirmed {
  readonly snapshot: Snapshot;
  readonly run: ScoredRun;
  readonly real?: ScoredRun;
}

const fixesKey = (fixes: readonly Fix[]): string => fixes.map(fixKey).join('&');

/** Runs made by graph edits. */
const DERIVED = new WeakSet<ScoredRun>();

function planWith(
  snapshot: Snapshot,
  first: ScoredRun,
  context: PipelineContext,
  evaluation: PlanEvaluation,
): { plan: PlanResult; unconfirmed: Unconfirmed[] } {
  const { config } = context;
  if (first.risk.total === 0)
    return { plan: { items: [], oneThing: null, stopped: 'no-risk', evaluation }, unconfirmed: [] };
  let current = snapshot;
  let run = first;
  let spentMinutes = 0;
  const items: PlannedFix[] = [];
  let oneThingState: Unconfirmed | undefined;
  let oneThing: PlannedFix | null = null;
  let stopped: PlanResult['stopped'] = 'max-items';
  const resynced: Unconfirmed[] = [];
  // Objects patched since the last full run: their fixes in the current graph were computed before that patch.
  const patched = new Set<string>();
  while (items.length < config.maxPlanItems) {
    if (run.risk.total === 0) {
      stopped = 'no-risk';
      break;
    }
    const cache = new Map<string, Evaluated>();
    const all = candidatesOf(run, context);
    if (items.length === 0) {
      const limit = Math.round(config.oneThingMaxHours * 60);
      const within = all.filter((c) => c.minutes <= limit);
      const best = lazyBest({
        candidates: within,
        snapshot: current,
        run,
        context,
        cache,
        byRatio: false,
        evaluation,
      });
      if (best !== undefined) {
        const after = afterRun(best, { snapshot: current, run, context, evaluation });
        oneThing = planned(best, run, after, context);
        if (DERIVED.has(after))
          oneThingState = { snapshot: applyPatches(current, patchesOf(best.candidate.fixes)), run: after };
      }
    }
    const budgetLeft =
      config.budgetHours === undefined ? Number.POSITIVE_INFINITY : config.budgetHours * 60 - spentMinutes;
    const affordable = all.filter((c) => c.minutes <= budgetLeft);
    if (affordable.length === 0) {
      stopped = all.length === 0 ? 'nothing-helps' : 'budget';
      break;
    }
    const state = {
      candidates: affordable,
      snapshot: current,
      run,
      context,
      cache,
      byRatio: true,
      evaluation,
    };
    const isStale = (c: Candidate) => c.fixes.some((fix) => patched.has(fix.target));
    const stale = patched.size === 0 ? [] : affordable.filter(isStale);
    const fresh =
      stale.length === 0 ? state : { ...state, candidates: affordable.filter((c) => !isStale(c)) };
    const chosen = lazyBest(fresh) ?? bestPair(fresh, budgetLeft);
    if (stale.some((c) => chosen === undefined || mightBeat(c, chosen))) {
      // A fix of an object an earlier item patched has index-based ops for the object as it was: re-run the
      // pipeline for fixes computed afresh (and keep the run to check the graph edits against).
      const real = runPipeline(current, context);
      resynced.push({ snapshot: current, run, real });
      run = real;
      patched.clear();
      continue;
    }
    if (chosen === undefined) {
      stopped = 'nothing-helps';
      break;
    }
    // The pick's run (graph edit or re-run) is the next round's run: the snapshot S′ is never analysed twice.
    const after = afterRun(chosen, state);
    items.push(planned(chosen, run, after, context));
    spentMinutes += chosen.candidate.minutes;
    current = applyPatches(current, patchesOf(chosen.candidate.fixes));
    if (!DERIVED.has(after)) patched.clear();
    for (const fix of DERIVED.has(after) ? chosen.candidate.fixes : []) patched.add(fix.target);
    run = after;
  }
  // The end state, the states re-run on the way, and the one thing's when it is not where the plan starts.
  const unconfirmed: Unconfirmed[] = DERIVED.has(run) ? [{ snapshot: current, run }, ...resynced] : resynced;
  const firstItem = items[0] === undefined ? '' : fixesKey(items[0].fixes);
  if (oneThingState !== undefined && fixesKey(oneThing!.fixes) !== firstItem) unconfirmed.push(oneThingState);
  return { plan: { items, oneThing, stopped, evaluation }, unconfirmed };
}
