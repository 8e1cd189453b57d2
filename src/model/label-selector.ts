/** Label selectors (`matchLabels` AND `matchExpressions`), as the API machinery evaluates them. */
import { arr, asObj, obj, str, stringMap, strings } from './read.js';
import type { LabelSelector, NodeSelectorRequirement } from './types.js';

/** Normalises a `matchExpressions` list; items without a key or operator are dropped. */
export function requirements(value: unknown): NodeSelectorRequirement[] {
  const out: NodeSelectorRequirement[] = [];
  for (const item of arr(value)) {
    const key = str(obj(item).key);
    const operator = str(obj(item).operator);
    if (key !== undefined && operator !== undefined)
      out.push({ key, operator, values: strings(obj(item).values) });
  }
  return out;
}

/** Normalises a selector; `undefined` for a null/absent selector (which selects nothing). */
export function labelSelector(value: unknown): LabelSelector | undefined {
  const selector = asObj(value);
  if (selector === undefined) return undefined;
  return {
    matchLabels: stringMap(selector.matchLabels),
    matchExpressions: requirements(selector.matchExpressions),
  };
}

/** One requirement against a label set; `Gt`/`Lt` compare integers as node affinity does. */
export function requirementMatches(
  req: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(value as string);
    case 'NotIn':
      return !has || !req.values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const left = Number.parseInt(value ?? '', 10);
      const right = Number.parseInt(req.values[0] ?? '', 10);
      if (!has || Number.isNaN(left) || Number.isNaN(right)) return false;
      return req.operator === 'Gt' ? left > right : left < right;
    }
    default:
      // An unknown operator is rejected by validation; treat it as matching nothing.
      return false;
  }
}

/** True when every `matchLabels` pair and every expression holds; the empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  return (
    mapSelectorMatches(selector.matchLabels, labels) &&
    selector.matchExpressions.every((req) => requirementMatches(req, labels))
  );
}

/** A Service-style equality selector: every pair present. An empty map matches everything. */
export function mapSelectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  // Keys read in place: network classes match selectors millions of times, and `Object.entries` made an array per
  // pair each time.
  for (const key in selector) if (Object.hasOwn(selector, key) && labels[key] !== selector[key]) return false;
  return true;
}
