import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles } from '../../src/collect/collect-files.js';
import { withTempDir } from '../../src/collect/test-helpers.js';
import { buildModel } from '../../src/model/build-model.js';
import { analysisOf, modelOf, read } from './read.js';

const pod = (spec: string, container = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n${spec}  containers:\n  - name: c\n    image: app:1\n${container}`;

// sigs.k8s.io/yaml resolves YAML 1.1 booleans (yes/no, on/off, y/n in any of their cases) before the API server
// sees the object, so each spelling must mean to the model what it means to the cluster.
test('YAML 1.1 booleans: yes, on, Y and ON count as true for every boolean the model reads', async () => {
  const model = await modelOf(
    pod(
      '  hostPID: on\n  hostIPC: ON\n  hostNetwork: Yes\n  shareProcessNamespace: y\n  hostUsers: no\n  automountServiceAccountToken: yes\n',
      '    securityContext: {privileged: yes, allowPrivilegeEscalation: on, readOnlyRootFilesystem: off, runAsNonRoot: n}\n',
    ),
  );
  const workload = model.workload('Pod/ns/p');
  assert.ok(workload !== undefined);
  assert.deepEqual(
    [
      workload.hostPID,
      workload.hostIPC,
      workload.hostNetwork,
      workload.shareProcessNamespace,
      workload.hostUsers,
    ],
    [true, true, true, true, false],
  );
  const sc = workload.containers[0]!.securityContext;
  assert.deepEqual(
    [sc.privileged, sc.allowPrivilegeEscalation, sc.readOnlyRootFilesystem, sc.runAsNonRoot],
    [true, true, false, false],
  );
  assert.equal(workload.token.mounted, true);
  const off = await modelOf(pod('  automountServiceAccountToken: off\n'));
  assert.equal(off.workload('Pod/ns/p')?.token.mounted, false);
});

test('privileged: yes and hostPID: on give the same findings as true', async () => {
  const spelled = analysisOf(await read(pod('  hostPID: on\n', '    securityContext: {privileged: yes}\n')));
  const plain = analysisOf(await read(pod('  hostPID: true\n', '    securityContext: {privileged: true}\n')));
  const steps = (a: typeof plain) => a.edges.map((e) => `${e.technique} ${e.from} ${e.to}`).sort();
  assert.ok(spelled.edges.some((e) => e.to.startsWith('jewel:node-root')));
  assert.deepEqual(steps(spelled), steps(plain));
  assert.deepEqual(
    spelled.facts.map((f) => f.fact).filter((f) => f === 'privileged' || f === 'host-pid'),
    ['host-pid', 'privileged'],
  );
});

test('a duplicated key: the dangerous value is analysed whichever comes first, and the duplicate is a fact', async () => {
  for (const [first, second] of [
    ['true', 'false'],
    ['false', 'true'],
  ]) {
    const text = pod('', `    securityContext:\n      privileged: ${first}\n      privileged: ${second}\n`);
    const snapshot = await read(text);
    assert.equal(snapshot.gaps.length, 0, 'a duplicated key is no reason to skip the document');
    const analysis = analysisOf(snapshot);
    const facts = analysis.facts.filter((f) => f.fact === 'duplicate-key' || f.fact === 'privileged');
    assert.deepEqual(
      facts.map((f) => [f.fact, f.object, f.path ?? '', f.says]),
      [
        [
          'duplicate-key',
          'Pod/ns/p',
          '/spec/containers/0/securityContext/privileged',
          'key /spec/containers/0/securityContext/privileged is given 2 times (lines 9, 10); which value counts depends on the tool that applies it, and the most dangerous reading is analysed',
        ],
        [
          'privileged',
          'Pod/ns/p',
          '/spec/containers/0/securityContext/privileged',
          'container c sets securityContext.privileged: true',
        ],
      ],
    );
    assert.equal(analysis.snapshot.objects.length, 1, 'one reading is analysed');
  }
});

test('duplicated keys in two places: every combination is read, so the two dangerous halves meet', async () => {
  const text = pod(
    '  hostPID: true\n  hostPID: false\n',
    '    securityContext:\n      privileged: false\n      privileged: true\n',
  );
  const snapshot = await read(text);
  assert.equal(snapshot.objects.length, 4, 'two keys with two values each: four readings');
  const analysis = analysisOf(snapshot);
  const workload = analysis.model.workload('Pod/ns/p');
  assert.equal(workload?.hostPID, true);
  assert.equal(workload?.containers[0]?.securityContext.privileged, true);
  assert.deepEqual(
    analysis.facts.filter((f) => f.fact === 'duplicate-key').map((f) => f.path),
    ['/spec/containers/0/securityContext/privileged', '/spec/hostPID'],
  );
});

test('an object defined in two files: the more dangerous one is analysed, in either order, and the gap says why', async () => {
  await withTempDir(async (dir) => {
    const harmless = pod('');
    const dangerous = pod('', '    securityContext: {privileged: true}\n');
    for (const [a, b] of [
      [harmless, dangerous],
      [dangerous, harmless],
    ]) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'a.yaml'), a!);
      await writeFile(join(dir, 'b.yaml'), b!);
      const analysis = analysisOf(await collectFiles([dir]));
      assert.equal(analysis.model.workload('Pod/ns/p')?.containers[0]?.securityContext.privileged, true);
      const kept = a === dangerous ? 'a.yaml' : 'b.yaml';
      const other = a === dangerous ? 'b.yaml' : 'a.yaml';
      const gaps = analysis.snapshot.gaps.map((g) => g.message);
      assert.equal(gaps.length, 1);
      assert.match(
        gaps[0]!,
        new RegExp(
          `^Pod/ns/p is defined at .*a\\.yaml:1 and .*b\\.yaml:1 — analysing the one at .*${kept}:1: it gives more dangerous attack steps \\(\\d+ steps and \\d+ facts, against \\d+ and \\d+\\); remove all but one$`,
        ),
      );
      assert.equal(analysis.snapshot.gaps[0]?.where.endsWith(`${other}:1`), true);
    }
    // Identical twins: no choice to make, and the gap says so.
    await writeFile(join(dir, 'b.yaml'), harmless);
    await writeFile(join(dir, 'a.yaml'), harmless);
    const twins = analysisOf(await collectFiles([dir]));
    assert.match(
      twins.snapshot.gaps[0]?.message ?? '',
      /the definitions are identical, and the later one is analysed/,
    );
    assert.deepEqual(buildModel(await collectFiles([dir])).workloads.length, 1);
  });
});
