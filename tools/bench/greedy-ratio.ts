/**
 * Bench: the greedy plan's ΔR after k items against the best set of k fixes found by exhaustive search, for
 * k = 2..4 on small generated clusters. The search runs over the 10 fixes with the largest single ΔR (every
 * subset re-runs the pipeline on the patched input), so "optimal" means optimal among those. Prints the worst
 * and median ratio; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load.js';
import { applyPatches } from '../../src/collect/patch.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { fixKey, makePlan } from '../../src/prioritize/plan.js';
import type { Fix } from '../../src/techniques/types.js';
import { generateCluster } from '../generate/generate.js';

const POOL = 10;
const SEEDS = (process.env.BENCH_SEEDS ?? '1,2').split(',').map(Number);

function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

const ratios: number[] = [];
for (const seed of SEEDS) {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  try {
    generateCluster({ size: 'R1k', seed, format: 'json', out: dir });
    const loaded = await loadInput([dir], undefined);
    const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
    const run = runPipeline(loaded.snapshot, context);
    const plan = makePlan(loaded.snapshot, run, context);
    const riskAfter = (fixes: readonly Fix[]) =>
      runPipeline(
        applyPatches(
          loaded.snapshot,
          fixes.map((f) => ({ target: f.target, ops: f.ops })),
        ),
        context,
      ).risk.total;
    const fixes = new Map<string, Fix>();
    for (const edge of run.graph.edges) for (const fix of edge.fixes) fixes.set(fixKey(fix), fix);
    const singles = [...fixes.values()]
      .map((fix) => ({ fix, delta: run.risk.total - riskAfter([fix]) }))
      .filter((s) => s.delta > 0)
      .sort((a, b) => b.delta - a.delta)
      .slice(0, POOL);
    for (const k of [2, 3, 4]) {
      if (plan.items.length < k) continue;
      const greedy = run.risk.total - plan.items[k - 1]!.riskAfter;
      let best = greedy;
      for (const set of subsets(singles, k)) {
        const targets = new Set(set.map((s) => s.fix.target));
        if (targets.size < k) continue; // two index-based patches of one object do not compose
        best = Math.max(best, run.risk.total - riskAfter(set.map((s) => s.fix)));
      }
      const ratio = greedy / best;
      ratios.push(ratio);
      console.log(`seed ${seed} k=${k}: greedy ΔR ${greedy}, best ΔR ${best}, ratio ${ratio.toFixed(3)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
ratios.sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(
  `greedy/optimal ΔR over ${ratios.length} cases: worst ${ratios[0]?.toFixed(3)}, median ${median?.toFixed(3)}`,
);
