/** Parsers for option values. Each returns the value or a message that says what is wrong and what to do. */
import { minorVersion } from '../collect/bootstrap-rbac.js';
import { THREAT_MODELS, type ThreatModel } from '../techniques/types.js';

/** A parsed value, or why it could not be parsed. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** `--threat-model external,container`: a non-empty subset of the threat models, in report order. */
export function parseThreatModels(text: string): Parsed<ThreatModel[]> {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(THREAT_MODELS as readonly string[]).includes(n));
  const allowed = THREAT_MODELS.join(', ');
  if (unknown.length > 0) {
    return bad(
      `--threat-model: unknown threat model ${unknown.map((n) => `"${n}"`).join(', ')} — use a comma-separated list of: ${allowed}`,
    );
  }
  if (names.length === 0)
    return bad(`--threat-model: no threat model given — use a comma-separated list of: ${allowed}`);
  return ok(THREAT_MODELS.filter((tm) => names.includes(tm)));
}

/** Hours per budget unit: h = hours, d = 8-hour days, w = 40-hour weeks. */
const BUDGET_UNIT_HOURS: Readonly<Record<'h' | 'd' | 'w', number>> = { h: 1, d: 8, w: 40 };

/** `--budget 4h`, `2d`, `1w`, `1.5d`: the plan's budget in hours. */
export function parseBudget(text: string): Parsed<number> {
  const match = /^(\d+(?:\.\d+)?)\s*([hdw])$/.exec(text.trim());
  if (match === null || Number(match[1]) <= 0) {
    return bad(
      `--budget: "${text}" is not a budget — use a positive number with h (hours), d (8 h days) or w (40 h weeks), e.g. 4h or 2d`,
    );
  }
  return ok(Number(match[1]) * BUDGET_UNIT_HOURS[match[2] as 'h' | 'd' | 'w']);
}

/** `--apply-plan N`: how many plan items to apply, at least 1. */
export function parsePlanCount(text: string): Parsed<number> {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    return bad(`--apply-plan: "${text}" is not a count — give how many plan items to apply, 1 or more`);
  }
  return ok(Number(text));
}

/** `--kube-version 1.36` (or `v1.36`, `1.36.3`): the minor version. */
export function parseKubeVersion(text: string): Parsed<string> {
  const minor = minorVersion(text);
  return minor === undefined
    ? bad(`--kube-version: "${text}" is not a Kubernetes version — use major.minor, e.g. 1.36`)
    : ok(minor);
}
