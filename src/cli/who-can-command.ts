/** The `who-can` action: load the input and the bootstrap RBAC, build the model, answer the RBAC query. */
import { buildModel } from '../model/build-model.js';
import { analysisConfig } from './analysis-config.js';
import { noInput, type Outcome, usage } from './exit.js';
import { warn, writeStdout } from './io.js';
import { emptyInputMessages, gapWarning, loadInput } from './load.js';
import { parseKubeVersion } from './options.js';
import { parseAccessRequest, whoCanText } from './who-can.js';

/** The flags of `who-can`. */
export interface WhoCanFlags {
  readonly namespace?: string;
  readonly group?: string;
  readonly kubeVersion?: string;
  /** chokepoint.yaml elsewhere than the current folder: its admission settings shape the model. */
  readonly config?: string;
}

/** Runs `who-can VERB RESOURCE [paths...]`; with no paths it answers for the bootstrap RBAC alone. */
export async function runWhoCan(
  verb: string,
  resource: string,
  paths: readonly string[],
  flags: WhoCanFlags,
): Promise<Outcome> {
  const request = parseAccessRequest({
    verb,
    resource,
    ...(flags.namespace === undefined ? {} : { namespace: flags.namespace }),
    ...(flags.group === undefined ? {} : { group: flags.group }),
  });
  if (!request.ok) return usage(request.message);
  const version = flags.kubeVersion === undefined ? undefined : parseKubeVersion(flags.kubeVersion);
  if (version !== undefined && !version.ok) return usage(version.message);
  const loaded = await loadInput(paths, version?.value);
  if (paths.length > 0 && !loaded.usable) {
    const { warnings, message } = emptyInputMessages(loaded, paths);
    for (const line of warnings) warn(line);
    return noInput(message);
  }
  for (const gap of loaded.snapshot.gaps) warn(gapWarning(gap));
  if (paths.length === 0) {
    warn(
      `chokepoint: no input given — answering for the bootstrap RBAC of Kubernetes ${loaded.kubeVersion} alone`,
    );
  }
  // The same config and model the scan uses, so the answer matches the scan's grants.
  const config = await analysisConfig(flags.config === undefined ? {} : { configFile: flags.config }, {
    kubeVersion: loaded.kubeVersion,
  });
  if (!config.ok) return usage(config.message);
  const model = buildModel(loaded.snapshot, { ...config.value.model, builtIn: loaded.builtIn });
  await writeStdout(whoCanText(request.value, model.whoCan(request.value)));
  return { kind: 'done', findings: false, incomplete: loaded.snapshot.gaps.length > 0, strict: false };
}
