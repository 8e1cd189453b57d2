import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOf, messages, read } from './read.js';

const refs = (snapshot: { objects: readonly { ref: string }[] }) => snapshot.objects.map((o) => o.ref);

test('wrong shapes are data problems: the model reads them as absent, and the analysis runs', async () => {
  const docs = [
    'kind: Pod\nmetadata: {name: a, namespace: ns}\nspec: {containers: "x"}',
    'kind: Pod\nmetadata: {name: b, namespace: ns}\nspec: {containers: [{name: c, securityContext: []}]}',
    'kind: Pod\nmetadata: {name: c, namespace: ns}\nspec: {containers: [{name: 7, image: 8, ports: [{hostPort: "80"}]}], hostPID: 1}',
    'kind: Deployment\nmetadata: {name: d, namespace: ns}\nspec: {template: {spec: {containers: [null, {name: ~}], volumes: [null]}}}',
    'kind: RoleBinding\nmetadata: {name: e, namespace: ns}\nroleRef: null\nsubjects: [null, 3, {kind: ServiceAccount}]',
    'kind: ClusterRole\nmetadata: {name: f}\nrules: [{verbs: "*", resources: 5}, null]',
    'kind: Service\nmetadata: {name: g, namespace: ns}\nspec: {type: [LoadBalancer], ports: "80", selector: 1}',
    'kind: NetworkPolicy\nmetadata: {name: h, namespace: ns}\nspec: {podSelector: [], ingress: {from: 1}}',
    'kind: Namespace\nmetadata: {name: ns, labels: null}',
    'kind: Node\nmetadata: {name: n, labels: [1]}\nspec: {taints: "x"}',
    'kind: Pod\nmetadata: null\nspec: null',
  ];
  const snapshot = await read(docs.join('\n---\n'));
  assert.equal(snapshot.objects.length, docs.length);
  const analysis = analysisOf(snapshot);
  assert.ok(analysis.model.workloads.length >= 3);
  const c = analysis.model.workload('Pod/ns/c');
  assert.equal(c?.hostPID, false, 'a number is not a boolean');
});

test('encodings and line endings: a BOM, CRLF, a tab in a value and invalid UTF-8 read like clean input', async () => {
  const clean = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: clean\n';
  const bom = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean)]));
  assert.deepEqual(refs(bom), ['Namespace/clean']);
  const crlf = await read(`${clean}---\n${clean.replace('clean', 'other')}`.replace(/\n/g, '\r\n'));
  assert.deepEqual(refs(crlf), ['Namespace/clean', 'Namespace/other']);
  const tab = await read('kind: ConfigMap\nmetadata: {name: t}\ndata:\n  a: "x\ty"\n');
  assert.deepEqual(refs(tab), ['ConfigMap/default/t']);
  const invalid = Buffer.concat([
    Buffer.from('kind: ConfigMap\nmetadata: {name: u}\ndata:\n  a: '),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    Buffer.from(`\n---\n${clean}`),
  ]);
  assert.deepEqual(refs(await read(invalid)), ['ConfigMap/default/u', 'Namespace/clean']);
});

test('JSON with comments is named as such, with the line of the first comment', async () => {
  const snapshot = await read('{\n  "kind": "Namespace",\n  // why\n  "metadata": {"name": "x"}\n}\n');
  assert.deepEqual(messages(snapshot), [
    '<stdin>:3: invalid JSON: comments are not allowed in JSON — remove the comments',
  ]);
  const block = await read('{"kind": "Namespace", /* why */ "metadata": {"name": "x"}}\n');
  assert.deepEqual(messages(block), [
    '<stdin>:1: invalid JSON: comments are not allowed in JSON — remove the comments',
  ]);
});

test('unrendered Helm templates: the message says to run helm template first; rendered documents around it are read', async () => {
  const text = [
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: before}',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  replicas: {{ .Values.replicas }}',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: {{- include "chart.labels" . | nindent 4 }}',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: after}',
  ].join('\n---\n');
  const snapshot = await read(text);
  assert.deepEqual(refs(snapshot), ['Namespace/before', 'Namespace/after']);
  assert.deepEqual(messages(snapshot), [
    '<stdin>:8: looks like an unrendered Helm template — run `helm template` first',
    '<stdin>:16: looks like an unrendered Helm template — run `helm template` first',
  ]);
});

// Found by the fuzzer: a NUL anywhere in the first 8 KiB made the whole file "binary", so one stray byte in one
// manifest hid every other document of the file.
test('regression: a NUL byte inside one document skips that document only, not the file', async () => {
  const before = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: before}\n';
  const after = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: after}\n';
  const broken = Buffer.from('kind: ConfigMap\nmetadata: {name: x}\ndata: {a: "\u0000"}\n: : :\n');
  const snapshot = await read(
    Buffer.concat([Buffer.from(`${before}---\n`), broken, Buffer.from(`---\n${after}`)]),
  );
  assert.deepEqual(refs(snapshot), ['Namespace/before', 'Namespace/after']);
  assert.match(messages(snapshot)[0] ?? '', /^<stdin>:\d+: /);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  assert.deepEqual(messages(await read(png)), [
    '<stdin>: binary file, not YAML or JSON — remove it from the input',
  ]);
});
