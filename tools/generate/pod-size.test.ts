import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateToTemp, readJsonDump, removeDump } from './dump-fixture.js';
import type { JsonObject } from './json-types.js';
import { formatJson } from './output/json-format.js';

const MIN = 6 * 1024;
const MAX = 10 * 1024;

const dump = generateToTemp({ size: 'R1k', format: 'json', seed: 11 });
after(() => removeDump(dump));
const pods = readJsonDump(dump.dir).filter((o) => o.kind === 'Pod');

test('every pod is 6-10 KB of pretty-printed JSON', () => {
  const sizes = pods.map((pod) => Buffer.byteLength(formatJson(pod)));
  const outside = sizes.filter((n) => n < MIN || n > MAX);
  assert.equal(
    outside.length,
    0,
    `${outside.length} pods outside ${MIN}..${MAX}: ${outside.slice(0, 5).join(', ')}`,
  );
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  assert.ok(mean > 7 * 1024 && mean < 9.8 * 1024, `mean ${mean.toFixed(0)}`);
});

test('every pod has two containers, env, labels and a status', () => {
  for (const pod of pods) {
    const spec = pod.spec as JsonObject;
    assert.equal((spec.containers as readonly JsonObject[]).length, 2, pod.metadata.name);
    assert.ok(pod.metadata.labels, pod.metadata.name);
    assert.ok((pod.status as JsonObject).containerStatuses, pod.metadata.name);
  }
  assert.ok(pods.some((pod) => ((pod.spec as JsonObject).containers as readonly JsonObject[])[0]!.env));
});

function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value);
  return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysSorted);
}

test('pods print like kubectl: keys sorted at every level, 4-space indent', () => {
  for (const pod of pods.slice(0, 50)) {
    const text = formatJson(pod);
    assert.ok(keysSorted(JSON.parse(text)), pod.metadata.name);
    assert.equal(text, JSON.stringify(JSON.parse(text), null, 4));
  }
});
