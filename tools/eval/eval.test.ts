import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { layoutOf, readCorpus, unitOf } from './corpus.js';
import { evaluateCorpus, evaluateUnit } from './evaluate.js';
import { normaliseRef } from './refs.js';
import type { TagResult } from './score.js';
import { formatEvaluation } from './summary.js';

const FIXTURE = join(fileURLToPath(new URL('../../../', import.meta.url)), 'test', 'fixtures', 'eval');

/** A result as one comparable line. */
function line(r: TagResult): string {
  return `${r.resource} ${r.kind === 'negative' ? 'not:' : ''}${r.tag} ${r.kind} ${r.reported ? 'reported' : 'silent'}`;
}

test('corpus refs Kind//name become the contract form Kind/name; namespaced refs stay', () => {
  assert.equal(normaliseRef('ClusterRole//wild-role'), 'ClusterRole/wild-role');
  assert.equal(normaliseRef('Group//system:nodes'), 'Group/system:nodes');
  assert.equal(normaliseRef('Pod/default/web'), 'Pod/default/web');
});

test('units: a file, an input/ case directory, a scenario directory, or the whole source', () => {
  assert.equal(layoutOf('Load each scenario directory as one cluster.'), 'directory');
  assert.equal(layoutOf('the upstream test cluster contains ALL attack files at once'), 'source');
  assert.equal(layoutOf('Eight bad pods, each as 8 resource types.'), 'file');
  assert.equal(unitOf('rules/r/case-1/input/pod.yaml', 'file'), 'rules/r/case-1/input');
  assert.equal(unitOf('scene/01.yaml', 'directory'), 'scene');
  assert.equal(unitOf('attacks/A.yaml', 'source'), '.');
  assert.equal(unitOf('pods/a.yaml', 'file'), 'pods/a.yaml');
});

test('the fixture corpus scores exactly as the rules say', async () => {
  const evaluation = await evaluateCorpus(FIXTURE);
  assert.equal(evaluation.units, 6);
  assert.deepEqual(
    evaluation.results.map(line).sort(),
    [
      // Found: a fact and an edge on the resource, and a real path to node root from it.
      'Pod/default/priv-one node-root positive reported',
      'Pod/default/priv-one privileged positive reported',
      // A not-manifest-visible resource that gets an escape finding is a false positive; one that gets none is not.
      'Pod/default/priv-one not-manifest-visible hidden reported',
      'Pod/default/app-bug not-manifest-visible hidden silent',
      // Missed: nothing privileged is reported on the plain pod.
      'Pod/default/plain-one privileged positive silent',
      // not: tags: silent is right, reported is a false positive.
      'Pod/default/plain-one not:hostPID negative silent',
      'Pod/default/pid-one not:hostPID negative reported',
      // A cluster-scoped ref written Kind//name is matched.
      'ClusterRole/wild-role rbac-wildcard positive reported',
      // A binding is touched by the findings of the subject it binds.
      'RoleBinding/vault-ns/reader-binding rbac-secrets-read positive reported',
      // An outcome on a Secret counts through a path from the scenario's attack start.
      'Secret/vault-ns/hidden secrets-read positive reported',
      // A not: outcome is checked from its own resource only.
      'Pod/start-ns/starter not:cluster-admin negative silent',
    ].sort(),
  );
  // manifest-fact entries, attack-start and polaris-exempt are never scored.
  assert.ok(!evaluation.results.some((r) => r.tag === 'hostIPC' || r.tag === 'polaris-exempt'));
});

test('an outcome needs a path: without the attack start the Secret is not reached', async () => {
  const units = await readCorpus(FIXTURE);
  const scene = units.find((u) => u.name === 'beta/scene');
  assert.ok(scene !== undefined);
  const withoutStart = {
    ...scene,
    expectations: scene.expectations.map((e) => ({
      ...e,
      expect: e.expect.filter((t) => t !== 'attack-start'),
    })),
  };
  const scored = await evaluateUnit(withoutStart);
  assert.ok(typeof scored !== 'string');
  const secret = scored.results.find((r) => r.resource === 'Secret/vault-ns/hidden');
  assert.equal(secret?.reported, false);
});

test('the printout ends with recall and precision over the core families', async () => {
  const text = formatEvaluation(await evaluateCorpus(FIXTURE), { seed: 1, misses: false });
  const lines = text.trimEnd().split('\n');
  // 6 positives, 5 found; 5 true positives against 2 false positives.
  assert.equal(lines.at(-1), 'recall 0.833 precision 0.714');
  assert.ok(text.indexOf('per source') < text.indexOf('per tag'));
  assert.ok(text.indexOf('per tag') < text.indexOf('per family'));
  assert.ok(text.indexOf('per family') < text.indexOf('false positives'));
  assert.ok(text.indexOf('false positives') < text.indexOf('paths counted as hits'));
  assert.match(text, /not:hostPID: Pod\/default\/pid-one/);
});
