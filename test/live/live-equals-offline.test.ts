/**
 * Live equals offline: each unit (the bundled example, and named units of the shared corpus) is loaded into a
 * real kube-apiserver as its own cluster, then scanned live and offline. The JSON reports must agree on
 * everything but how the input was read (`source`, `stats`, `gaps`) and provenance (locations, and patch ops,
 * which are computed against each side's own objects; see `comparable`). Live reads the server's own
 * bootstrap RBAC (aggregated by the controller), offline the shipped data of the same version: any difference
 * there would show up as a failure. Objects the server refuses are listed and left out of both sides.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  type ControlPlane,
  controlPlaneSkipReason,
  minorOf,
  repoRoot,
  startControlPlane,
} from '../harness/control-plane.js';
import { applyUnit, comparable, liveSnapshot, offlineReport, reportOf, unloadUnit } from './live-helpers.js';

const ROOT = repoRoot();
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** One cluster's worth of manifests. */
interface Unit {
  readonly name: string;
  readonly files: readonly string[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

/** The example, each KubeHound attack file and each badPods directory: 24 units. */
function units(): Unit[] {
  const out: Unit[] = [{ name: 'examples/shop', files: yamlFiles(join(ROOT, 'examples', 'shop')) }];
  const kubehound = join(CORPUS, 'kubehound', 'attacks');
  for (const name of readdirSync(kubehound).sort())
    if (name.endsWith('.yaml')) out.push({ name: `kubehound/${name}`, files: [join(kubehound, name)] });
  const badpods = join(CORPUS, 'badpods', 'manifests');
  for (const name of readdirSync(badpods).sort())
    out.push({ name: `badpods/${name}`, files: yamlFiles(join(badpods, name)) });
  return out;
}

const skip =
  controlPlaneSkipReason() ?? (existsSync(CORPUS) ? undefined : 'the shared corpus is not present');
let cp: ControlPlane;

before(async () => {
  if (skip === undefined) cp = await startControlPlane();
});
after(async () => {
  await cp?.stop();
});

test('live and offline scans of the same objects give the same findings and plan', { skip }, async (t) => {
  const started = Date.now();
  const version = minorOf(cp.version).slice(1);
  const list = units();
  assert.ok(list.length >= 21, 'the example and at least 20 corpus units');
  const rejected: string[] = [];
  for (const unit of list) {
    await t.test(unit.name, async () => {
      const applied = await applyUnit(cp, unit.files);
      try {
        for (const line of applied.rejected) rejected.push(line);
        const snapshot = await liveSnapshot(cp, 'admin');
        assert.deepEqual(snapshot.gaps, [], 'admin reads everything');
        const live = await reportOf(snapshot);
        const offline = await offlineReport(applied.paths, version);
        assert.deepEqual(comparable(live), comparable(offline));
      } finally {
        await unloadUnit(cp, unit.files);
      }
    });
  }
  t.diagnostic(`units: ${list.map((u) => u.name).join(', ')}`);
  t.diagnostic(`refused by the server: ${rejected.length === 0 ? 'none' : rejected.join(' | ')}`);
  t.diagnostic(`live-equals-offline took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
