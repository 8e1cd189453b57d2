/**
 * Accepted risks remove their edges before the distances are computed, so the plan works around what the team
 * has decided to live with. An acceptance past its expiry is ignored, and the report says so.
 */
import type { Edge } from '../techniques/types.js';
import type { AcceptedRisk } from './config.js';
import { globMatcher } from './glob.js';

/** The moment an acceptance lapses: a bare date means the end of that day, UTC. */
export function expiryOf(risk: AcceptedRisk): number {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(risk.expires);
  return Date.parse(bare ? `${risk.expires}T23:59:59.999Z` : risk.expires);
}

/** True when the acceptance has lapsed at `now` (ISO); with no `now`, nothing has lapsed. */
export function isExpired(risk: AcceptedRisk, now: string | undefined): boolean {
  return now !== undefined && expiryOf(risk) < Date.parse(now);
}

/** The refs an edge touches: its ends (a container's workload too) and its evidence. */
function refsOf(edge: Edge): string[] {
  const refs = [edge.from, edge.to, ...edge.evidence.map((e) => e.ref)];
  for (const ref of [edge.from, edge.to]) if (ref.includes('#')) refs.push(ref.slice(0, ref.indexOf('#')));
  return refs;
}

/** The edges left once the active acceptances have removed theirs. */
export function withoutAccepted(
  edges: readonly Edge[],
  risks: readonly AcceptedRisk[],
  now: string | undefined,
): readonly Edge[] {
  const active = risks
    .filter((risk) => !isExpired(risk, now))
    .map((risk) => ({ technique: risk.technique, matches: globMatcher(risk.object) }));
  if (active.length === 0) return edges;
  return edges.filter(
    (edge) =>
      !active.some(
        (risk) =>
          (risk.technique === '*' || risk.technique === edge.technique) && refsOf(edge).some(risk.matches),
      ),
  );
}
