/** Helpers for the proofs over generated clusters: generate into a temp folder, load, run the pipeline. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load.js';
import { generateCluster } from '../../tools/generate/generate.js';
import type { SizeName } from '../../tools/generate/sizes.js';

/**
 * A small generated graph: the cluster-scoped objects, kube-system, and the first `count` other namespaces (in
 * name order) of a generated cluster, so exhaustive searches stay affordable.
 */
export function smallSlice(loaded: Awaited<ReturnType<typeof loadInput>>, count: number) {
  const namespaces = [
    ...new Set(loaded.snapshot.objects.flatMap((o) => (o.namespace === undefined ? [] : [o.namespace]))),
  ]
    .filter((ns) => ns !== 'kube-system')
    .sort()
    .slice(0, count);
  const keep = new Set(['kube-system', ...namespaces]);
  const objects = loaded.snapshot.objects.filter((o) =>
    o.namespace === undefined ? o.kind !== 'Namespace' || keep.has(o.name) : keep.has(o.namespace),
  );
  return { ...loaded, snapshot: { ...loaded.snapshot, objects } };
}

/** Generates a cluster, hands its folder and loaded input to `use`, then removes it. */
export async function withGenerated<T>(
  options: { readonly size: SizeName; readonly seed: number },
  use: (dir: string, loaded: Awaited<ReturnType<typeof loadInput>>) => Promise<T> | T,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `chokepoint-gen-${options.seed}-`));
  try {
    generateCluster({ size: options.size, seed: options.seed, format: 'json', out: dir });
    return await use(dir, await loadInput([dir], undefined));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
