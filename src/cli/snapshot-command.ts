/** `chokepoint snapshot`: read a live cluster once and write the redacted, versioned snapshot for offline scans. */
import { snapshotFilePieces } from '../collect/snapshot-file.js';
import { noInput, type Outcome, usage } from './exit.js';
import { warn, writeOutput, writeStdout } from './io.js';
import { type LimitFlags, parseLimitFlags } from './limit-options.js';
import { gapWarning } from './load.js';
import { readCluster } from './load-live.js';
import { liveTarget } from './scan-settings.js';

/** The raw flags of `snapshot`. */
export interface SnapshotFlags extends LimitFlags {
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly output?: string;
  readonly strict: boolean;
  readonly requestTimeout?: string;
}

/** Runs `snapshot` and says how it ended. */
export async function runSnapshot(flags: SnapshotFlags): Promise<Outcome> {
  // With neither --context nor --kubeconfig: the default kubeconfig's current context, or the in-cluster account.
  const target = liveTarget(flags, true);
  if (!target.ok) return usage(target.message);
  if (target.value === undefined) throw new Error('liveTarget(always) returned no target');
  // `--max-depth`, as `scan` takes it: a live read leaves deeper objects out as a gap, as files do.
  const limits = parseLimitFlags(flags);
  if (!limits.ok) return usage(limits.message);
  const read = await readCluster(target.value, limits.value);
  if (!read.ok) return noInput(read.message);
  for (const gap of read.snapshot.gaps) warn(gapWarning(gap));
  const text = { chunks: snapshotFilePieces(read.snapshot) };
  if (flags.output === undefined) await writeStdout(text);
  else {
    const failed = await writeOutput(flags.output, text);
    if (failed !== undefined) return usage(failed);
    warn(`chokepoint: wrote a snapshot of ${read.snapshot.objects.length} objects to ${flags.output}`);
  }
  return { kind: 'done', findings: false, incomplete: read.snapshot.gaps.length > 0, strict: flags.strict };
}
