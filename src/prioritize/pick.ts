/**
 * Picking the best candidate of a round: lazy greedy over the candidates in order of bound, each measured on the
 * graph (incremental.ts) when its fixes cannot change an entry, else by a full re-run; with full re-runs, each
 * graph-measured pick is confirmed by one. Pairs when no single fix helps.
 */
import { applyPatches } from '../collect/patch.js';
import type { Snapshot } from '../collect/snapshot.js';
import { THREAT_MODELS } from '../techniques/types.js';
import { type Candidate, compareEvaluated, type Evaluated, fixKey, patchesOf } from './candidates.js';
import { estimable, estimateRiskAfter, indexRun, type RunIndex } from './incremental.js';
import { type PipelineContext, runPipeline, type ScoredRun } from './pipeline.js';

/**
 * How plan items were measured: by graph edits with the end state confirmed by a full re-run, or each pick
 * confirmed by its own full re-run (after the end-state check disagreed).
 */
export type PlanEvaluation = 'graph-edits' | 'full-re-runs';

const PAIR_POOL = 20;

/** Each run's lookups; a graph edit sets its own. */
export const INDEXES = new WeakMap<ScoredRun, RunIndex>();

/** The graph lookups of a run, built once. */
export function indexOf(run: ScoredRun, context: PipelineContext): RunIndex {
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
export function lazyBest(
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
  // A fix that can change entries is measured by a full re-run; its graph estimate plus what its entries hold bounds
  // that from above (every other entry scores as in the estimate), so most never need the re-run. The estimate is
  // made only for a candidate the screen reaches: hundreds of such fixes per round mostly never come up.
  const tightened = new Map<string, Candidate>();
  const tighten = (candidate: Candidate): Candidate => {
    if (estimable(candidate.fixes)) return candidate;
    let tight = tightened.get(candidate.key);
    if (tight === undefined) {
      const edges =
        run.risk.total - estimateRiskAfter(estimated, candidate.fixes, { context, keyOf: fixKey });
      // Per threat model the total rounds down once: allow one unit each.
      const bound = Math.ceil(edges + candidate.stake) + THREAT_MODELS.length;
      tight = bound < candidate.bound ? { ...candidate, bound } : candidate;
      tightened.set(candidate.key, tight);
    }
    return tight;
  };
  const screening = { ...options, tighten };
  if (options.evaluation === 'graph-edits') return screenedBest(screening, judge);
  let best: Evaluated | undefined;
  for (let round = 0; round < MAX_CONFIRMATIONS && best === undefined; round++) {
    const screened = screenedBest(screening, judge);
    if (screened === undefined) return undefined;
    // Exact already: re-run for this pick, or answered from the cache (its run re-made once if it was dropped).
    if (screened.after !== undefined || cache.has(screened.candidate.key)) best = screened;
    else {
      const exact = evaluate(screened.candidate, options);
      if (exact.delta === screened.delta) best = exact;
    }
  }
  best ??= exactBest(screening);
  // The pick keeps its run in the cache: the one thing and the first plan item are often the same fix.
  if (best?.after !== undefined) cache.set(best.candidate.key, best);
  return best;
}

/** Evaluates candidates lazily, each by a full re-run of the pipeline on its patched snapshot. */
function exactBest(options: {
  candidates: readonly Candidate[];
  /** The input as the plan has patched it so far, made when a full re-run needs it. */
  snapshot: () => Snapshot;
  run: ScoredRun;
  context: PipelineContext;
  cache: Map<string, Evaluated>;
  byRatio: boolean;
}): Evaluated | undefined {
  return screenedBest(options, (candidate) => evaluate(candidate, options));
}

/**
 * Lazy greedy over `judge`: candidates in order of bound (per effort), stopping once no bound can beat the best.
 * `tighten` may lower a candidate's bound when the screen reaches it; one that then cannot beat the best is passed.
 */
function screenedBest(
  options: Parameters<typeof exactBest>[0] & { readonly tighten?: (candidate: Candidate) => Candidate },
  judge: (candidate: Candidate) => Evaluated,
): Evaluated | undefined {
  const { candidates, byRatio, tighten } = options;
  const sorted = [...candidates].sort((a, b) =>
    byRatio
      ? b.bound * a.minutes - a.bound * b.minutes || (a.key < b.key ? -1 : 1)
      : b.bound - a.bound || (a.key < b.key ? -1 : 1),
  );
  let best: Evaluated | undefined;
  const cannotBeat = (candidate: Candidate, pick: Evaluated) =>
    byRatio
      ? candidate.bound * pick.candidate.minutes < pick.delta * candidate.minutes
      : candidate.bound < pick.delta;
  for (const loose of sorted) {
    if (best !== undefined && cannotBeat(loose, best)) break;
    const candidate = tighten?.(loose) ?? loose;
    if (best !== undefined && cannotBeat(candidate, best)) continue;
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
  state: {
    snapshot: () => Snapshot;
    run: ScoredRun;
    context: PipelineContext;
    cache: Map<string, Evaluated>;
  },
): Evaluated {
  const cached = state.cache.get(candidate.key);
  if (cached !== undefined) return cached;
  const after = runPipeline(applyPatches(state.snapshot(), patchesOf(candidate.fixes)), state.context);
  const delta = state.run.risk.total - after.risk.total;
  state.cache.set(candidate.key, { candidate, delta });
  return { candidate, delta, after };
}

/** Pairs among the top candidates, for parallel paths that no single fix cuts. */
export function bestPair(
  options: Parameters<typeof lazyBest>[0],
  budgetMinutes: number,
): Evaluated | undefined {
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
        stake: a.stake + b.stake,
      });
    }
  }
  return lazyBest({ ...options, candidates: pairs });
}
