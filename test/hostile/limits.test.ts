import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages, read } from './read.js';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const refs = (snapshot: { objects: readonly { ref: string }[] }) => snapshot.objects.map((o) => o.ref);

test('document size: the large document is skipped with its size and flag; the next one is read', async () => {
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: ${'x'.repeat(600)}\n  b: ${'y'.repeat(600)}\n`;
  const snapshot = await read(`${big}---\n${ns('after')}`, { 'document-bytes': 1000 });
  assert.deepEqual(refs(snapshot), ['Namespace/after']);
  assert.deepEqual(messages(snapshot), [
    `<stdin>:1: document size exceeded (${Buffer.byteLength(big)} > 1000 bytes) — raise with --max-document-bytes`,
  ]);
  assert.equal(snapshot.gaps[0]?.kind, 'limit-exceeded');
  const raised = await read(`${big}---\n${ns('after')}`, { 'document-bytes': 2000 });
  assert.deepEqual(refs(raised), ['ConfigMap/default/big', 'Namespace/after']);
});

test('document size in JSON: a List item past the limit is skipped; its neighbours are kept', async () => {
  const item = (name: string, pad = '') => `{"kind":"Namespace","metadata":{"name":"${name}"${pad}}}`;
  const large = item('large', `,"labels":{"a":"${'z'.repeat(300)}"}`);
  const text = `{"kind":"List","items":[\n${item('a')},\n${large},\n${item('b')}\n]}\n`;
  const snapshot = await read(text, { 'document-bytes': 200 });
  assert.deepEqual(refs(snapshot), ['Namespace/a', 'Namespace/b']);
  assert.deepEqual(messages(snapshot), [
    `<stdin>:3: document size exceeded (${large.length} > 200 bytes) — raise with --max-document-bytes`,
  ]);
});

test('line length: a YAML line past the limit skips its document at that line', async () => {
  const line = `  blob: ${'q'.repeat(500)}`;
  const text = `${ns('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n${line}\n---\n${ns('after')}`;
  const snapshot = await read(text, { 'line-bytes': 256 });
  assert.deepEqual(refs(snapshot), ['Namespace/before', 'Namespace/after']);
  assert.deepEqual(messages(snapshot), [
    `<stdin>:9: line length exceeded (${line.length + 1} > 256 bytes) — raise with --max-line-bytes`,
  ]);
});

test('nesting depth: measured on the parsed value, in YAML and JSON, at the default and a given limit', async () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const json = `{"kind":"ConfigMap","metadata":{"name":"deep"},"data":${nested(10)}}`;
  const limited = await read(json, { depth: 8 });
  assert.deepEqual(messages(limited), [
    '<stdin>:1: nesting depth exceeded (11 > 8) — raise with --max-depth',
  ]);
  assert.deepEqual(refs(await read(json, { depth: 11 })), ['ConfigMap/default/deep']);
  const yaml = `kind: ConfigMap\nmetadata: {name: deep}\ndata: ${nested(300)}\n---\n${ns('after')}`;
  const byDefault = await read(yaml);
  assert.deepEqual(refs(byDefault), ['Namespace/after']);
  assert.deepEqual(messages(byDefault), [
    '<stdin>:1: nesting depth exceeded (301 > 200) — raise with --max-depth',
  ]);
  // Deeper than the YAML parser reads at all: still a limit gap at the document, never a crash.
  const tooDeep = `kind: ConfigMap\nmetadata: {name: deep}\ndata: ${nested(5000)}\n---\n${ns('after')}`;
  const parser = await read(tooDeep, { depth: 100_000 });
  assert.deepEqual(refs(parser), ['Namespace/after']);
  assert.match(
    messages(parser)[0]!,
    /^<stdin>:\d+: nesting depth exceeded \(deeper than the parser reads > 100000\)/,
  );
});

test('aliases: a billion-laughs document is measured and refused, never expanded; modest reuse is read', async () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
  const snapshot = await read(`${bomb}---\n${ns('after')}`);
  assert.deepEqual(refs(snapshot), ['Namespace/after']);
  assert.match(
    messages(snapshot)[0]!,
    /^<stdin>:1: YAML alias expansion exceeded \(\d+ > 10000 nodes\) — raise with --max-aliases$/,
  );
  const reuse =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources: &r {limits: {cpu: 1}}\n  - name: b\n    resources: *r\n';
  assert.deepEqual(refs(await read(reuse)), ['Pod/default/p']);
  assert.deepEqual(messages(await read(reuse, { aliases: 2 })), [
    '<stdin>:1: YAML alias expansion exceeded (5 > 2 nodes) — raise with --max-aliases',
  ]);
  const self = 'kind: ConfigMap\nmetadata: {name: self}\ndata: &d {a: *d}\n';
  assert.equal((await read(self)).objects.length, 0, 'an alias inside its own anchor is refused');
});

test('documents per file: the ones past the limit are one gap at the first of them; the others are read', async () => {
  const text = ['a', 'b', 'c', 'd', 'e'].map(ns).join('---\n');
  const snapshot = await read(text, { documents: 3 });
  assert.deepEqual(refs(snapshot), ['Namespace/a', 'Namespace/b', 'Namespace/c']);
  assert.deepEqual(messages(snapshot), [
    '<stdin>:12: documents in one file exceeded (5 > 3) — raise with --max-documents',
  ]);
  const json = ['a', 'b', 'c'].map((n) => `{"kind":"Namespace","metadata":{"name":"${n}"}}`).join('\n');
  const fromJson = await read(json, { documents: 2 });
  assert.deepEqual(refs(fromJson), ['Namespace/a', 'Namespace/b']);
  assert.deepEqual(messages(fromJson), [
    '<stdin>:3: documents in one file exceeded (3 > 2) — raise with --max-documents',
  ]);
});
