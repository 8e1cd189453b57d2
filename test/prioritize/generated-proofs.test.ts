/**
 * Proofs over generated clusters: most have risk and at least two disjoint routes to some jewel (so the
 * planner has real work), and the one thing is the best single fix within the effort limit by exhaustive search.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadInput } from '../../src/cli/load.js';
import { applyPatches } from '../../src/collect/patch.js';
import { fixKey } from '../../src/prioritize/candidates.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan } from '../../src/prioritize/plan.js';
import { REMEDIATIONS } from '../../src/techniques/remediations.js';
import type { Fix } from '../../src/techniques/types.js';
import { sliceCluster } from '../../tools/generate/slice.js';
import { disjointPaths } from './disjoint-paths.js';
import { smallSlice, withGenerated } from './generated.js';

const SEEDS = [1, 2, 3, 4, 5];

type Loaded = Awaited<ReturnType<typeof loadInput>>;

test('generated clusters: at least 80% have risk and two disjoint paths to a jewel', async () => {
  let good = 0;
  for (const seed of SEEDS) {
    good += await withGenerated({ size: 'R1k', seed }, (_dir, loaded) => {
      const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
      const run = runPipeline(loaded.snapshot, context);
      if (run.risk.total === 0) return 0;
      const sources = run.risk.entries
        .filter((s) => s.score > 0)
        .map((s) => run.graph.index.get(s.entry.node)!)
        .filter((v) => v !== undefined);
      const jewels = [...new Set(run.risk.entries.flatMap((s) => (s.jewel === undefined ? [] : [s.jewel])))];
      const best = Math.max(
        0,
        ...jewels.map((j) => {
          const v = run.graph.index.get(j);
          return v === undefined ? 0 : disjointPaths(run.graph, sources, v, 2);
        }),
      );
      return best >= 2 ? 1 : 0;
    });
  }
  const share = good / SEEDS.length;
  console.log(
    `generated clusters with risk and >= 2 disjoint paths to a jewel: ${good}/${SEEDS.length} (${(share * 100).toFixed(0)}%)`,
  );
  assert.ok(
    share >= 0.8,
    `only ${good} of ${SEEDS.length} generated clusters have risk and two disjoint paths`,
  );
});

/** The first `count` namespaces by name and the cluster-scoped objects, as `sliceCluster` cuts a dump. */
async function firstNamespaces(dir: string, count: number) {
  const out = mkdtempSync(join(tmpdir(), 'chokepoint-slice-'));
  try {
    sliceCluster({ from: dir, to: out, format: 'json', namespaces: count });
    return await loadInput([out], undefined);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Seed 3's first eight namespaces: the best single fix makes a Service internal, which takes an external entry
// away and lowers the prior of the pods behind it, more than the paths it cuts show.
for (const { seed, slice } of [
  { seed: 3, slice: (dir: string) => firstNamespaces(dir, 8) },
  { seed: 7, slice: (_dir: string, whole: Loaded) => smallSlice(whole, 6) },
])
  test(`generated seed ${seed}, a few namespaces: the one thing is the best single fix within the effort limit (exhaustive)`, async () => {
    await withGenerated({ size: 'R1k', seed }, async (dir, whole) => {
      const loaded = await slice(dir, whole);
      const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
      const run = runPipeline(loaded.snapshot, context);
      assert.ok(run.risk.total > 0);
      const plan = makePlan(loaded.snapshot, run, context);
      assert.ok(plan.oneThing, 'risk, so a one thing');
      const limit = DEFAULT_CONFIG.oneThingMaxHours;
      // Every fix on an edge that can lie on a path to a jewel; any other fix cannot lower the risk.
      const fixes = new Map<string, Fix>();
      run.graph.edges.forEach((edge, e) => {
        if (!Number.isFinite(run.risk.distances.dist[run.graph.to[e]!]!)) return;
        for (const fix of edge.fixes)
          if (DEFAULT_CONFIG.effortHours[REMEDIATIONS[fix.remediation].effort] <= limit)
            fixes.set(fixKey(fix), fix);
      });
      let best = 0;
      for (const fix of fixes.values()) {
        const after = runPipeline(
          applyPatches(loaded.snapshot, [{ target: fix.target, ops: fix.ops }]),
          context,
        );
        best = Math.max(best, run.risk.total - after.risk.total);
      }
      console.log(`exhaustive one-thing check: ${fixes.size} fixes evaluated, best ΔR ${best}`);
      assert.equal(plan.oneThing.riskBefore - plan.oneThing.riskAfter, best);
    });
  });
