/** `--fail-on`: which results make `scan` exit 1, so CI can stop a change that opens an attack path. */
import type { Report } from '../report/contract.js';
import type { Parsed } from './options.js';

/** Jewel kinds a level can name. */
export type JewelKind = 'cluster-admin' | 'node-root' | 'secrets';

/** A parsed `--fail-on` level. */
export type FailOn =
  | { readonly kind: 'none' }
  | { readonly kind: 'path'; readonly jewel: JewelKind | 'any' }
  | { readonly kind: 'risk'; readonly above: number };

/** Whether a graph node is a jewel of the kind. */
const IS_JEWEL: Readonly<Record<JewelKind, (ref: string) => boolean>> = {
  'cluster-admin': (ref) => ref === 'jewel:cluster-admin',
  'node-root': (ref) => ref.startsWith('jewel:node-root/'),
  secrets: (ref) => ref.startsWith('jewel:secrets/'),
};

/** The levels, as `--help` and docs/cli.md list them. */
export const FAIL_ON_HELP: readonly (readonly [string, string])[] = [
  ['none', 'never exit 1 (default)'],
  ['path:any', 'exit 1 when any attack path reaches a crown jewel'],
  ['path:cluster-admin', 'exit 1 when an attack path reaches cluster-admin'],
  ['path:node-root', 'exit 1 when an attack path reaches root on a node (also on the way to another jewel)'],
  ['path:secrets', "exit 1 when an attack path reaches a namespace's Secrets (also on the way)"],
  ['risk>N', 'exit 1 when the total risk is above the integer N (10^6 = one certain compromise)'],
];

/** Parses a level: `none`, `path:any`, `path:<jewel>` or `risk>N`. */
export function parseFailOn(text: string): Parsed<FailOn> {
  const level = text.trim();
  if (level === 'none') return { ok: true, value: { kind: 'none' } };
  if (level === 'path:any') return { ok: true, value: { kind: 'path', jewel: 'any' } };
  const jewel = level.startsWith('path:') ? level.slice('path:'.length) : undefined;
  if (jewel !== undefined && Object.hasOwn(IS_JEWEL, jewel)) {
    return { ok: true, value: { kind: 'path', jewel: jewel as JewelKind } };
  }
  const risk = /^risk>(\d+)$/.exec(level);
  if (risk !== null) return { ok: true, value: { kind: 'risk', above: Number(risk[1]) } };
  return {
    ok: false,
    message: `--fail-on: unknown level "${text}" — use one of: ${FAIL_ON_HELP.map(([name]) => name).join(', ')}`,
  };
}

/** True when the report has results at or above the level. A path counts for every jewel it passes through. */
export function failsOn(report: Report, level: FailOn): boolean {
  switch (level.kind) {
    case 'none':
      return false;
    case 'risk':
      return report.risk.total > level.above;
    case 'path': {
      if (level.jewel === 'any') return report.stats.paths > 0 || report.paths.length > 0;
      // Judged from every entry (stats), not the capped paths[]; the listed paths are a cross-check.
      if ((report.stats.pathsByJewel[level.jewel] ?? 0) > 0) return true;
      const isJewel = IS_JEWEL[level.jewel];
      return report.paths.some((path) => isJewel(path.jewel) || path.steps.some((step) => isJewel(step.to)));
    }
    default: {
      const never: never = level;
      throw new Error(`unknown --fail-on level ${JSON.stringify(never)}`);
    }
  }
}
