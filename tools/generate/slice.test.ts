import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { generateToTemp, objectKey, readJsonDump, removeDump } from './dump-fixture.js';
import type { KubeObject } from './json-types.js';
import { YAML_FILE_NAME } from './output/yaml-sink.js';
import { sliceCluster } from './slice.js';

const json = generateToTemp({ size: 'R1k', format: 'json', seed: 4 });
const yaml = generateToTemp({ size: 'R1k', format: 'yaml', seed: 4 });
const out = mkdtempSync(join(tmpdir(), 'chokepoint-slice-'));
after(() => {
  [json, yaml].forEach(removeDump);
  rmSync(out, { recursive: true, force: true });
});

test('json and yaml slices of one cluster keep the cluster scope and the same first namespaces, nothing else', () => {
  const keptJson = sliceCluster({ from: json.dir, to: join(out, 'json'), format: 'json', namespaces: 3 });
  const keptYaml = sliceCluster({ from: yaml.dir, to: join(out, 'yaml'), format: 'yaml', namespaces: 3 });
  const all = readJsonDump(json.dir);
  const namespaces = [
    ...new Set(all.flatMap((o) => (o.metadata.namespace ? [o.metadata.namespace] : []))),
  ].sort();
  assert.deepEqual(keptJson, namespaces.slice(0, 3));
  assert.deepEqual(keptYaml, keptJson);
  const kept = new Set(keptJson);
  const expected = all
    .filter((o) => o.metadata.namespace === undefined || kept.has(o.metadata.namespace))
    .map(objectKey)
    .sort();
  assert.ok(expected.length < all.length, 'the slice drops something');
  assert.deepEqual(readJsonDump(join(out, 'json')).map(objectKey).sort(), expected);
  const documents = parseAllDocuments(readFileSync(join(out, 'yaml', YAML_FILE_NAME), 'utf8'));
  const fromYaml = (Array.isArray(documents) ? documents : [documents]).map((d) => {
    assert.equal(d.errors.length, 0, String(d.errors[0]));
    return objectKey(d.toJS() as KubeObject);
  });
  assert.deepEqual(fromYaml.sort(), expected);
});
