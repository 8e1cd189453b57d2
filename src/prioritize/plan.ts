/**
 * The plan: greedy, lazy and exact. Candidates are the fixes on the current best-path forest, taken in order of an
 * upper bound per effort-hour, stopping once no remaining bound can beat the best ratio found. Each is measured as
 * ΔR = R(S) − R(S′): by graph edits (graph-edit.ts) when the fix cannot change an entry, else by re-running the
 * pipeline on the patched snapshot. With `checkPlan`, one full re-run of the plan's end state confirms the graph
 * edits; if it disagrees, the plan is made again with every pick confirmed by a full re-run.
 */

import type { ObjectPatch, PatchOp } from '../collect/patch.js';
import { applyPatches } from '../collect/patch.js';
import type { Snapshot } from '../collect/snapshot.js';
import type { EffortClass } from '../techniques/remediations.js';
import type { Fix } from '../techniques/types.js';
import { brokenPath, cutEntries, type RoutePath } from './broken-path.js';
import {
  type Candidate,
  candidatesOf,
  type Evaluated,
  effortOf,
  fixKey,
  mightBeat,
  patchesOf,
} from './candidates.js';
import { isChokepoint } from './chokepoints.js';
import { deriveRun, recycleDerived, sameReachableEdges, sameScores } from './graph-edit.js';
import { estimable } from './incremental.js';
import { bestPair, INDEXES, indexOf, lazyBest, type PlanEvaluation } from './pick.js';
import { type PipelineContext, runPipeline, type ScoredRun } from './pipeline.js';
import { dropSpares } from './spare-arrays.js';
import { staleAfter } from './stale-ops.js';

export type { PlanEvaluation } from './pick.js';

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

/** What the planner produces. */
export interface PlanResult {
  readonly items: readonly PlannedFix[];
  readonly oneThing: PlannedFix | null;
  readonly stopped: 'no-risk' | 'budget' | 'max-items' | 'nothing-helps';
  readonly evaluation: PlanEvaluation;
}

/**
 * The run after a chosen fix: its own when it was kept, the graph edit when the plan measures by graph edits and
 * the fix allows it, else one re-run (a pick answered from the cache).
 */
function afterRun(
  evaluated: Evaluated,
  state: { snapshot: () => Snapshot; run: ScoredRun; context: PipelineContext; evaluation: PlanEvaluation },
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
  return runPipeline(applyPatches(state.snapshot(), patchesOf(fixes)), state.context);
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
 * Greedy plan within the budget, and the one thing, measured by graph edits. With `checkPlan` (or the `check`
 * option), they are confirmed by full re-runs of the plan's end state and of the one thing's when it is not the
 * first item: the same score for every entry and the same edges reachable from the entries. Any disagreement makes
 * the plan again with every pick confirmed by a full re-run. A graph edit that kept an edge some earlier fix
 * removed shows in the end state as long as the edge is still reachable there.
 *
 * The check is off by default: it is a second analysis of the whole input (40% of the plan phase at 150,000 pods),
 * and the tests check the same on the example and on generated clusters.
 */
export function makePlan(
  snapshot: Snapshot,
  first: ScoredRun,
  context: PipelineContext,
  options: { readonly evaluation?: PlanEvaluation; readonly check?: boolean } = {},
): PlanResult {
  if (options.evaluation === 'full-re-runs') return planWith(snapshot, first, context, 'full-re-runs').plan;
  const check = options.check ?? context.config.checkPlan;
  const fast = planWith(snapshot, first, context, 'graph-edits', check);
  dropSpares();
  if (!check) return fast.plan;
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

/**
 * Hands a dropped run's own arrays to the runs derived after it: only a run made by graph edits, and only when no
 * check keeps the plan's states. A plan item keeps data, never a run, so nothing reads a dropped run again.
 */
function dropped(run: ScoredRun, keepStates: boolean): void {
  const index = INDEXES.get(run);
  if (keepStates || !DERIVED.has(run) || index === undefined) return;
  INDEXES.delete(run);
  DERIVED.delete(run);
  recycleDerived(run, index);
}

function planWith(
  snapshot: Snapshot,
  first: ScoredRun,
  context: PipelineContext,
  evaluation: PlanEvaluation,
  /** Keep the states a check re-runs (they hold whole runs: nothing is kept without a check). */
  keepStates = false,
): { plan: PlanResult; unconfirmed: Unconfirmed[] } {
  const { config } = context;
  if (first.risk.total === 0)
    return { plan: { items: [], oneThing: null, stopped: 'no-risk', evaluation }, unconfirmed: [] };
  // The input with the picks so far applied: patched only when a full re-run needs it, since each patch copies the
  // list of every object (336,800 of them at R150k) and most plans never re-run.
  let patchedInput = snapshot;
  let pendingPatches: ObjectPatch[] = [];
  const current = (): Snapshot => {
    if (pendingPatches.length > 0) patchedInput = applyPatches(patchedInput, pendingPatches);
    pendingPatches = [];
    return patchedInput;
  };
  let run = first;
  let spentMinutes = 0;
  const items: PlannedFix[] = [];
  let oneThingState: Unconfirmed | undefined;
  let oneThing: PlannedFix | null = null;
  let stopped: PlanResult['stopped'] = 'max-items';
  const resynced: Unconfirmed[] = [];
  // Ops applied per object since the last full run: the current graph's fixes were computed before them.
  const patched = new Map<string, PatchOp[]>();
  while (items.length < config.maxPlanItems) {
    if (run.risk.total === 0) {
      stopped = 'no-risk';
      break;
    }
    const cache = new Map<string, Evaluated>();
    // The one thing and the first item count what entry-changing fixes take away through entries; later rounds
    // bound them by their paths alone, or close contenders would cost a full re-run each round.
    const all = candidatesOf(indexOf(run, context), context, { entryStakes: items.length === 0 });
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
        if (keepStates && DERIVED.has(after))
          oneThingState = { snapshot: applyPatches(current(), patchesOf(best.candidate.fixes)), run: after };
        dropped(after, keepStates);
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
    const isStale = (c: Candidate) =>
      c.fixes.some((fix) => staleAfter(patched.get(fix.target) ?? [], fix.ops));
    const stale = patched.size === 0 ? [] : affordable.filter(isStale);
    const fresh =
      stale.length === 0 ? state : { ...state, candidates: affordable.filter((c) => !isStale(c)) };
    const chosen = lazyBest(fresh) ?? bestPair(fresh, budgetLeft);
    if (stale.some((c) => chosen === undefined || mightBeat(c, chosen))) {
      // A fix whose ops an earlier item's patch to its object made stale (shifted indexes, same place): re-run the
      // pipeline for fixes computed afresh (and keep the run to check the graph edits against).
      const real = runPipeline(current(), context);
      if (keepStates) resynced.push({ snapshot: current(), run, real });
      dropped(run, keepStates);
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
    pendingPatches.push(...patchesOf(chosen.candidate.fixes));
    if (!DERIVED.has(after)) patched.clear();
    for (const fix of DERIVED.has(after) ? chosen.candidate.fixes : [])
      patched.set(fix.target, [...(patched.get(fix.target) ?? []), ...fix.ops]);
    dropped(run, keepStates);
    run = after;
  }
  // The end state, the states re-run on the way, and the one thing's when it is not where the plan starts.
  const unconfirmed: Unconfirmed[] =
    keepStates && DERIVED.has(run) ? [{ snapshot: current(), run }, ...resynced] : resynced;
  const firstItem = items[0] === undefined ? '' : fixesKey(items[0].fixes);
  if (oneThingState !== undefined && fixesKey(oneThing!.fixes) !== firstItem) unconfirmed.push(oneThingState);
  return { plan: { items, oneThing, stopped, evaluation }, unconfirmed };
}
