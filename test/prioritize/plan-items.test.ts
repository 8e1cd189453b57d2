/**
 * A plan item keeps only what the report shows (risk before and after, paths cut, the broken path), not the runs
 * around it. This re-runs the pipeline before and after every item of a generated cluster's plan and checks that
 * the kept figures and path are those the full runs give, and that each item starts from where the last one ended.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../../src/collect/patch.js';
import { brokenPath, cutEntries } from '../../src/prioritize/broken-path.js';
import { fixKey } from '../../src/prioritize/candidates.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { chooseDuplicates } from '../../src/prioritize/duplicates.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan } from '../../src/prioritize/plan.js';
import { withGenerated } from './generated.js';

test('R1k seed 3: each plan item equals full re-runs before and after it', async () => {
  await withGenerated({ size: 'R1k', seed: 3 }, (_dir, loaded) => {
    const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
    let snapshot = chooseDuplicates(loaded.snapshot, context);
    const plan = makePlan(snapshot, runPipeline(snapshot, context), context);
    assert.ok(plan.items.length > 2, `${plan.items.length} plan items`);
    let before = runPipeline(snapshot, context);
    for (const [i, item] of plan.items.entries()) {
      snapshot = applyPatches(
        snapshot,
        item.fixes.map((fix) => ({ target: fix.target, ops: fix.ops })),
      );
      const after = runPipeline(snapshot, context);
      const cut = cutEntries(before, after);
      assert.equal(item.riskBefore, before.risk.total, `item ${i}: risk before`);
      assert.equal(item.riskAfter, after.risk.total, `item ${i}: risk after`);
      assert.equal(item.pathsCut, cut.length, `item ${i}: paths cut`);
      const expected = brokenPath({ before, cut, fixes: item.fixes, keyOf: fixKey });
      assert.deepEqual(
        item.breaks?.edges.map((e) => `${e.technique} ${e.from} ${e.to}`),
        expected?.edges.map((e) => `${e.technique} ${e.from} ${e.to}`),
        `item ${i}: broken path`,
      );
      assert.equal(item.breaks?.entry.entry.node, expected?.entry.entry.node, `item ${i}: broken entry`);
      // The path shown is one the fix cuts, and it starts at its entry.
      if (item.breaks !== undefined) {
        const { entry } = item.breaks.entry;
        const isCut = cut.some(
          (s) => s.entry.threatModel === entry.threatModel && s.entry.node === entry.node,
        );
        assert.ok(isCut, `item ${i}: the broken path is a cut one`);
        assert.equal(
          item.breaks.edges[0]?.from,
          entry.node,
          `item ${i}: the broken path starts at its entry`,
        );
      }
      before = after;
    }
  });
});
