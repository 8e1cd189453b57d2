/**
 * Proofs over generated clusters: most have risk and at least two disjoint routes to some jewel (so the
 * planner has real work), and the one thing is the best single fix within the effort limit by exhaustive search.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../../src/collect/patch.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { fixKey, makePlan } from '../../src/prioritize/plan.js';
import { REMEDIATIONS } from '../../src/techniques/remediations.js';
import type { Fix } from '../../src/techniques/types.js';
import { disjointPaths } from './disjoint-paths.js';
import { smallSlice, withGenerated } from './generated.js';

const SEEDS = [1, 2, 3, 4, 5];

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

test('a small generated graph: the one thing is the best single fix within the effort limit (exhaustive)', async () => {
  await withGenerated({ size: 'R1k', seed: 7 }, (_dir, whole) => {
    const loaded = smallSlice(whole, 6);
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
