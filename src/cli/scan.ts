/** `chokepoint scan`: collect, analyse, report; optionally write the input with the first plan items applied. */

import type { ObjectPatch } from '../collect/patch.js';
import type { Snapshot } from '../collect/snapshot.js';
import { writePatchedInputs } from '../collect/write-patched.js';
import type { Analysis } from '../prioritize/analysis.js';
import { analyze } from '../prioritize/analyze.js';
import { buildReport } from '../report/build-report.js';
import { renderReport } from '../report/formats.js';
import { analysisConfig } from './analysis-config.js';
import { noInput, type Outcome, usage } from './exit.js';
import { failsOn } from './fail-on.js';
import { terminalContext, warn, writeOutput, writeStdout } from './io.js';
import { emptyInputMessages, gapWarning } from './load.js';
import { loadScanInput } from './load-live.js';
import { probeInput } from './probe-input.js';
import { reportAssets } from './report-assets.js';
import { type ScanFlags, scanSettings } from './scan-settings.js';
import { toolVersion } from './version.js';

/** The patches of the first `count` plan items, in plan order. */
export function planPatches(analysis: Analysis, count: number): ObjectPatch[] {
  return analysis.plan
    .slice(0, count)
    .flatMap((item) => item.fixes.map((f) => ({ target: f.target, ops: f.ops })));
}

/**
 * Writes the input with the first `count` plan items applied. The writer throws when it cannot write (the folder
 * is the input, two inputs map to one output, a disk error); those are the user's to fix, so they come back as a
 * message. With CHOKEPOINT_DEBUG=1 the stack is printed too, in case it was a bug.
 */
async function applyPlan(
  analysis: Analysis,
  snapshot: Snapshot,
  options: { readonly count: number; readonly outDir: string },
): Promise<string | undefined> {
  const { count, outDir } = options;
  const applied = Math.min(count, analysis.plan.length);
  if (applied < count)
    warn(`warning: --apply-plan ${count}: the plan has ${applied} item(s); applying all of them`);
  try {
    const files = await writePatchedInputs({ snapshot, patches: planPatches(analysis, count), outDir });
    warn(`chokepoint: wrote ${files.length} file(s) with ${applied} plan item(s) applied to ${outDir}`);
    return undefined;
  } catch (error) {
    if (process.env.CHOKEPOINT_DEBUG === '1' && error instanceof Error) warn(error.stack ?? error.message);
    return `--apply-plan: could not write the patched files: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Runs `scan` and says how it ended; the caller maps that to an exit code. */
export async function runScan(paths: readonly string[], flags: ScanFlags): Promise<Outcome> {
  const parsed = scanSettings(paths, flags);
  if (!parsed.ok) return usage(parsed.message);
  const settings = parsed.value;
  const loaded = await loadScanInput(settings.paths, settings);
  if (!loaded.usable) {
    const { warnings, message } = emptyInputMessages(loaded, settings.paths);
    for (const line of warnings) warn(line);
    return noInput(message);
  }
  const config = await analysisConfig(settings, { kubeVersion: loaded.kubeVersion });
  if (!config.ok) return usage(config.message);
  const probed = await probeInput(flags);
  if (typeof probed === 'string') return usage(probed);
  const withProbe = probed === undefined ? config.value : { ...config.value, probeResults: probed };
  const analysis = analyze(loaded.snapshot, withProbe, loaded.builtIn);
  const report = buildReport(analysis, { version: toolVersion() });
  for (const gap of report.gaps) warn(gapWarning(gap));
  const text = renderReport(settings.format, report, {
    ...terminalContext({ color: settings.color, toFile: settings.output !== undefined }),
    assets: await reportAssets(settings.format),
  });
  if (settings.output === undefined) await writeStdout(text);
  else {
    const failed = await writeOutput(settings.output, text);
    if (failed !== undefined) return usage(failed);
  }
  if (settings.applyPlan !== undefined) {
    const failed = await applyPlan(analysis, loaded.snapshot, settings.applyPlan);
    if (failed !== undefined) return usage(failed);
  }
  return {
    kind: 'done',
    findings: failsOn(report, settings.failOn),
    incomplete: report.gaps.length > 0,
    strict: settings.strict,
  };
}
