import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Snapshot, SnapshotObject } from './snapshot.js';
import { readSnapshotFile, SNAPSHOT_FILE_KIND, snapshotFilePieces } from './snapshot-file.js';

const folder = mkdtempSync(join(tmpdir(), 'chokepoint-snapshot-file-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const fileOf = (text: string): string => {
  const file = join(folder, `snapshot-${files++}.json`);
  writeFileSync(file, text);
  return file;
};

const pod = (name: string, line: number): SnapshotObject => ({
  ref: `Pod/shop/${name}`,
  kind: 'Pod',
  apiVersion: 'v1',
  namespace: 'shop',
  name,
  object: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { containers: [{ name: 'app', image: 'shop/app:1', securityContext: { privileged: true } }] },
  },
  location: { file: 'pods.json', line, doc: 0, itemPath: ['items', line] },
});

const snapshotOf = (objects: SnapshotObject[]): Snapshot => ({
  source: { type: 'cluster', server: 'https://127.0.0.1:6443', context: 'admin' },
  objects,
  gaps: [{ kind: 'forbidden', where: 'secrets in kube-system', message: 'list secrets: 403' }],
  kindCounts: { Pod: objects.length },
  kubeVersion: '1.36',
});

const textOf = (snapshot: Snapshot) => [...snapshotFilePieces(snapshot)].join('');

test('a snapshot read back is the snapshot written, its repeated subtrees shared', async () => {
  const written = snapshotOf([pod('web-1', 3), pod('web-2', 40)]);
  const read = await readSnapshotFile(fileOf(textOf(written)));
  assert.ok(read.ok);
  assert.deepEqual(read.snapshot, written);
  const [a, b] = read.snapshot.objects as [SnapshotObject, SnapshotObject];
  const containers = (o: SnapshotObject) => (o.object.spec as { containers: unknown }).containers;
  assert.equal(containers(a), containers(b));
  assert.equal(a.location?.file, b.location?.file);
});

test('the file is format 1: the marker first, one object per line, written in bounded pieces', () => {
  const objects = Array.from({ length: 2_000 }, (_, i) => pod(`web-${i}`, i));
  const pieces = [...snapshotFilePieces(snapshotOf(objects))];
  const longest = Math.max(...objects.map((o) => JSON.stringify(o).length));
  assert.ok(pieces.length > 1);
  for (const piece of pieces) assert.ok(piece.length < (1 << 16) + longest + 2, `a piece of ${piece.length}`);
  const { objects: _objects, ...rest } = snapshotOf(objects);
  const head = JSON.stringify({ kind: SNAPSHOT_FILE_KIND, schemaVersion: 1, ...rest });
  const lines = objects.map((o) => JSON.stringify(o)).join(',\n');
  assert.equal(pieces.join(''), `${head.slice(0, -1)},\n"objects":[\n${lines}\n]}\n`);
});

test('a snapshot of no objects reads back empty', async () => {
  const read = await readSnapshotFile(fileOf(textOf(snapshotOf([]))));
  assert.ok(read.ok);
  assert.deepEqual(read.snapshot.objects, []);
});

test('a broken snapshot file is a message that names the problem, never a crash', async () => {
  const good = textOf(snapshotOf([pod('web-1', 3), pod('web-2', 40)]));
  const cases: [string, string, RegExp][] = [
    ['truncated', good.slice(0, good.length - 60), /not a readable snapshot file \(.*end of file/],
    [
      'bad JSON in an object',
      good.replace('"name":"web-2"', '"name":web-2'),
      /not a readable snapshot file \(line 4: /,
    ],
    [
      'an object that is not one',
      good.replace(/\{"ref":"Pod\/shop\/web-2"[^\n]*/, '{"ref":7}'),
      /line 4: not a snapshot object/,
    ],
    ['no objects', good.replace(/"objects":\[[\s\S]*\]\}/, '"objects":null}'), /without objects or source/],
    ['another version', good.replace('"schemaVersion":1', '"schemaVersion":9'), /snapshot format 9 is not 1/],
    ['two values', `${good}{}\n`, /not one JSON object/],
  ];
  for (const [what, text, message] of cases) {
    const read = await readSnapshotFile(fileOf(text));
    assert.equal(read.ok, false, what);
    assert.match(read.ok ? '' : read.message, message, what);
  }
  const missing = await readSnapshotFile(join(folder, 'missing.json'));
  assert.match(missing.ok ? '' : missing.message, /not a readable snapshot file \(ENOENT/);
});
