/**
 * What a fix that can change entries may take away through them, beyond the paths it cuts: the weighted scores of
 * the entries its target helps open (an exposure's Service, a leaked token's Secret, a binding naming a user). The
 * planner adds this to such a fix's bound, so the lazy screen cannot pass over it.
 */
import type { Fix } from '../techniques/types.js';
import { CHANGES_ENTRIES } from './incremental.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';

/** Weighted entry scores by source object, and of the entries whose sources are unknown. */
export interface EntryStakes {
  readonly byObject: ReadonlyMap<string, number>;
  readonly unknown: number;
}

/** The stakes of one run. */
export function entryStakesOf(run: ScoredRun, context: PipelineContext): EntryStakes {
  const byObject = new Map<string, number>();
  let unknown = 0;
  const { base, exposed } = context.config.priors.container;
  // A container stays an entry whatever changes; losing its exposure only lowers its prior to the base one.
  const containerShare = exposed > base ? 1 - base / exposed : 0;
  for (const scored of run.risk.entries) {
    if (scored.score === 0) continue;
    const share = scored.entry.threatModel === 'container' ? containerShare : 1;
    const weighted =
      (share * scored.score * context.config.threatModels[scored.entry.threatModel].weight) / 100;
    const { sources } = scored.entry;
    if (sources === undefined) unknown += weighted;
    else for (const ref of new Set(sources)) byObject.set(ref, (byObject.get(ref) ?? 0) + weighted);
  }
  return { byObject, unknown };
}

/** How much more than its paths a fix may take away: nothing unless it can change entries. */
export function entryStakeOf(stakes: EntryStakes, fix: Fix): number {
  if (!CHANGES_ENTRIES[fix.remediation]) return 0;
  return (stakes.byObject.get(fix.target) ?? 0) + stakes.unknown;
}
