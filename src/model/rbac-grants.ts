/**
 * Grants made from bound subjects on demand. A binding gives its subject every rule of its role, and those rules
 * are the same for every binding to the role, so the model keeps one entry per binding subject pointing at the
 * role's shared rules; a Grant (one rule of one binding subject) is made only when a query returns it, once.
 */
import { type Memo, memoKey } from './memo.js';
import { compareStrings } from './read.js';
import type { BoundSubject, Grant, PolicyRule, Ref, RoleRules } from './types.js';

/** The grants made so far, by bound subject and rule position: one object per grant while the table lives. */
export type GrantTable = Map<BoundSubject, Grant[]>;

const GRANT_TABLE = memoKey<GrantTable>('grant table');

/** The grant table of a model's memo: the grants keep their identity until the memo is released. */
export function grantTableOf(memo: Memo): GrantTable {
  return memo.of(GRANT_TABLE, () => new Map());
}

/** Bound-subject order: binding, subject index, subject, scope; a grant's rules follow in rule order. */
export function compareBound(a: BoundSubject, b: BoundSubject): number {
  return (
    compareStrings(a.binding, b.binding) ||
    a.subjectIndex - b.subjectIndex ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.scope, b.scope)
  );
}

/** The grant of the rule at `position` of a bound subject's rules; the same object on every call with this table. */
export function grantAt(table: GrantTable, bound: BoundSubject, position: number): Grant {
  let grants = table.get(bound);
  if (grants === undefined) {
    grants = [];
    table.set(bound, grants);
  }
  const cached = grants[position];
  if (cached !== undefined) return cached;
  const { rule, ruleIndex } = bound.rules.rules[position]!;
  const grant: Grant = {
    subject: bound.subject,
    scope: bound.scope,
    rule,
    ruleIndex,
    binding: bound.binding,
    role: bound.rules.role,
    subjectIndex: bound.subjectIndex,
  };
  grants[position] = grant;
  return grant;
}

/** Every grant of a bound subject, in rule order. */
export function boundGrants(table: GrantTable, bound: BoundSubject): Grant[] {
  return bound.rules.rules.map((_, position) => grantAt(table, bound, position));
}

/** What a rule filter keeps of each shared rule list, asked once per list. */
export type RuleFilter = (rule: PolicyRule, role: Ref) => boolean;

/**
 * The grants of these bound subjects (in their order) whose rule passes `keep`: `keep` runs once per rule of
 * each distinct role, not once per binding, so a scan costs bound subjects plus role rules.
 */
export function grantsWhere(table: GrantTable, bound: readonly BoundSubject[], keep: RuleFilter): Grant[] {
  return grantsAtPositions(table, bound, ({ role, rules }) => {
    const positions: number[] = [];
    for (const [position, { rule }] of rules.entries()) if (keep(rule, role)) positions.push(position);
    return positions;
  });
}

/** Which positions of a shared rule list a scan makes grants at, in ascending order; asked once per list. */
export type PositionFilter = (rules: RoleRules) => readonly number[];

/**
 * The grants at the positions `positionsOf` picks in each bound subject's rules, in bound order: for a scan that
 * needs only some of a role's rules to decide, however many pass a rule filter.
 */
export function grantsAtPositions(
  table: GrantTable,
  bound: readonly BoundSubject[],
  positionsOf: PositionFilter,
): Grant[] {
  const kept = new Map<RoleRules, readonly number[]>();
  const out: Grant[] = [];
  for (const item of bound) {
    let positions = kept.get(item.rules);
    if (positions === undefined) {
      positions = positionsOf(item.rules);
      kept.set(item.rules, positions);
    }
    for (const position of positions) out.push(grantAt(table, item, position));
  }
  return out;
}
