/**
 * `chokepoint diff BASE HEAD`: each side is a folder or file of manifests, a snapshot file, or a JSON report from
 * `scan --format json`. Reports are compared by the keys SARIF fingerprints use; `--fail-on` decides exit 1.
 */
import { open, readFile } from 'node:fs/promises';
import { analyze } from '../prioritize/analyze.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/contract.js';
import { DIFF_FAIL_ON, type DiffFailOn, diffFails, diffReports } from '../report/diff.js';
import { DIFF_RENDERERS, type DiffFormat } from '../report/diff-render.js';
import type { ThreatModel } from '../techniques/types.js';
import { analysisConfig } from './analysis-config.js';
import { type Outcome, usage } from './exit.js';
import { warn, writeOutput, writeStdout } from './io.js';
import { emptyInputMessages, gapWarning, loadInput } from './load.js';
import { type Parsed, parseKubeVersion, parseThreatModels } from './options.js';
import { toolVersion } from './version.js';

/** The raw flags of `diff`. */
export interface DiffFlags {
  readonly format: string;
  readonly output?: string;
  readonly failOn: string;
  readonly baseline?: string;
  readonly config?: string;
  readonly kubeVersion?: string;
  readonly threatModel?: string;
}

/** `--fail-on none` or a comma-separated list of diff levels. */
export function parseDiffFailOn(text: string): Parsed<DiffFailOn[]> {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'none');
  const unknown = names.filter((n) => !Object.hasOwn(DIFF_FAIL_ON, n));
  if (unknown.length > 0) {
    const known = ['none', ...Object.keys(DIFF_FAIL_ON)].join(', ');
    return { ok: false, message: `--fail-on: unknown level "${unknown[0]}" — use one or more of: ${known}` };
  }
  return { ok: true, value: names as DiffFailOn[] };
}

/** A JSON report starts with its `schemaVersion` key (renderJson writes it first), so a short read tells. */
async function looksLikeReport(path: string): Promise<boolean> {
  if (!path.endsWith('.json')) return false;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return /^\s*\{\s*"schemaVersion"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

interface SideOptions {
  readonly configFile: string | undefined;
  readonly kubeVersion: string | undefined;
  readonly threatModels: readonly ThreatModel[] | undefined;
}

/** One side as a report: read back when it is one, else scanned like `chokepoint scan PATH`. */
async function reportOf(path: string, options: SideOptions): Promise<Parsed<Report>> {
  if (await looksLikeReport(path)) {
    try {
      const report = JSON.parse(await readFile(path, 'utf8')) as Report;
      if (report.tool?.name === 'chokepoint' && Array.isArray(report.paths))
        return { ok: true, value: report };
    } catch {
      // Not valid JSON after all: scanned below, where a parse error becomes a gap with file and line.
    }
  }
  const loaded = await loadInput([path], options.kubeVersion);
  if (!loaded.usable) return { ok: false, message: emptyInputMessages(loaded, [path]).message };
  for (const gap of loaded.snapshot.gaps) warn(gapWarning(gap));
  // Both sides are read with the same chokepoint.yaml and flags, so only the input differs.
  const config = await analysisConfig(
    {
      ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      ...(options.threatModels === undefined ? {} : { threatModels: options.threatModels }),
    },
    { kubeVersion: loaded.kubeVersion },
  );
  if (!config.ok) return config;
  const analysis = analyze(loaded.snapshot, config.value, loaded.builtIn);
  return { ok: true, value: buildReport(analysis, { version: toolVersion() }) };
}

/** Runs `diff` and says how it ended. */
export async function runDiff(base: string, head: string, flags: DiffFlags): Promise<Outcome> {
  if (!Object.hasOwn(DIFF_RENDERERS, flags.format))
    return usage(
      `--format: unknown format "${flags.format}" — use one of: ${Object.keys(DIFF_RENDERERS).join(', ')}`,
    );
  const failOn = parseDiffFailOn(flags.failOn);
  if (!failOn.ok) return usage(failOn.message);
  const kubeVersion = flags.kubeVersion === undefined ? undefined : parseKubeVersion(flags.kubeVersion);
  if (kubeVersion?.ok === false) return usage(kubeVersion.message);
  const threatModels = flags.threatModel === undefined ? undefined : parseThreatModels(flags.threatModel);
  if (threatModels?.ok === false) return usage(threatModels.message);
  const options = {
    configFile: flags.config,
    kubeVersion: kubeVersion?.value,
    threatModels: threatModels?.value,
  };
  const sides: Report[] = [];
  for (const [name, path] of [
    ['BASE', base],
    ['HEAD', head],
    ['--baseline', flags.baseline],
  ] as const) {
    if (path === undefined) continue;
    const side = await reportOf(path, options);
    if (!side.ok) return usage(`${name} ${side.message}`);
    sides.push(side.value);
  }
  const diff = diffReports(sides[0]!, sides[1]!, sides[2]);
  const text = DIFF_RENDERERS[flags.format as DiffFormat](diff, { base, head });
  if (flags.output === undefined) await writeStdout(text);
  else {
    const failed = await writeOutput(flags.output, text);
    if (failed !== undefined) return usage(failed);
  }
  return {
    kind: 'done',
    findings: failOn.value.some((level) => diffFails(diff, level)),
    incomplete: sides.some((report) => report.gaps.length > 0),
    strict: false,
  };
}
