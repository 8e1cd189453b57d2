/**
 * `chokepoint diff BASE HEAD`: each side is a folder or file of manifests, a snapshot file, or a JSON report from
 * `scan --format json`. Reports are compared by the keys SARIF fingerprints use; `--fail-on` decides exit 1.
 */
import { DIFF_FAIL_ON, type DiffFailOn, type DiffSide, diffFails, diffReports } from '../report/diff.js';
import { DIFF_RENDERERS, type DiffFormat } from '../report/diff-render.js';
import { diffSide } from './diff-side.js';
import { type Outcome, usage } from './exit.js';
import { warn, writeOutput, writeStdout } from './io.js';
import { type Parsed, parseKubeVersion, parseThreatModels } from './options.js';

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
  const sides: DiffSide[] = [];
  for (const [name, path] of [
    ['BASE', base],
    ['HEAD', head],
    ['--baseline', flags.baseline],
  ] as const) {
    if (path === undefined) continue;
    const side = await diffSide(path, options);
    for (const line of side.warnings) warn(line);
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
