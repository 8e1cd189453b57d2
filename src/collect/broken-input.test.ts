import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles, hasUsableInput } from './collect-files.js';
import type { Gap } from './snapshot.js';
import { fixture, stdinOf, withTempDir } from './test-helpers.js';

const all = (gaps: readonly Gap[]) => gaps.map((gap) => [gap.kind, gap.where, gap.message]);
// The closing "no Kubernetes objects found" gap is asserted once, in the empty-input test.
const messages = (gaps: readonly Gap[]) =>
  all(gaps.filter((gap) => !gap.message.includes('no Kubernetes objects')));

test('a truncated YAML file keeps its good documents and reports where it broke', async () => {
  const file = fixture('broken', 'truncated.yaml');
  const snapshot = await collectFiles([file]);
  assert.deepEqual(
    snapshot.objects.map((o) => o.ref),
    ['ServiceAccount/default/first', 'ServiceAccount/default/second'],
  );
  assert.deepEqual(messages(snapshot.gaps), [
    ['parse-error', `${file}:14`, `${file}:14: missing closing "quote — close the quote or bracket`],
  ]);
});

test('a YAML mistake is reported at its line with what to do; the next document is still read', async () => {
  const file = fixture('broken', 'bad-indent.yaml');
  const snapshot = await collectFiles([file]);
  assert.deepEqual(messages(snapshot.gaps), [
    [
      'parse-error',
      `${file}:4`,
      `${file}:4: nested mappings are not allowed in compact mappings — check the indentation`,
    ],
  ]);
  const tabs = await collectFiles(['-'], {
    stdin: stdinOf('kind: Namespace\nmetadata:\n\tname: x\n---\nkind: Namespace\nmetadata: {name: ok}\n'),
  });
  assert.deepEqual(
    tabs.objects.map((o) => o.ref),
    ['Namespace/ok'],
  );
  assert.deepEqual(
    tabs.gaps[0]?.message,
    '<stdin>:3: tabs are not allowed as indentation — indent with spaces, not tabs',
  );
});

test('invalid JSON gives the line of the error', async () => {
  const file = fixture('broken', 'invalid.json');
  const snapshot = await collectFiles([file]);
  assert.deepEqual(messages(snapshot.gaps), [
    [
      'parse-error',
      `${file}:4`,
      `${file}:4: invalid JSON: expected ',' or '}' after property value — fix the JSON syntax`,
    ],
  ]);
  assert.equal(hasUsableInput(snapshot), false);
});

test('a broken item of a JSON List is skipped with its line; the other items are kept', async () => {
  const text =
    '{"kind": "List", "items": [\n  {"kind": "Namespace", "metadata": {"name": "a"}},\n  {"kind": "Namespace", "metadata": {"name": }},\n  {"kind": "Namespace", "metadata": {"name": "c"}}\n]}\n';
  const snapshot = await collectFiles(['-'], { stdin: stdinOf(text) });
  assert.deepEqual(
    snapshot.objects.map((o) => [o.ref, o.location?.itemPath]),
    [
      ['Namespace/a', ['items', 0]],
      ['Namespace/c', ['items', 2]],
    ],
  );
  assert.deepEqual(
    snapshot.gaps.map((gap) => gap.where),
    ['<stdin>:3'],
  );
});

test('a truncated kubectl dump keeps the items it completed, in JSON and in YAML', async () => {
  const json = await readFile(fixture('dumps', 'kubectl-get-all.json'), 'utf8');
  const cutJson = json.slice(0, json.indexOf('"kind": "Service"'));
  const fromJson = await collectFiles(['-'], { stdin: stdinOf(cutJson) });
  assert.deepEqual(
    fromJson.objects.map((o) => o.ref),
    ['Namespace/shop', 'Pod/shop/web-7d4b9c8f6-x2x9k'],
  );
  assert.deepEqual(messages(fromJson.gaps), [
    [
      'parse-error',
      '<stdin>:116',
      '<stdin>:116: unexpected end of file inside a value — the file may be truncated; export it again',
    ],
  ]);
  const yaml = await readFile(fixture('dumps', 'kubectl-get-all.yaml'), 'utf8');
  const cutYaml = yaml.split('\n').slice(0, 72).join('\n');
  const fromYaml = await collectFiles(['-'], { stdin: stdinOf(cutYaml) });
  assert.deepEqual(
    fromYaml.objects.map((o) => o.ref),
    ['Namespace/shop', 'Pod/shop/web-7d4b9c8f6-x2x9k'],
  );
  assert.deepEqual(messages(fromYaml.gaps), [
    [
      'not-kubernetes',
      '<stdin>:1',
      '<stdin>:1: list has no kind (is the file truncated?) — add kind: List, or export it again',
    ],
  ]);
});

test('a binary file is named and skipped', async () => {
  await withTempDir(async (dir) => {
    const blob = join(dir, 'image.yaml');
    await writeFile(blob, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(join(dir, 'ok.yaml'), 'kind: Namespace\nmetadata: {name: ok}\n');
    const snapshot = await collectFiles([dir]);
    assert.deepEqual(messages(snapshot.gaps), [
      ['not-kubernetes', blob, `${blob}: binary file, not YAML or JSON — remove it from the input`],
    ]);
    assert.deepEqual(
      snapshot.objects.map((o) => o.ref),
      ['Namespace/ok'],
    );
  });
});

test('an empty folder or a missing file is no crash: zero objects and gaps that say why', async () => {
  await withTempDir(async (dir) => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const missing = join(dir, 'nope.yaml');
    const snapshot = await collectFiles([empty, missing]);
    assert.deepEqual(snapshot.objects, []);
    assert.equal(hasUsableInput(snapshot), false);
    assert.deepEqual(all(snapshot.gaps), [
      [
        'not-found',
        empty,
        `${empty}: no .yaml, .yml or .json files in this folder — point at the folder that holds the manifests`,
      ],
      ['unreadable', missing, `${missing}: no such file or directory — check the path`],
      [
        'not-found',
        `${empty} ${missing}`,
        `${empty} ${missing}: no Kubernetes objects found — pass files or folders that hold Kubernetes manifests (.yaml, .yml, .json), or - for stdin`,
      ],
    ]);
  });
  const none = await collectFiles([]);
  assert.deepEqual(
    none.gaps.map((gap) => gap.where),
    ['(no input)'],
  );
});

test('a document without kind is reported; the next one is read', async () => {
  const file = fixture('broken', 'no-kind.yaml');
  const snapshot = await collectFiles([file]);
  assert.deepEqual(messages(snapshot.gaps), [
    [
      'not-kubernetes',
      `${file}:2`,
      `${file}:2: document has no kind — add apiVersion and kind, or remove it`,
    ],
  ]);
  assert.deepEqual(
    snapshot.objects.map((o) => o.ref),
    ['Namespace/kept'],
  );
});

test('an unrendered Helm template is named, while Go templates inside rendered values are kept', async () => {
  const file = fixture('broken', 'helm.yaml');
  const snapshot = await collectFiles([file]);
  assert.deepEqual(messages(snapshot.gaps), [
    [
      'parse-error',
      `${file}:4`,
      `${file}:4: looks like an unrendered Helm template — run \`helm template\` first`,
    ],
  ]);
  assert.deepEqual(
    snapshot.objects.map((o) => o.ref),
    ['ConfigMap/monitoring/alert-rules'],
  );
  const unparsable = await collectFiles(['-'], {
    stdin: stdinOf('kind: Pod\nmetadata:\n  name: x\nspec:\n{{- if .Values.enabled }}\n  - oops: [\n'),
  });
  assert.deepEqual(
    messages(unparsable.gaps).map((gap) => gap[2]),
    ['<stdin>:5: looks like an unrendered Helm template — run `helm template` first'],
  );
});

test('documents that are not objects, and top-level JSON arrays, are reported', async () => {
  const yaml = await collectFiles(['-'], { stdin: stdinOf('just a string\n---\n- a\n- b\n') });
  assert.deepEqual(
    messages(yaml.gaps).map((gap) => gap[2]),
    [
      '<stdin>:1: document is a string, not a Kubernetes object — remove it, or give it apiVersion, kind and metadata',
      '<stdin>:3: document is an array, not a Kubernetes object — wrap the objects in a List (kind: List, items: [...])',
    ],
  );
  const json = await collectFiles(['-'], { stdin: stdinOf('\n[{"kind": "Namespace"}]') });
  assert.deepEqual(
    json.gaps.map((gap) => gap.where),
    ['<stdin>:2', '<stdin>'],
  );
});

test('text that is neither YAML nor JSON, oversized documents and YAML bombs become gaps', async () => {
  const garbage = await collectFiles(['-'], { stdin: stdinOf('{ "kind": "Pod" ]\n') });
  assert.deepEqual(
    messages(garbage.gaps).map((gap) => gap[0]),
    ['parse-error'],
  );
  const big = `kind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ${'x'.repeat(5000)}\n---\nkind: Namespace\nmetadata: {name: small}\n`;
  const limited = await collectFiles(['-'], { stdin: stdinOf(big), maxObjectBytes: 1024 });
  assert.deepEqual(
    limited.objects.map((o) => o.ref),
    ['Namespace/small'],
  );
  assert.deepEqual(
    limited.gaps.map((gap) => [gap.kind, gap.message]),
    [
      [
        'limit-exceeded',
        '<stdin>:1: document size exceeded (5053 > 1024 bytes) — raise with --max-document-bytes',
      ],
    ],
  );
  const bomb = [
    'kind: ConfigMap',
    'metadata: {name: bomb}',
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  ].join('\n');
  const exploded = await collectFiles(['-'], { stdin: stdinOf(bomb) });
  assert.deepEqual(messages(exploded.gaps), [
    [
      'limit-exceeded',
      '<stdin>:1',
      '<stdin>:1: YAML alias expansion exceeded (12330 > 10000 nodes) — raise with --max-aliases',
    ],
  ]);
});

test('deep nesting and wrong types are gaps or odd objects, never a crash', async () => {
  const depth = 100_000;
  const deepJson = `{"kind":"Pod","metadata":{"name":"x"},"spec":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const json = await collectFiles(['-'], { stdin: stdinOf(deepJson) });
  assert.deepEqual(messages(json.gaps), [
    [
      'limit-exceeded',
      '<stdin>:1',
      `<stdin>:1: nesting depth exceeded (${depth + 1} > 200) — raise with --max-depth`,
    ],
  ]);
  const deepYaml = `kind: Pod\nmetadata: {name: x}\nspec: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\nkind: Namespace\nmetadata: {name: ok}\n`;
  const yaml = await collectFiles(['-'], { stdin: stdinOf(deepYaml) });
  assert.deepEqual(
    yaml.objects.map((o) => o.ref),
    ['Namespace/ok'],
  );
  assert.deepEqual(
    messages(yaml.gaps).map((gap) => gap[0]),
    ['limit-exceeded'],
  );
  const odd =
    'kind: Pod\nmetadata: 7\n---\nkind: Pod\nmetadata: {name: [1], namespace: {a: 1}}\n---\nkind: Secret\nmetadata: {name: s}\ndata: 5\n';
  const typed = await collectFiles(['-'], { stdin: stdinOf(odd) });
  assert.deepEqual(
    typed.objects.map((o) => o.ref),
    ['Pod/default/@<stdin>#0', 'Pod/default/@<stdin>#1', 'Secret/default/s'],
  );
  assert.deepEqual(typed.objects[2]?.object['x-chokepoint'], { keys: [] });
});
