/**
 * The streaming collector (1 MiB chunks, List items split out and parsed one by one) and the simple path (each
 * file read whole and given to one `JSON.parse`, its items' lines found by a plain text search) give byte-identical
 * JSON reports on a generated cluster.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FileIngest } from '../../src/collect/ingest.js';
import { DEFAULT_LIMITS } from '../../src/collect/limits.js';
import type { SnapshotObject } from '../../src/collect/snapshot.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import { REPORTERS } from '../../src/report/formats.js';
import { withGenerated } from './generated.js';

/** 1-based line of each List item's first key: the line after an item's opening brace (generated indentation). */
function itemLines(text: string): number[] {
  const lines = text.split('\n');
  return lines.flatMap((_line, i) => (i > 0 && lines[i - 1] === '        {' ? [i + 1] : []));
}

function simpleObjects(paths: readonly string[]): SnapshotObject[] {
  const objects: SnapshotObject[] = [];
  for (const file of paths) {
    const text = readFileSync(file, 'utf8');
    const ingest = new FileIngest(file, { maxHeldBytes: 2 * 1024 * 1024, limits: DEFAULT_LIMITS });
    ingest.document(JSON.parse(text), { line: 2, doc: 0 }, { itemLines: itemLines(text) });
    ingest.finish();
    assert.deepEqual(ingest.gaps, [], `${file} reads without gaps`);
    for (const object of ingest.objects) objects.push(object);
  }
  return objects;
}

test('R1k: the streaming collector and whole-file JSON.parse give identical JSON reports', async () => {
  await withGenerated({ size: 'R1k', seed: 1 }, (_dir, loaded) => {
    const { snapshot } = loaded;
    assert.equal(snapshot.source.type, 'files');
    const paths = snapshot.source.type === 'files' ? snapshot.source.paths : [];
    const simple = { ...snapshot, objects: simpleObjects(paths) };
    assert.equal(simple.objects.length, snapshot.objects.length);
    const report = (s: typeof snapshot) =>
      REPORTERS.json(buildReport(analyze(s, DEFAULT_CONFIG, loaded.builtIn), { version: 'test' }), {
        color: false,
        width: 100,
      });
    assert.equal(report(simple), report(snapshot));
  });
});
