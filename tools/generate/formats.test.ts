import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { generateToTemp, objectKey, readJsonDump, removeDump } from './dump-fixture.js';
import type { KubeObject } from './json-types.js';
import { YAML_FILE_NAME } from './output/yaml-sink.js';

const json = generateToTemp({ size: 'R1k', format: 'json', seed: 9 });
const yaml = generateToTemp({ size: 'R1k', format: 'yaml', seed: 9 });
after(() => [json, yaml].forEach(removeDump));

test('json and yaml formats contain the same objects', () => {
  const fromJson = new Map(readJsonDump(json.dir).map((o) => [objectKey(o), o]));
  const documents = parseAllDocuments(readFileSync(join(yaml.dir, YAML_FILE_NAME), 'utf8'));
  assert.ok(!Array.isArray(documents) || documents.length > 0);
  let compared = 0;
  for (const document of documents) {
    assert.equal(document.errors.length, 0, String(document.errors[0]));
    const object = document.toJS() as KubeObject;
    assert.deepStrictEqual(object, fromJson.get(objectKey(object)), objectKey(object));
    compared++;
  }
  assert.equal(compared, fromJson.size);
  assert.deepEqual(json.counts, yaml.counts);
});

test('the yaml file is one object per document, separated by ---', () => {
  const text = readFileSync(join(yaml.dir, YAML_FILE_NAME), 'utf8');
  const separators = text.split('\n').filter((line) => line === '---').length;
  const total = [...yaml.counts.values()].reduce((a, b) => a + b, 0);
  assert.equal(separators, total - 1);
  assert.ok(text.startsWith('apiVersion: v1\nkind: Namespace\n'));
});
