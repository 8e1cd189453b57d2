/**
 * Which held rule a question aims at. Half the time a binding and then one of its rules (so big built-in
 * roles do not crowd out the rest); half the time a rule family first (`*`, `*\/sub`, `pods/*`, subresources,
 * resourceNames, the empty name, verb `*`, group `*`, namespaces), so every seed aims at each family it
 * holds often.
 */
import type { RawRule } from './generate-rules.js';
import type { Random } from './seeded-random.js';
import type { Target } from './targets.js';

/** One rule an identity holds in one scope. */
export interface Aim {
  readonly identity: string;
  readonly scope: string;
  readonly rule: RawRule;
}

function families(rule: RawRule): string[] {
  const resources = rule.resources ?? [];
  const names = rule.resourceNames ?? [];
  const out: string[] = [];
  if (resources.includes('*')) out.push('star');
  if (resources.some((r) => r.startsWith('*/'))) out.push('star-sub');
  if (resources.includes('pods/*')) out.push('pods-star');
  if (resources.some((r) => r.includes('/') && !r.includes('*'))) out.push('subresource');
  if (names.length > 0) out.push('names');
  if (names.includes('')) out.push('empty-name');
  if (rule.verbs.includes('*')) out.push('star-verb');
  if ((rule.apiGroups ?? []).includes('*')) out.push('star-group');
  if (resources.includes('namespaces')) out.push('namespaces');
  return out;
}

/** A sampler over the rules of `kind` the targets hold; undefined when they hold none. */
export function ruleSampler(
  rng: Random,
  targets: readonly Target[],
  kind: 'resources' | 'nonResourceURLs',
): (() => Aim) | undefined {
  const held = targets
    .map((t) => ({ ...t, rules: t.rules.filter((r) => (r[kind] ?? []).length > 0) }))
    .filter((t) => t.rules.length > 0);
  if (held.length === 0) return undefined;
  const byFamily = new Map<string, Aim[]>();
  for (const t of held)
    for (const rule of t.rules)
      for (const family of families(rule)) {
        const aims = byFamily.get(family) ?? [];
        aims.push({ identity: t.identity, scope: t.scope, rule });
        byFamily.set(family, aims);
      }
  const stratified = [...byFamily.values()];
  return () => {
    if (stratified.length > 0 && rng.chance(0.5)) return rng.pick(rng.pick(stratified));
    const t = rng.pick(held);
    return { identity: t.identity, scope: t.scope, rule: rng.pick(t.rules) };
  };
}
