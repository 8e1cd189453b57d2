/**
 * `chokepoint diff`: what changed between two reports. Paths are matched by threat model, entry and jewel, and
 * findings by technique and endpoints (the keys SARIF fingerprints use), so moving a manifest changes nothing.
 * A baseline report marks what is already known: its paths and findings never count as new.
 */
import type { FindingReport, PathReport, Report, RiskSummary } from './contract.js';
import { findingKey, pathKey } from './fingerprint.js';
import { isCriticalPath } from './severity.js';

/** What a diff reads of a report. */
export type DiffSide = Pick<Report, 'risk' | 'paths' | 'findings' | 'gaps'>;

/** The same entry reaching the same jewel by another route, or with another score. */
export interface ChangedPath {
  readonly before: PathReport;
  readonly after: PathReport;
}

/** What changed from BASE to HEAD. Lists are sorted: paths by score (highest first), findings by key. */
export interface ReportDiff {
  readonly risk: { readonly before: RiskSummary; readonly after: RiskSummary };
  readonly paths: {
    readonly added: readonly PathReport[];
    readonly removed: readonly PathReport[];
    readonly changed: readonly ChangedPath[];
  };
  readonly findings: { readonly added: readonly FindingReport[]; readonly removed: readonly FindingReport[] };
  /** Paths and findings new since BASE that the baseline already had, so they are not counted as new. */
  readonly knownInBaseline: number;
  /** The risk to beat for `risk-increase`: BASE's, or the baseline's when that is higher. */
  readonly riskToBeat: number;
}

/** What `--fail-on` can ask of a diff. */
export type DiffFailOn = 'new-paths' | 'new-critical' | 'risk-increase';

/** Every `--fail-on` level of `diff`, with what it means, for help text and validation. */
export const DIFF_FAIL_ON: Readonly<Record<DiffFailOn, string>> = {
  'new-paths': 'exit 1 when HEAD has an attack path BASE does not',
  'new-critical': 'exit 1 when a new path reaches cluster-admin or root on a node',
  'risk-increase': 'exit 1 when the total risk of HEAD is higher than that of BASE',
};

const routeOf = (path: PathReport): string => path.steps.map((s) => findingKey(s)).join(' ');

function byScore(a: PathReport, b: PathReport): number {
  const ka = pathKey(a);
  const kb = pathKey(b);
  return b.score - a.score || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

function byKey(a: FindingReport, b: FindingReport): number {
  const ka = findingKey(a);
  const kb = findingKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Compares two reports; `baseline` (optional) lists what is already known and accepted. */
export function diffReports(base: DiffSide, head: DiffSide, baseline?: DiffSide): ReportDiff {
  const basePaths = new Map(base.paths.map((p) => [pathKey(p), p]));
  const headPaths = new Map(head.paths.map((p) => [pathKey(p), p]));
  const baseFindings = new Set(base.findings.map(findingKey));
  const headFindings = new Set(head.findings.map(findingKey));
  const knownPaths = new Set(baseline?.paths.map(pathKey) ?? []);
  const knownFindings = new Set(baseline?.findings.map(findingKey) ?? []);
  const newPaths = head.paths.filter((p) => !basePaths.has(pathKey(p)));
  const newFindings = head.findings.filter((f) => !baseFindings.has(findingKey(f)));
  const added = newPaths.filter((p) => !knownPaths.has(pathKey(p)));
  const addedFindings = newFindings.filter((f) => !knownFindings.has(findingKey(f)));
  const changed: ChangedPath[] = [];
  for (const [key, after] of headPaths) {
    const before = basePaths.get(key);
    if (before !== undefined && (routeOf(before) !== routeOf(after) || before.score !== after.score))
      changed.push({ before, after });
  }
  return {
    risk: { before: base.risk, after: head.risk },
    paths: {
      added: added.sort(byScore),
      removed: base.paths.filter((p) => !headPaths.has(pathKey(p))).sort(byScore),
      changed: changed.sort((a, b) => byScore(a.after, b.after)),
    },
    findings: {
      added: addedFindings.sort(byKey),
      removed: base.findings.filter((f) => !headFindings.has(findingKey(f))).sort(byKey),
    },
    knownInBaseline: newPaths.length - added.length + (newFindings.length - addedFindings.length),
    riskToBeat: Math.max(base.risk.total, baseline?.risk.total ?? 0),
  };
}

/** True when the diff reaches the `--fail-on` level. */
export function diffFails(diff: ReportDiff, level: DiffFailOn): boolean {
  switch (level) {
    case 'new-paths':
      return diff.paths.added.length > 0;
    case 'new-critical':
      return diff.paths.added.some(isCriticalPath);
    case 'risk-increase':
      return diff.risk.after.total > diff.riskToBeat;
    default: {
      const never: never = level;
      throw new Error(`unknown --fail-on level ${JSON.stringify(never)}`);
    }
  }
}
