/**
 * The analysis config of one command: the defaults, then `chokepoint.yaml` (or `--config`), then the flags that
 * override it (`--threat-model`, `--budget`), the Kubernetes version and the moment accepted risks are judged at.
 */
import { loadConfig } from '../config/load-config.js';
import { type AnalysisConfig, DEFAULT_CONFIG, withThreatModels } from '../prioritize/config.js';
import type { ThreatModel } from '../techniques/types.js';
import type { Parsed } from './options.js';

/** What the flags say about the config. */
export interface ConfigFlags {
  readonly configFile?: string;
  readonly threatModels?: readonly ThreatModel[];
  readonly budgetHours?: number;
  /** `--check-plan`: confirm the plan's graph edits with a full re-run of its end state. */
  readonly checkPlan?: boolean;
  /** `--now`, ISO; else the snapshot's time when it records one, else the current time. */
  readonly now?: string;
}

/** Parses `--now`: an ISO date or date-time. */
export function parseNow(text: string): Parsed<string> {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(ms)) {
    return {
      ok: false,
      message: `--now: "${text}" is not a date — use ISO 8601, e.g. 2026-03-01 or 2026-03-01T12:00:00Z`,
    };
  }
  return { ok: true, value: new Date(ms).toISOString() };
}

/** Resolves the config for a run; problems in chokepoint.yaml come back as one usage message. */
export async function analysisConfig(
  flags: ConfigFlags,
  context: { readonly kubeVersion: string; readonly snapshotTime?: string },
): Promise<Parsed<AnalysisConfig>> {
  const loaded = await loadConfig({
    ...(flags.configFile === undefined ? {} : { explicit: flags.configFile }),
    cwd: process.cwd(),
    base: DEFAULT_CONFIG,
  });
  if (!loaded.ok) return { ok: false, message: loaded.problems.join('\n') };
  const fromFile = loaded.config;
  const base = flags.threatModels === undefined ? fromFile : withThreatModels(fromFile, flags.threatModels);
  return {
    ok: true,
    value: {
      ...base,
      ...(flags.budgetHours === undefined ? {} : { budgetHours: flags.budgetHours }),
      ...(flags.checkPlan === true ? { checkPlan: true } : {}),
      now: flags.now ?? context.snapshotTime ?? new Date().toISOString(),
      model: { ...base.model, kubeVersion: context.kubeVersion },
    },
  };
}
