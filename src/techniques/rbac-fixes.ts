/**
 * Fixes on RBAC objects, built from the grants that make an edge true: take the subject out of the binding, or
 * take the deciding rule out of the role. Built-in objects come from bootstrap data, not the input: never patched.
 */
import { type PatchOp, pointer } from '../collect/patch.js';
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { Binding, Grant, PolicyRule, Ref, Role } from '../model/types.js';
import type { Fix } from './types.js';

/** A binding, and the fix removing each one subject index from it, made once (every technique asks). */
interface Indexed {
  readonly binding: Binding;
  readonly single: Fix[];
}

const BINDINGS = memoKey<ReadonlyMap<Ref, Indexed>>('bindings with their fixes');

function bindingOf(model: Model, ref: Ref): Indexed | undefined {
  const index = model.memo.of(
    BINDINGS,
    () => new Map(model.bindings.map((binding) => [binding.ref, { binding, single: [] }])),
  );
  return index.get(ref);
}

function descending(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => b - a);
}

/**
 * Removes the subject of these grants (all from one binding) from that binding, at every index where it
 * appears; deletes the binding when nothing else is bound by it.
 */
export function removeBindingSubject(model: Model, grants: readonly Grant[]): Fix | undefined {
  const first = grants[0];
  if (first === undefined || grants.some((grant) => grant.binding !== first.binding)) return undefined;
  const indexed = bindingOf(model, first.binding);
  if (indexed === undefined || indexed.binding.builtIn) return undefined;
  const { binding, single } = indexed;
  const one = grants.every((grant) => grant.subjectIndex === first.subjectIndex);
  const cached = one ? single[first.subjectIndex] : undefined;
  if (cached !== undefined) return cached;
  const indexes = descending(grants.map((grant) => grant.subjectIndex));
  const ops: PatchOp[] =
    indexes.length >= binding.subjects.length
      ? [{ op: 'delete-object' }]
      : indexes.map((index) => ({ op: 'remove', path: pointer('subjects', index) }));
  const fix: Fix = { remediation: 'remove-binding-subject', target: binding.ref, ops };
  if (one) single[first.subjectIndex] = fix;
  return fix;
}

type Stored = { readonly role: Role; readonly ruleIndex: number } | undefined;

function ruleKey(rule: PolicyRule): string {
  return JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames]);
}

/**
 * Where a rule of a role is stored: the role itself, or for an aggregated ClusterRole the one source role that
 * holds it (the controller rewrites the aggregate; a rule two sources hold survives removing one of them).
 */
function storedRule(model: Model, role: Role, ruleIndex: number, depth = 0): Stored {
  if (role.aggregatedFrom === undefined) return { role, ruleIndex };
  if (depth > 8) return undefined;
  const rule = role.rules[ruleIndex];
  if (rule === undefined) return undefined;
  const key = ruleKey(rule);
  const holders = role.aggregatedFrom.flatMap((ref) => {
    const source = model.role(ref);
    const index = source?.rules.findIndex((candidate) => ruleKey(candidate) === key) ?? -1;
    return source !== undefined && index >= 0 ? [{ role: source, ruleIndex: index }] : [];
  });
  const [holder] = holders;
  return holders.length === 1 && holder !== undefined
    ? storedRule(model, holder.role, holder.ruleIndex, depth + 1)
    : undefined;
}

// Every binding to a role asks the same (role, rule) question: answer it once per model.
const STORED_RULES = memoKey<Map<Role, Stored[]>>('stored rules');

/** `storedRule` memoised per model, role and rule index. */
function storedRuleOnce(model: Model, role: Role, ruleIndex: number): Stored {
  const byRole = model.memo.of(STORED_RULES, () => new Map());
  let answers = byRole.get(role);
  if (answers === undefined) {
    answers = [];
    byRole.set(role, answers);
  }
  if (!(ruleIndex in answers)) answers[ruleIndex] = storedRule(model, role, ruleIndex);
  return answers[ruleIndex];
}

/**
 * Removes the rule these grants come from; only when exactly one rule of one role decides, since removing one
 * of two deciding rules would cut nothing. Deletes the role when that rule is its only one.
 */
export function restrictRoleRule(model: Model, grants: readonly Grant[]): Fix | undefined {
  const first = grants[0];
  if (first === undefined) return undefined;
  if (grants.some((grant) => grant.role !== first.role || grant.ruleIndex !== first.ruleIndex))
    return undefined;
  const bound = model.role(first.role);
  const stored = bound === undefined ? undefined : storedRuleOnce(model, bound, first.ruleIndex);
  if (stored === undefined || stored.role.builtIn) return undefined;
  const { role, ruleIndex } = stored;
  const ops: PatchOp[] =
    role.rules.length <= 1
      ? [{ op: 'delete-object' }]
      : [{ op: 'remove', path: pointer('rules', ruleIndex) }];
  return { remediation: 'restrict-role-rule', target: role.ref, ops };
}

/** The fixes that cut grants conferred by one binding subject: the possible ones among the two. */
export function grantFixes(model: Model, grants: readonly Grant[]): Fix[] {
  return [removeBindingSubject(model, grants), restrictRoleRule(model, grants)].filter(
    (fix): fix is Fix => fix !== undefined,
  );
}
