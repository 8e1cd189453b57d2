/**
 * The planner applies its picks as graph edits, and with `check` confirms the end state with a full re-run. These
 * check that the plan it makes so, checked or not, is the plan it makes with a full re-run per pick, and that a fix of an object an earlier item
 * already patched is computed afresh (its index-based ops were for the object as it was).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadInput } from '../../src/cli/load.js';
import { applyPatches } from '../../src/collect/patch.js';
import type { Snapshot, SnapshotObject } from '../../src/collect/snapshot.js';
import { fixKey } from '../../src/prioritize/candidates.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { chooseDuplicates } from '../../src/prioritize/duplicates.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan, type PlanResult } from '../../src/prioritize/plan.js';
import { withGenerated } from './generated.js';

/** What a reader of the plan sees, without the runs. */
function summary(plan: PlanResult) {
  const item = (p: PlanResult['items'][number]) => ({
    fixes: p.fixes.map(fixKey),
    riskBefore: p.riskBefore,
    riskAfter: p.riskAfter,
    pathsCut: p.pathsCut,
    chokepoint: p.chokepoint,
    breaks: p.breaks?.edges.map((e) => `${e.technique} ${e.from} ${e.to}`),
  });
  return {
    items: plan.items.map(item),
    oneThing: plan.oneThing === null ? null : item(plan.oneThing),
    stopped: plan.stopped,
  };
}

function bothWays(snapshot: Snapshot, builtIn: readonly SnapshotObject[]) {
  const context = { config: DEFAULT_CONFIG, builtIn };
  const chosen = chooseDuplicates(snapshot, context);
  const first = runPipeline(chosen, context);
  return {
    fast: makePlan(chosen, first, context),
    checked: makePlan(chosen, first, context, { check: true }),
    exact: makePlan(chosen, first, context, { evaluation: 'full-re-runs' }),
  };
}

test('the example: graph edits give the plan full re-runs give', async () => {
  const loaded = await loadInput(['examples/shop'], undefined);
  const { fast, checked, exact } = bothWays(loaded.snapshot, loaded.builtIn);
  assert.equal(checked.evaluation, 'graph-edits', 'the end-state check agreed');
  assert.equal(exact.evaluation, 'full-re-runs');
  assert.ok(fast.items.length >= 3, `${fast.items.length} items`);
  assert.deepEqual(summary(fast), summary(exact));
  assert.deepEqual(summary(checked), summary(exact));
});

test('R1k seed 1: graph edits give the plan full re-runs give', async () => {
  await withGenerated({ size: 'R1k', seed: 1 }, (_dir, loaded) => {
    const { fast, checked, exact } = bothWays(loaded.snapshot, loaded.builtIn);
    assert.equal(checked.evaluation, 'graph-edits', 'the end-state check agreed');
    assert.ok(fast.items.length >= 10, `${fast.items.length} items`);
    assert.deepEqual(summary(fast), summary(exact));
    assert.deepEqual(summary(checked), summary(exact));
  });
});

const TWO_ADMINS = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: User
    name: alice@example.com
    apiGroup: rbac.authorization.k8s.io
  - kind: User
    name: bob@example.com
    apiGroup: rbac.authorization.k8s.io
`;

test('a binding with two admin subjects: the second removal is computed on the binding the first one left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-two-admins-'));
  try {
    writeFileSync(join(dir, 'rbac.yaml'), TWO_ADMINS);
    const loaded = await loadInput([dir], undefined);
    const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
    let snapshot = loaded.snapshot;
    const plan = makePlan(snapshot, runPipeline(snapshot, context), context, { check: true });
    assert.equal(plan.evaluation, 'graph-edits', 'the end state re-run agrees with the graph edits');
    assert.deepEqual(
      plan.items.map((item) => item.fixes.map((fix) => `${fix.remediation} ${fix.target}`)),
      [
        ['remove-binding-subject ClusterRoleBinding/admins'],
        ['remove-binding-subject ClusterRoleBinding/admins'],
      ],
    );
    // Applied in turn, each item's patch fits the object as the last item left it and gives its predicted risk.
    for (const item of plan.items) {
      snapshot = applyPatches(
        snapshot,
        item.fixes.map((fix) => ({ target: fix.target, ops: fix.ops })),
      );
      assert.equal(runPipeline(snapshot, context).risk.total, item.riskAfter);
    }
    assert.equal(plan.items.at(-1)!.riskAfter, 0);
    const admins = snapshot.objects.find((so) => so.ref === 'ClusterRoleBinding/admins');
    assert.equal(admins, undefined, 'the second item removes what is left of the binding');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
