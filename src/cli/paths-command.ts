/** `chokepoint paths --from REF --to JEWEL`: every route, most likely first (k shortest loopless paths). */
import { kShortestPaths } from '../prioritize/k-shortest.js';
import { runPipeline } from '../prioritize/pipeline.js';
import { analysisConfig, parseNow } from './analysis-config.js';
import { noInput, type Outcome, usage } from './exit.js';
import { warn, writeStdout } from './io.js';
import { emptyInputMessages, gapWarning, loadInput } from './load.js';
import { parseKubeVersion } from './options.js';
import { pathsText, sourcesOf, targetsOf } from './paths-query.js';

/** The flags of `paths`. */
export interface PathsFlags {
  readonly from: string;
  readonly to: string;
  readonly limit: string;
  readonly config?: string;
  readonly now?: string;
  readonly kubeVersion?: string;
}

/** Runs `paths [paths...] --from REF --to JEWEL`. */
export async function runPaths(paths: readonly string[], flags: PathsFlags): Promise<Outcome> {
  if (paths.length === 0)
    return usage(
      'paths: no input — give files or folders of manifests (e.g. chokepoint paths k8s/ --from ...)',
    );
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return usage(`--limit: "${flags.limit}" is not a count — give how many paths to show, 1 to 1000`);
  const version = flags.kubeVersion === undefined ? undefined : parseKubeVersion(flags.kubeVersion);
  if (version !== undefined && !version.ok) return usage(version.message);
  const now = flags.now === undefined ? undefined : parseNow(flags.now);
  if (now !== undefined && !now.ok) return usage(now.message);
  const loaded = await loadInput(paths, version?.value);
  if (!loaded.usable) {
    const { warnings, message } = emptyInputMessages(loaded, paths);
    for (const line of warnings) warn(line);
    return noInput(message);
  }
  for (const gap of loaded.snapshot.gaps) warn(gapWarning(gap));
  const config = await analysisConfig(
    {
      ...(flags.config === undefined ? {} : { configFile: flags.config }),
      ...(now === undefined ? {} : { now: now.value }),
    },
    { kubeVersion: loaded.kubeVersion },
  );
  if (!config.ok) return usage(config.message);
  const { graph } = runPipeline(loaded.snapshot, { config: config.value, builtIn: loaded.builtIn });
  const sources = sourcesOf(graph, flags.from);
  if (!sources.ok) return usage(sources.message);
  const targets = targetsOf(graph, config.value, flags.to);
  if (!targets.ok) return usage(targets.message);
  const ranked = kShortestPaths(graph, { sources: sources.value, targets: targets.value, limit });
  await writeStdout(pathsText({ graph, paths: ranked, from: flags.from, to: flags.to }));
  return { kind: 'done', findings: false, incomplete: loaded.snapshot.gaps.length > 0, strict: false };
}
