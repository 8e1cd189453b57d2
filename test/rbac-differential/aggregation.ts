/**
 * Aggregated ClusterRoles are filled in by kube-controller-manager, asynchronously: wait until the server's
 * stored rules equal what chokepoint's offline aggregation computed. If they never do, that is a
 * disagreement of its own, reported per role.
 */
import type { Model } from '../../src/model/model.js';
import { normaliseRule } from '../../src/model/rbac-roles.js';
import type { PolicyRule } from '../../src/model/types.js';
import type { ControlPlane } from '../harness/control-plane.js';
import { fetchRoles } from './server.js';

function ruleSet(rules: readonly PolicyRule[]): string[] {
  return rules.map((r) => JSON.stringify(r)).sort();
}

/** Names of aggregated ClusterRoles whose server rules differ from the model's, with both rule sets. */
async function mismatches(
  cp: ControlPlane,
  expected: ReadonlyMap<string, readonly PolicyRule[]>,
): Promise<string[]> {
  const roles = await fetchRoles(cp);
  const out: string[] = [];
  for (const [name, rules] of expected) {
    const server = ruleSet((roles.get(`ClusterRole/${name}`) ?? []).map(normaliseRule));
    const model = ruleSet(rules);
    if (JSON.stringify(server) !== JSON.stringify(model)) {
      const onlyServer = server.filter((r) => !model.includes(r));
      const onlyModel = model.filter((r) => !server.includes(r));
      out.push(
        `ClusterRole ${name}: only on the server ${onlyServer.join(' ')}; ` +
          `only in the model ${onlyModel.join(' ')}`,
      );
    }
  }
  return out;
}

/** Waits until every aggregated ClusterRole converged; returns the mismatches left at the deadline. */
export async function waitForAggregation(
  cp: ControlPlane,
  model: Model,
  timeoutMs: number,
): Promise<string[]> {
  const expected = new Map(
    model.roles
      .filter((r) => r.kind === 'ClusterRole' && r.aggregatedFrom !== undefined)
      .map((r) => [r.name, r.rules] as const),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await mismatches(cp, expected);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
