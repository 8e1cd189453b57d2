/** The `--max-<limit>` flags: one per input limit, derived from the collector's list, checked into limits. */
import { Option } from 'commander';
import { LIMIT_IDS, type LimitId, type Limits, limitFlag, limitHelp } from '../collect/limits.js';
import type { Parsed } from './options.js';

/** The raw limit flags as commander hands them over: `--max-line-bytes` is `maxLineBytes`. */
export type LimitFlags = { readonly [key: string]: unknown };

/** The commander property of a limit's flag. */
function property(id: LimitId): string {
  return `max-${id}`.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** One option per limit, for any command that reads manifests. */
export function limitOptions(): Option[] {
  return LIMIT_IDS.map((id) => new Option(`${limitFlag(id)} <n>`, limitHelp(id)));
}

/** The limits given as flags; each must be a positive whole number. */
export function parseLimitFlags(flags: LimitFlags): Parsed<Partial<Limits>> {
  const limits: Partial<Record<LimitId, number>> = {};
  for (const id of LIMIT_IDS) {
    const text = flags[property(id)];
    if (text === undefined) continue;
    const value = typeof text === 'string' && /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1)
      return {
        ok: false,
        message: `${limitFlag(id)}: "${String(text)}" is not a limit — give a whole number, 1 or more`,
      };
    limits[id] = value;
  }
  return { ok: true, value: limits };
}
