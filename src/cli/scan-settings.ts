/** `scan`'s flags as commander hands them over (strings), checked into settings or a usage message. */

import type { Limits } from '../collect/limits.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { ThreatModel } from '../techniques/types.js';
import { parseNow } from './analysis-config.js';
import { type FailOn, parseFailOn } from './fail-on.js';
import { type LimitFlags, parseLimitFlags } from './limit-options.js';
import { type Parsed, parseBudget, parseKubeVersion, parsePlanCount, parseThreatModels } from './options.js';

/** The raw flags of `scan`. */
export interface ScanFlags extends LimitFlags {
  readonly format: string;
  readonly output?: string;
  readonly threatModel?: string;
  readonly failOn: string;
  readonly strict: boolean;
  readonly kubeVersion?: string;
  readonly applyPlan?: string;
  readonly outDir?: string;
  readonly budget?: string;
  readonly checkPlan?: boolean;
  readonly color: boolean;
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly requestTimeout?: string;
  /** `--config FILE`: chokepoint.yaml elsewhere than the current folder. */
  readonly config?: string;
  /** `--now`: when accepted risks are judged (ISO). */
  readonly now?: string;
  /** `--probe-results FILE`: what `chokepoint probe` saw, as external entries. */
  readonly probeResults?: string;
  /** `--probe HOST...`: probe these now (default ports) and add what is open. */
  readonly probe?: readonly string[];
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
  readonly checkPlan?: boolean;
  readonly color: boolean;
  /** Set when the scan reads a live cluster (`--context` or `--kubeconfig`) instead of paths. */
  readonly live?: LiveTarget;
  readonly configFile?: string;
  readonly now?: string;
  /** Input limits given as `--max-...` flags; the others keep their defaults. */
  readonly limits?: Partial<Limits>;
}

/** Which cluster a live scan reads, and how long one request may take. */
export interface LiveTarget {
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly timeoutMs: number;
}

/**
 * Checks `--context`, `--kubeconfig` and `--request-timeout`; `undefined` when neither names a cluster, unless
 * `always` (then the default kubeconfig's current context, or the in-cluster account).
 */
export function liveTarget(
  flags: { readonly context?: string; readonly kubeconfig?: string; readonly requestTimeout?: string },
  always = false,
): Parsed<LiveTarget | undefined> {
  const seconds = flags.requestTimeout === undefined ? 30 : Number(flags.requestTimeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    return {
      ok: false,
      message: `--request-timeout: "${flags.requestTimeout}" is not a number of seconds — use e.g. 30`,
    };
  }
  if (flags.context === undefined && flags.kubeconfig === undefined && !always)
    return { ok: true, value: undefined };
  return {
    ok: true,
    value: {
      ...(flags.context === undefined ? {} : { context: flags.context }),
      ...(flags.kubeconfig === undefined ? {} : { kubeconfig: flags.kubeconfig }),
      timeoutMs: seconds * 1000,
    },
  };
}

/** A value parsed only when the flag was given. */
function optional<T>(text: string | undefined, parse: (text: string) => Parsed<T>): Parsed<T | undefined> {
  return text === undefined ? { ok: true, value: undefined } : parse(text);
}

/** Checks every flag; the first problem wins, worded as what is wrong and what to do. */
export function scanSettings(paths: readonly string[], flags: ScanFlags): Parsed<ScanSettings> {
  const live = liveTarget(flags);
  if (!live.ok) return live;
  if (live.value !== undefined && paths.length > 0) {
    return {
      ok: false,
      message:
        'scan: give either paths or --context/--kubeconfig, not both — scan the files and the cluster separately',
    };
  }
  if (live.value !== undefined && flags.applyPlan !== undefined) {
    return {
      ok: false,
      message: '--apply-plan writes patched files, and a live scan has none — scan the manifests instead',
    };
  }
  if (paths.length === 0 && live.value === undefined) {
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
  const now = optional(flags.now, parseNow);
  if (!now.ok) return now;
  const limits = parseLimitFlags(flags);
  if (!limits.ok) return limits;
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
      ...(flags.checkPlan === true ? { checkPlan: true } : {}),
      color: flags.color,
      ...(flags.config === undefined ? {} : { configFile: flags.config }),
      ...(now.value === undefined ? {} : { now: now.value }),
      ...(live.value === undefined ? {} : { live: live.value }),
      ...(Object.keys(limits.value).length === 0 ? {} : { limits: limits.value }),
    },
  };
}
