import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles } from './collect-files.js';
import { withTempDir } from './test-helpers.js';
import { writePatchedInputs } from './write-patched.js';

function pod(index: number): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${index}`,
      namespace: `ns-${index % 97}`,
      managedFields: [{ manager: 'kubelet' }],
    },
    spec: {
      ...(index % 2 === 0 ? { hostNetwork: true } : {}),
      containers: [
        { name: 'app', image: `app:${index}`, env: [{ name: 'TOKEN', value: `canary-${index}` }] },
      ],
    },
    status: { phase: 'Running', podIP: `10.0.${index % 250}.${index % 200}` },
  };
}

/** 1-based lines of each item's first key, found by a plain text search independent of the scanner. */
function itemLines(text: string, firstKey: RegExp): number[] {
  return text.split('\n').flatMap((line, index) => (firstKey.test(line) ? [index + 1] : []));
}

test('a 20,000-item JSON List streams item by item, far past the size of any one text it parses', async () => {
  await withTempDir(async (dir) => {
    const count = 20_000;
    const items = Array.from({ length: count }, (_, index) => pod(index));
    const text = `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
    const file = join(dir, 'pods.json');
    await writeFile(file, text);
    // Any one parsed text is capped at 4 KiB, so the whole multi-megabyte file can only be read item by item.
    assert.ok(text.length > 1000 * 4096);
    const snapshot = await collectFiles([file], { maxObjectBytes: 4096 });
    assert.deepEqual(snapshot.gaps, []);
    assert.equal(snapshot.objects.length, count);
    assert.deepEqual(snapshot.kindCounts, { Pod: count });
    const lines = itemLines(text, /^ {12}"apiVersion": "v1",$/);
    for (const index of [0, 1, 777, 12_345, count - 1]) {
      const object = snapshot.objects[index]!;
      assert.equal(object.ref, `Pod/ns-${index % 97}/pod-${index}`);
      assert.deepEqual(object.location, { file, line: lines[index], doc: 0, itemPath: ['items', index] });
    }
    assert.equal(JSON.stringify(snapshot).includes('canary'), false);
  });
});

test('a 3,000-item kubectl YAML List streams item by item too', async () => {
  await withTempDir(async (dir) => {
    const count = 3000;
    const body = Array.from({ length: count }, (_, index) => {
      const p = pod(index) as { metadata: { name: string; namespace: string } };
      return `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ${p.metadata.name}\n    namespace: ${p.metadata.namespace}\n  spec:\n    containers:\n    - image: app:${index}\n      name: app\n`;
    });
    const text = `apiVersion: v1\nitems:\n${body.join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
    const file = join(dir, 'pods.yaml');
    await writeFile(file, text);
    const snapshot = await collectFiles([file], { maxObjectBytes: 4096 });
    assert.deepEqual(snapshot.gaps, []);
    assert.equal(snapshot.objects.length, count);
    const lines = itemLines(text, /^- apiVersion: v1$/);
    for (const index of [0, 1999, count - 1]) {
      assert.equal(snapshot.objects[index]?.ref, `Pod/ns-${index % 97}/pod-${index}`);
      assert.equal(snapshot.objects[index]?.location?.line, lines[index]);
    }
  });
});

test('a List with more items than a call takes arguments (150,000) is read and written back', async () => {
  await withTempDir(async (dir) => {
    const count = 150_000;
    const items = Array.from(
      { length: count },
      (_, index) => `{"kind":"Namespace","metadata":{"name":"n${index}"}}`,
    );
    const file = join(dir, 'namespaces.json');
    await writeFile(file, `{"kind":"List","items":[${items.join(',\n')}]}\n`);
    const snapshot = await collectFiles([file]);
    assert.equal(snapshot.objects.length, count);
    assert.deepEqual(snapshot.objects[count - 1]?.location, {
      file,
      line: count,
      doc: 0,
      itemPath: ['items', count - 1],
    });
    const out = join(dir, 'out');
    const patches = snapshot.objects
      .filter((_, index) => index % 2 === 0)
      .map((object) => ({ target: object.ref, ops: [{ op: 'delete-object' as const }] }));
    await writePatchedInputs({ snapshot, patches, outDir: out });
    const again = await collectFiles([out]);
    assert.equal(again.objects.length, count / 2);
    assert.equal(again.objects[0]?.ref, 'Namespace/n1');
  });
});
