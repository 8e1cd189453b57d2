/** Helpers for the hostile-input tests: read text as one input, build the model, run the whole analysis. */
import { collectFiles } from '../../src/collect/collect-files.js';
import type { Limits } from '../../src/collect/limits.js';
import type { Snapshot } from '../../src/collect/snapshot.js';
import { stdinOf } from '../../src/collect/test-helpers.js';
import { buildModel } from '../../src/model/build-model.js';
import type { Model } from '../../src/model/model.js';
import type { Analysis } from '../../src/prioritize/analysis.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';

/** Reads `text` as stdin. */
export function read(text: string | Buffer, limits: Partial<Limits> = {}): Promise<Snapshot> {
  return collectFiles(['-'], { stdin: stdinOf(text), limits });
}

/** The model of `text`. */
export async function modelOf(text: string): Promise<Model> {
  return buildModel(await read(text));
}

/** The whole analysis of a snapshot, with the default config and no bootstrap RBAC. */
export function analysisOf(snapshot: Snapshot): Analysis {
  return analyze(snapshot, DEFAULT_CONFIG);
}

/** Gap messages, without the closing "no Kubernetes objects found" one. */
export function messages(snapshot: Snapshot): string[] {
  return snapshot.gaps.map((gap) => gap.message).filter((m) => !m.includes('no Kubernetes objects found'));
}
