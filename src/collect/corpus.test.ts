import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { collectFiles } from './collect-files.js';
import { applyOps, type ObjectPatch, type PatchOp, pointer } from './patch.js';
import type { SnapshotObject } from './snapshot.js';
import { byRef, repoPath, withTempDir } from './test-helpers.js';
import { writePatchedInputs } from './write-patched.js';

const CORPUS = repoPath('..', 'shared', 'corpus');
const skip = existsSync(CORPUS) ? false : 'the shared corpus is not present';

/** Pod spec pointers per workload kind, for a patch the way fixes write them. */
const POD_SPEC: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function patchFor(object: SnapshotObject, index: number): PatchOp[] {
  if (index % 7 === 3) return [{ op: 'delete-object' }];
  const ops: PatchOp[] = [
    { op: 'add', path: pointer('metadata', 'labels', 'chokepoint.io/checked'), value: 'yes' },
  ];
  const podSpec = POD_SPEC[object.kind];
  if (podSpec !== undefined) {
    ops.push({ op: 'add', path: pointer(...podSpec, 'automountServiceAccountToken'), value: false });
    ops.push({
      op: 'add',
      path: pointer(...podSpec, 'containers', 0, 'securityContext', 'privileged'),
      value: false,
    });
  }
  return ops;
}

test('every corpus manifest is read; only the expected.json answer files are not Kubernetes', {
  skip,
}, async () => {
  const snapshot = await collectFiles([CORPUS]);
  assert.ok(snapshot.objects.length > 500);
  // The answer files (`*expected.json`, `*-edges.json`) hold expectations, not manifests.
  const unexpected = snapshot.gaps.filter((gap) => !/(expected|-edges)\.json:1$/.test(gap.where));
  assert.deepEqual(unexpected, []);
});

test('patching the whole corpus and scanning it again gives exactly the patched objects', {
  skip,
}, async () => {
  const snapshot = await collectFiles([CORPUS]);
  // Refs that occur once: a duplicated ref would take both objects' patches, which the check below cannot tell apart.
  const counts = new Map<string, number>();
  for (const object of snapshot.objects) counts.set(object.ref, (counts.get(object.ref) ?? 0) + 1);
  const unique = snapshot.objects.filter((object) => counts.get(object.ref) === 1);
  const patches: ObjectPatch[] = unique.map((object, index) => ({
    target: object.ref,
    ops: patchFor(object, index),
  }));
  await withTempDir(async (out) => {
    await writePatchedInputs({ snapshot, patches, outDir: out });
    const again = byRef((await collectFiles([out])).objects);
    unique.forEach((object, index) => {
      const expected = applyOps(object.object, patchFor(object, index));
      if (expected === undefined) assert.equal(again.has(object.ref), false, object.ref);
      else assert.deepEqual(again.get(object.ref)?.object, expected, object.ref);
    });
  });
});
