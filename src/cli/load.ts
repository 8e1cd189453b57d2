/** Reads the input and the bootstrap RBAC of the Kubernetes version: the I/O every command that analyses shares. */
import { defaultKubeVersion, loadBootstrapRbac } from '../collect/bootstrap-rbac.js';
import { collectFiles, hasUsableInput } from '../collect/collect-files.js';
import type { Limits } from '../collect/limits.js';
import type { Gap, Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { isSnapshotFile, readSnapshotFile } from '../collect/snapshot-file.js';
import { DEFAULT_KUBE_VERSION } from '../model/build-model.js';

/** The snapshot (bootstrap gap included), the built-in RBAC and the version they are read as. */
export interface Loaded {
  readonly snapshot: Snapshot;
  readonly builtIn: readonly SnapshotObject[];
  readonly kubeVersion: string;
  /** False when nothing analysable was read: every path missing, empty or broken. */
  readonly usable: boolean;
  /** When nothing was usable: the collector's closing gap that says so (the others say why, per file). */
  readonly emptyInput?: Gap;
}

/** The stderr lines and failure message for input with nothing usable in it; the summary gap is said once. */
export function emptyInputMessages(
  loaded: Loaded,
  paths: readonly string[],
): { warnings: string[]; message: string } {
  const summary = loaded.emptyInput;
  const warnings = loaded.snapshot.gaps.filter((gap) => gap !== summary).map(gapWarning);
  const message =
    summary?.message ??
    `${paths.join(' ')}: no Kubernetes objects found — pass files or folders that hold Kubernetes manifests (.yaml, .yml, .json), or - for stdin`;
  return { warnings, message };
}

/** A gap as one stderr line, its location not repeated when the message already starts with it. */
export function gapWarning(gap: Gap): string {
  const message = gap.message.startsWith(gap.where) ? gap.message : `${gap.where}: ${gap.message}`;
  return `warning: ${message}`;
}

/** How to read input files: the `--max-...` limits. */
export interface InputOptions {
  readonly limits?: Partial<Limits>;
}

/** Collects `paths` (`-` is stdin) and loads the bootstrap RBAC of `kubeVersion`, or of the newest shipped. */
export async function loadInput(
  paths: readonly string[],
  kubeVersion: string | undefined,
  options: InputOptions = {},
): Promise<Loaded> {
  const only = paths.length === 1 ? paths[0] : undefined;
  if (only !== undefined && only !== '-' && (await isSnapshotFile(only))) {
    const read = await readSnapshotFile(only);
    if (read.ok) return loadSnapshot(read.snapshot, kubeVersion);
    const gap: Gap = { kind: 'parse-error', where: only, message: read.message };
    const empty = { ...emptySnapshot(), gaps: [gap] };
    return {
      snapshot: empty,
      builtIn: [],
      kubeVersion: kubeVersion ?? DEFAULT_KUBE_VERSION,
      usable: false,
      emptyInput: gap,
    };
  }
  const version = kubeVersion ?? (await defaultKubeVersion()) ?? DEFAULT_KUBE_VERSION;
  const [collected, bootstrap] = await Promise.all([
    paths.length > 0
      ? collectFiles(paths, options.limits === undefined ? {} : { limits: options.limits })
      : Promise.resolve(emptySnapshot()),
    loadBootstrapRbac(version),
  ]);
  const gaps = bootstrap.gap === undefined ? collected.gaps : [...collected.gaps, bootstrap.gap];
  const usable = hasUsableInput(collected);
  const emptyInput = usable ? undefined : collected.gaps.at(-1);
  return {
    snapshot: { ...collected, kubeVersion: version, gaps },
    builtIn: bootstrap.objects,
    kubeVersion: version,
    usable,
    ...(emptyInput === undefined ? {} : { emptyInput }),
  };
}

function emptySnapshot(): Snapshot {
  return { source: { type: 'files', paths: [] }, objects: [], gaps: [], kindCounts: {} };
}

/**
 * A snapshot read from a cluster (live, or a snapshot file) with the bootstrap RBAC of its version. The cluster's
 * own bootstrap roles are in the snapshot, so a version chokepoint ships no data for is not a gap here.
 */
export async function loadSnapshot(snapshot: Snapshot, kubeVersion: string | undefined): Promise<Loaded> {
  const version = kubeVersion ?? snapshot.kubeVersion ?? (await defaultKubeVersion()) ?? DEFAULT_KUBE_VERSION;
  const bootstrap = await loadBootstrapRbac(version);
  const cluster = snapshot.source.type === 'cluster';
  const gaps = bootstrap.gap === undefined || cluster ? snapshot.gaps : [...snapshot.gaps, bootstrap.gap];
  return {
    snapshot: { ...snapshot, kubeVersion: version, gaps },
    builtIn: bootstrap.objects,
    kubeVersion: version,
    usable: true,
  };
}
