import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { loadInput } from '../../src/cli/load.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import type { Report } from '../../src/report/contract.js';
import { REPO_ROOT, runCli } from './run-cli.js';

/** The badPods corpus, beside the repo; the tests skip when it is absent. */
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus', 'badpods', 'manifests');
const present = existsSync(CORPUS);
const skip = present ? false : `badPods corpus not found at ../shared/corpus/badpods/manifests`;

/** Their authors: these give root on the node. */
const ROOT = ['everything-allowed', 'hostpath', 'priv', 'priv-and-hostpid'];
/** Their authors: these alone do not. */
const NOT_ROOT = ['hostipc', 'hostnetwork', 'hostpid', 'nothing-allowed'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** A path reaches node root: it ends there, or passes through it on the way to cluster-admin. */
function reachesNodeRoot(report: Report): boolean {
  return report.paths.some(
    (p) =>
      p.jewel.startsWith('jewel:node-root/') ||
      (p.jewel === 'jewel:cluster-admin' && p.steps.some((s) => s.to.startsWith('jewel:node-root/'))),
  );
}

/** Scans one file in this process, the way the CLI does. */
async function scanFile(file: string): Promise<Report> {
  const loaded = await loadInput([file], undefined);
  assert.ok(loaded.usable, `${file}: nothing usable was read`);
  const analysis = analyze(
    loaded.snapshot,
    { ...DEFAULT_CONFIG, model: { kubeVersion: loaded.kubeVersion } },
    loaded.builtIn,
  );
  return buildReport(analysis, { version: 'test' });
}

for (const [badPod, expected] of [
  ...ROOT.map((b) => [b, true] as const),
  ...NOT_ROOT.map((b) => [b, false] as const),
]) {
  test(`badPods ${badPod}: ${expected ? 'a' : 'no'} path to node root, in every controller form`, {
    skip,
  }, async () => {
    const files = filesUnder(join(CORPUS, badPod));
    assert.ok(files.length > 0, `${badPod}: no manifests`);
    const wrong: string[] = [];
    for (const file of files) {
      const report = await scanFile(file);
      if (reachesNodeRoot(report) !== expected) wrong.push(relative(CORPUS, file));
    }
    assert.deepEqual(
      wrong,
      [],
      `${expected ? 'no node-root path' : 'a node-root path'} in: ${wrong.join(', ')}`,
    );
  });
}

test('badPods through the real CLI: priv reaches node root, hostpid does not', { skip }, () => {
  const priv = runCli([
    'scan',
    join(CORPUS, 'priv', 'pod', 'priv-exec-pod.yaml'),
    '--format',
    'json',
    '--fail-on',
    'path:node-root',
  ]);
  assert.equal(priv.code, 1, priv.stderr);
  assert.ok(reachesNodeRoot(JSON.parse(priv.stdout) as Report));
  const hostpid = runCli([
    'scan',
    join(CORPUS, 'hostpid', 'deployment', 'hostpid-exec-deployment.yaml'),
    '--format',
    'json',
    '--fail-on',
    'path:node-root',
  ]);
  assert.equal(hostpid.code, 0, hostpid.stderr);
  assert.equal(reachesNodeRoot(JSON.parse(hostpid.stdout) as Report), false);
});
