/**
 * Roles and ClusterRoles, normalised, with ClusterRole aggregation resolved the way the
 * clusterrole-aggregation controller does it (`pkg/controller/clusterroleaggregation`): the rules of an
 * aggregated role are replaced by the union, in selector order then role-name order, of the stored rules of
 * every other ClusterRole its `clusterRoleSelectors` select; the controller repeats, so we iterate to a fixed
 * point. Live snapshots keep the stored rules: there the controller has already done this.
 */
import type { SnapshotObject } from '../collect/snapshot.js';
import { labelSelector, selectorMatches } from './label-selector.js';
import { arr, asObj, compareStrings, obj, stringMap, strings } from './read.js';
import type { LabelSelector, PolicyRule, Role } from './types.js';

/** A snapshot object and whether it came from the bootstrap RBAC data. */
export interface Sourced {
  readonly so: SnapshotObject;
  readonly builtIn: boolean;
}

/** Normalises one rule: every list present. */
export function normaliseRule(value: unknown): PolicyRule {
  const rule = obj(value);
  return {
    verbs: strings(rule.verbs),
    apiGroups: strings(rule.apiGroups),
    resources: strings(rule.resources),
    resourceNames: strings(rule.resourceNames),
    nonResourceURLs: strings(rule.nonResourceURLs),
  };
}

function ruleKey(rule: PolicyRule): string {
  return JSON.stringify([
    rule.verbs,
    rule.apiGroups,
    rule.resources,
    rule.resourceNames,
    rule.nonResourceURLs,
  ]);
}

interface Aggregated {
  readonly name: string;
  /** Names of the other ClusterRoles each selector picks, selector by selector, names sorted. */
  readonly picks: readonly (readonly string[])[];
}

/** Which ClusterRoles each aggregated role selects; labels do not change while rules converge. */
function aggregationPlan(clusterRoles: readonly Sourced[]): Aggregated[] {
  const labelled = clusterRoles
    .map((s) => ({ name: s.so.name, labels: stringMap(s.so.object.metadata?.labels) }))
    .sort((a, b) => compareStrings(a.name, b.name));
  const plan: Aggregated[] = [];
  for (const s of clusterRoles) {
    const rule = asObj(s.so.object.aggregationRule);
    if (rule === undefined) continue;
    const selectors = arr(rule.clusterRoleSelectors)
      .map(labelSelector)
      .filter((sel): sel is LabelSelector => sel !== undefined);
    const picks = selectors.map((sel) =>
      labelled.filter((r) => r.name !== s.so.name && selectorMatches(sel, r.labels)).map((r) => r.name),
    );
    plan.push({ name: s.so.name, picks });
  }
  return plan;
}

/** Rules of every ClusterRole by name after aggregation reaches its fixed point. */
function aggregate(clusterRoles: readonly Sourced[]): Map<string, readonly PolicyRule[]> {
  const rules = new Map<string, readonly PolicyRule[]>();
  for (const s of clusterRoles) rules.set(s.so.name, arr(s.so.object.rules).map(normaliseRule));
  const plan = aggregationPlan(clusterRoles);
  // Start aggregated roles empty: their stored rules are the controller's output, never its input.
  for (const role of plan) rules.set(role.name, []);
  for (let round = 0; round <= 2 * plan.length + 2; round++) {
    let changed = false;
    for (const role of plan) {
      const union: PolicyRule[] = [];
      const seen = new Set<string>();
      for (const names of role.picks)
        for (const name of names)
          for (const rule of rules.get(name) ?? []) {
            const key = ruleKey(rule);
            if (!seen.has(key)) {
              seen.add(key);
              union.push(rule);
            }
          }
      const before = rules.get(role.name) ?? [];
      if (before.length !== union.length || before.some((r, i) => ruleKey(r) !== ruleKey(union[i]!))) {
        rules.set(role.name, union);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rules;
}

/** Builds every Role and ClusterRole; `aggregate` is false for live snapshots, whose stored rules are final. */
export function buildRoles(sources: readonly Sourced[], options: { readonly aggregate: boolean }): Role[] {
  const clusterRoles = sources.filter((s) => s.so.kind === 'ClusterRole');
  const aggregated = options.aggregate ? aggregate(clusterRoles) : undefined;
  // Live or offline, an aggregated role's rules come from its sources: fixes must land there.
  const sourcesOf = new Map(
    aggregationPlan(clusterRoles).map((plan) => [
      plan.name,
      [...new Set(plan.picks.flat())].sort(compareStrings).map((name) => `ClusterRole/${name}`),
    ]),
  );
  const roles: Role[] = [];
  for (const s of sources) {
    const kind = s.so.kind;
    if (kind !== 'Role' && kind !== 'ClusterRole') continue;
    const stored = arr(s.so.object.rules).map(normaliseRule);
    const rules = kind === 'ClusterRole' ? (aggregated?.get(s.so.name) ?? stored) : stored;
    roles.push({
      ref: s.so.ref,
      kind,
      ...(kind === 'Role' ? { namespace: s.so.namespace ?? 'default' } : {}),
      name: s.so.name,
      rules,
      ...(s.so.location !== undefined ? { location: s.so.location } : {}),
      builtIn: s.builtIn,
      ...(kind === 'ClusterRole' && sourcesOf.has(s.so.name)
        ? { aggregatedFrom: sourcesOf.get(s.so.name) }
        : {}),
    });
  }
  return roles;
}
