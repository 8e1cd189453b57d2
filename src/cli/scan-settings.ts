/** `scan`'s flags as commander hands them over (strings), checked into settings or a usage message. */
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { ThreatModel } from '../techniques/types.js';
import { type FailOn, parseFailOn } from './fail-on.js';
import { type Parsed, parseBudget, parseKubeVersion, parsePlanCount, parseThreatModels } from './options.js';

/** The raw flags of `scan`. */
export interface ScanFlags {
  readonly format: string;
  readonly output?: string;
  readonly threatModel?: string;
  readonly failOn: string;
  readonly strict: boolean;
  readonly kubeVersion?: string;
  readonly applyPlan?: string;
  readonly outDir?: string;
  readonly budget?: string;
  readonly color: boolean;
}

/** The checked settings of one scan. */
export interface ScanSettings {
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly threatModels?: readonly ThreatModel[];
  readonly failOn: FailOn;
  readonly strict: boolean;
  readonly kubeVersion?: string;
  readonly applyPlan?: { readonly count: number; readonly outDir: string };
  readonly budgetHours?: number;
  readonly color: boolean;
}

/** A value parsed only when the flag was given. */
function optional<T>(text: string | undefined, parse: (text: string) => Parsed<T>): Parsed<T | undefined> {
  return text === undefined ? { ok: true, value: undefined } : parse(text);
}

/** Checks every flag; the first problem wins, worded as what is wrong and what to do. */
export function scanSettings(paths: readonly string[], flags: ScanFlags): Parsed<ScanSettings> {
  if (paths.length === 0) {
    return {
      ok: false,
      message:
        'scan: no input — give files or folders of manifests, or - to read stdin (e.g. chokepoint scan k8s/)',
    };
  }
  if (!isReportFormat(flags.format)) {
    return {
      ok: false,
      message: `--format: unknown format "${flags.format}" — use one of: ${REPORT_FORMATS.join(', ')}`,
    };
  }
  if (flags.applyPlan !== undefined && flags.outDir === undefined) {
    return {
      ok: false,
      message: '--apply-plan needs --out-dir <dir>: the folder to write the patched files to',
    };
  }
  if (flags.outDir !== undefined && flags.applyPlan === undefined) {
    return {
      ok: false,
      message: '--out-dir is only used with --apply-plan <N>: say how many plan items to apply',
    };
  }
  const threatModels = optional(flags.threatModel, parseThreatModels);
  if (!threatModels.ok) return threatModels;
  const failOn = parseFailOn(flags.failOn);
  if (!failOn.ok) return failOn;
  const kubeVersion = optional(flags.kubeVersion, parseKubeVersion);
  if (!kubeVersion.ok) return kubeVersion;
  const count = optional(flags.applyPlan, parsePlanCount);
  if (!count.ok) return count;
  const budget = optional(flags.budget, parseBudget);
  if (!budget.ok) return budget;
  return {
    ok: true,
    value: {
      paths,
      format: flags.format,
      ...(flags.output === undefined ? {} : { output: flags.output }),
      ...(threatModels.value === undefined ? {} : { threatModels: threatModels.value }),
      failOn: failOn.value,
      strict: flags.strict,
      ...(kubeVersion.value === undefined ? {} : { kubeVersion: kubeVersion.value }),
      ...(count.value === undefined || flags.outDir === undefined
        ? {}
        : { applyPlan: { count: count.value, outDir: flags.outDir } }),
      ...(budget.value === undefined ? {} : { budgetHours: budget.value }),
      color: flags.color,
    },
  };
}
