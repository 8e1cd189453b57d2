/** Reads a live cluster for `scan` and `snapshot`: progress on a terminal, a failure as a no-input value. */

import type { Limits } from '../collect/limits.js';
import type { Gap, Snapshot } from '../collect/snapshot.js';
import { type Loaded, loadInput, loadSnapshot } from './load.js';
import type { LiveTarget } from './scan-settings.js';

/** Progress lines overwrite each other on stderr, and only when stderr is a terminal. */
function terminalProgress(): { readonly progress?: (line: string) => void; readonly end: () => void } {
  if (process.stderr.isTTY !== true) return { end: () => {} };
  return {
    progress: (line) => process.stderr.write(`\r${line}\u001b[K`),
    end: () => process.stderr.write('\r\u001b[K'),
  };
}

/** Reads the cluster into a snapshot, or the message that says why it could not be read at all. */
export async function readCluster(
  target: LiveTarget,
  limits: Partial<Limits> = {},
): Promise<
  { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly message: string }
> {
  // Loaded here, not at start-up: the Kubernetes client costs every other command 0.3 s and 58 MiB.
  const { collectLive } = await import('../collect/live/collect-live.js');
  const progress = terminalProgress();
  try {
    return await collectLive(target, {
      timeoutMs: target.timeoutMs,
      ...(limits.depth === undefined ? {} : { maxDepth: limits.depth }),
      ...(progress.progress === undefined ? {} : { progress: progress.progress }),
    });
  } finally {
    progress.end();
  }
}

/** The input of a scan: a live cluster when `live` is set, else the paths (files, folders, stdin, a snapshot file). */
export async function loadScanInput(
  paths: readonly string[],
  settings: { readonly live?: LiveTarget; readonly kubeVersion?: string; readonly limits?: Partial<Limits> },
): Promise<Loaded> {
  if (settings.live === undefined)
    return loadInput(
      paths,
      settings.kubeVersion,
      settings.limits === undefined ? {} : { limits: settings.limits },
    );
  const read = await readCluster(settings.live, settings.limits);
  if (read.ok) return loadSnapshot(read.snapshot, settings.kubeVersion);
  const gap: Gap = { kind: 'unreadable', where: settings.live.context ?? 'cluster', message: read.message };
  const snapshot: Snapshot = {
    source: { type: 'files', paths: [] },
    objects: [],
    gaps: [gap],
    kindCounts: {},
  };
  return { snapshot, builtIn: [], kubeVersion: settings.kubeVersion ?? '', usable: false, emptyInput: gap };
}
