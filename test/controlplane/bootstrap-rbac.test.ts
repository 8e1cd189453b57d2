// data/bootstrap-rbac/ must be what a real API server of each version serves: regenerate and compare.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { controlPlaneSkipReason, minorOf, repoRoot, supportedVersions } from '../harness/control-plane.js';
import { dumpBootstrapRbac, dumpFileName, type KubeList } from './dump-bootstrap-rbac.js';

function key(o: KubeList['items'][number]): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

/** A short account of how two dumps differ, instead of a diff of thousands of lines. */
function describeDifference(shipped: KubeList, fresh: KubeList): string {
  const a = new Map(shipped.items.map((o) => [key(o), JSON.stringify(o)]));
  const b = new Map(fresh.items.map((o) => [key(o), JSON.stringify(o)]));
  const lines: string[] = [];
  for (const k of b.keys()) if (!a.has(k)) lines.push(`+ ${k}`);
  for (const k of a.keys()) if (!b.has(k)) lines.push(`- ${k}`);
  for (const [k, v] of a) if (b.has(k) && b.get(k) !== v) lines.push(`~ ${k}`);
  return lines.slice(0, 40).join('\n') || '(same objects, different formatting)';
}

for (const version of supportedVersions()) {
  const skip = controlPlaneSkipReason(version);
  if (skip) console.log(`# bootstrap RBAC staleness test for ${minorOf(version)} skipped: ${skip}`);
  const shipped = join(repoRoot(), 'data', 'bootstrap-rbac', dumpFileName(version));

  test(`data/bootstrap-rbac/${dumpFileName(version)} matches a fresh dump of Kubernetes v${version}`, {
    skip,
  }, async () => {
    assert.ok(
      existsSync(shipped),
      `${shipped} is missing: run node dist/test/controlplane/dump-bootstrap-rbac.js`,
    );
    const out = mkdtempSync(join(tmpdir(), 'chokepoint-rbac-'));
    try {
      const file = await dumpBootstrapRbac(version, out);
      const fresh = readFileSync(file, 'utf8');
      const expected = readFileSync(shipped, 'utf8');
      if (fresh !== expected) {
        assert.fail(
          `data/bootstrap-rbac/${dumpFileName(version)} is stale; regenerate it with ` +
            `node dist/test/controlplane/dump-bootstrap-rbac.js ${version}\n` +
            describeDifference(JSON.parse(expected) as KubeList, JSON.parse(fresh) as KubeList),
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
