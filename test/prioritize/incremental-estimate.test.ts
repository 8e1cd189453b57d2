/**
 * The planner screens candidates on the graph (incremental.ts) and confirms only its pick with a full re-run. This
 * checks, on generated clusters, that the graph estimate equals a full re-run of the patched snapshot for every
 * fix on the best-path forest that it estimates (the rest it re-runs), so the screen picks what the exact planner
 * would.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../../src/collect/patch.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { estimable, estimateRiskAfter, indexRun } from '../../src/prioritize/incremental.js';
import { bestPathEdges } from '../../src/prioritize/paths.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { fixKey } from '../../src/prioritize/plan.js';
import type { Fix } from '../../src/techniques/types.js';
import { withGenerated } from './generated.js';

const SEEDS = [1, 2];

for (const seed of SEEDS) {
  test(`R1k seed ${seed}: the graph estimate of each best-path fix equals a full re-run`, async () => {
    await withGenerated({ size: 'R1k', seed }, (_dir, loaded) => {
      const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
      const run = runPipeline(loaded.snapshot, context);
      const fixes = new Map<string, Fix>();
      for (const scored of run.risk.entries)
        for (const e of bestPathEdges(run, scored))
          for (const fix of run.graph.edges[e]!.fixes) fixes.set(fixKey(fix), fix);
      assert.ok(fixes.size > 0, 'a generated cluster has fixes on its best paths');
      const index = indexRun(run, context);
      const wrong: string[] = [];
      const checked = [...fixes].filter(([, fix]) => estimable([fix])).sort(([a], [b]) => (a < b ? -1 : 1));
      assert.ok(checked.length > 10, `${checked.length} fixes the planner estimates`);
      for (const [key, fix] of checked) {
        const estimate = estimateRiskAfter(index, [fix], { context, keyOf: fixKey });
        const exact = runPipeline(
          applyPatches(loaded.snapshot, [{ target: fix.target, ops: fix.ops }]),
          context,
        );
        if (estimate !== exact.risk.total)
          wrong.push(`${key}: estimate ${estimate}, re-run ${exact.risk.total}`);
      }
      assert.deepEqual(wrong, [], `${wrong.length} of ${fixes.size} estimates differ`);
    });
  });
}
