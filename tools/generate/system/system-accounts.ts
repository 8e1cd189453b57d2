import type { ServiceAccountSpec } from '../model/namespace-contents.js';
import type { Random } from '../random.js';

/** ServiceAccounts of a system namespace: `default` first, then the named ones. */
export function systemAccounts(names: readonly string[], created: number, rng: Random): ServiceAccountSpec[] {
  return ['default', ...names].map((name, i) => ({ name, uid: rng.uid(), created: created + i * 7 }));
}
