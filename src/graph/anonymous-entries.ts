/**
 * External entries for anonymous API access: an unauthenticated request carries the user `system:anonymous` and
 * the group `system:unauthenticated`, so any grant the input's bindings give them is open to the internet where
 * the API server is. Bootstrap RBAC gives them only `system:public-info-viewer` (version and health): no entry.
 */
import type { Model } from '../model/model.js';
import type { AnalysisConfig } from '../prioritize/config.js';
import { costOfProbability } from '../techniques/likelihood.js';
import type { Entry } from './entries.js';

/** The identities an anonymous request is authorized as (`Group/system:anonymous` is a common mistake for the user). */
export const ANONYMOUS_SUBJECTS: readonly string[] = [
  'Group/system:anonymous',
  'Group/system:unauthenticated',
  'User/system:anonymous',
];

const PUBLIC_INFO = 'ClusterRole/system:public-info-viewer';

/** One external entry per anonymous identity that a non-built-in binding grants more than public info. */
export function anonymousEntries(model: Model, config: AnalysisConfig): Entry[] {
  const builtIn = new Set(model.bindings.filter((binding) => binding.builtIn).map((binding) => binding.ref));
  const granted = new Map<string, string>();
  // One entry per binding subject (each holds at least one rule): no need to make its grants.
  for (const bound of model.bound) {
    if (!ANONYMOUS_SUBJECTS.includes(bound.subject) || builtIn.has(bound.binding)) continue;
    if (bound.rules.role === PUBLIC_INFO || granted.has(bound.subject)) continue;
    granted.set(bound.subject, bound.binding);
  }
  return [...granted.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([node, binding]) => ({
      threatModel: 'external',
      node,
      priorCost: costOfProbability(config.priors.external.anonymous),
      why: `${binding} grants rights to ${node}, which every unauthenticated request to the API server carries`,
      sources: [binding],
    }));
}
