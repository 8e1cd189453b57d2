/**
 * The planner measures candidates on the graph (incremental.ts) and applies its picks as graph edits
 * (graph-edit.ts), confirming only the plan's end state with a full re-run. Both rest on one invariant: a patch
 * removes exactly the technique edges that name it (and the fan-out of hubs nobody reaches any more). This
 * checks, on generated clusters, for every fix on the best-path forest that the planner handles on the graph (the
 * rest it re-runs): the estimate equals a full re-run of the patched snapshot, and the graph edit has the same
 * score for every scored entry and the same edges reachable from the re-run's entries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../../src/collect/patch.js';
import { fixKey } from '../../src/prioritize/candidates.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { deriveRun, sameReachableEdges } from '../../src/prioritize/graph-edit.js';
import { estimable, estimateRiskAfter, indexRun } from '../../src/prioritize/incremental.js';
import { jewelsOf } from '../../src/prioritize/jewels.js';
import { bestPathEdges } from '../../src/prioritize/paths.js';
import { runPipeline, type ScoredRun } from '../../src/prioritize/pipeline.js';
import { distancesToJewels } from '../../src/prioritize/risk.js';
import type { Fix } from '../../src/techniques/types.js';
import { withGenerated } from './generated.js';

const SEEDS = [1, 2];

/** Every scored entry's score, as sorted strings (an entry may vanish with a score of 0). */
function scoresOf(run: ScoredRun): string[] {
  return run.risk.entries
    .filter((s) => s.score > 0)
    .map((s) => `${s.entry.threatModel} ${s.entry.node} ${s.score}`)
    .sort();
}

for (const seed of SEEDS) {
  test(`R1k seed ${seed}: the graph estimate and graph edit of each best-path fix equal a full re-run`, async () => {
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
        const edited = deriveRun(index, [fix], { context, keyOf: fixKey }).run;
        if (edited.risk.total !== exact.risk.total || scoresOf(edited).join() !== scoresOf(exact).join())
          wrong.push(
            `${key}: graph edit scores differ (risk ${edited.risk.total}, re-run ${exact.risk.total})`,
          );
        const full = distancesToJewels(edited.graph, jewelsOf(context.config).cost);
        const labels = (d: typeof full) => [...d.dist].join() + [...d.hops].join() + [...d.next].join();
        if (labels(full) !== labels(edited.risk.distances))
          wrong.push(`${key}: the graph edit's updated labels differ from a full Dijkstra on its graph`);
        const roots = exact.entries.map((entry) => entry.node);
        if (!sameReachableEdges(edited, exact, roots))
          wrong.push(`${key}: the graph edit keeps or lacks an edge the re-run reaches`);
      }
      assert.deepEqual(wrong, [], `${wrong.length} of ${fixes.size} estimates differ`);
    });
  });
}
