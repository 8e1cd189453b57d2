import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { JsonObject } from './json-types.js';
import { formatJson } from './output/json-format.js';
import { formatYaml } from './output/yaml-format.js';
import { Random } from './random.js';

const TRICKY: JsonObject = {
  empty: '',
  bools: ['true', 'yes', 'off', 'y', 'N'],
  numbers: ['8080', '0755', '1e3', '0x1f', '.5', '1.2.3', '25%', '500m'],
  time: '2024-01-02T03:04:05Z',
  star: '*',
  cron: '*/15 * * * *',
  colon: 'a: b',
  hash: 'x #y',
  flow: '{"a":1}',
  managedKey: { 'k:{"name":"app"}': { '.': {} } },
  block: '{"kind":"Deployment"}\n',
  twoLines: 'first\nsecond',
  quote: "it's",
  nothing: null,
  nested: [[1, 2], [], {}],
};

test('yaml output parses back to the same value, quoting what YAML would misread', () => {
  assert.deepStrictEqual(parse(formatYaml(TRICKY)), TRICKY);
  assert.deepStrictEqual(parse(formatYaml(TRICKY), { version: '1.1' }), TRICKY);
});

test('yaml looks like kubectl: sorted keys, unindented sequences, go-yaml quoting', () => {
  const text = formatYaml({
    spec: { containers: [{ name: 'a', image: 'x:1' }] },
    apiVersion: 'v1',
    b: 'true',
  });
  assert.equal(text, 'apiVersion: v1\nb: "true"\nspec:\n  containers:\n  - image: x:1\n    name: a\n');
  assert.equal(formatYaml({ rules: ['*'] }), "rules:\n- '*'\n");
});

test('json output matches Go: sorted keys, 4 spaces, HTML characters escaped', () => {
  assert.equal(formatJson({ b: 1, a: [] }), '{\n    "a": [],\n    "b": 1\n}');
  assert.equal(formatJson({ s: 'a<b&c>' }), '{\n    "s": "a\\u003cb\\u0026c\\u003e"\n}');
});

test('the PRNG is deterministic and forks are independent of the parent draw count', () => {
  const a = new Random(7);
  const b = new Random(7);
  assert.deepEqual([a.uint32(), a.uint32()], [b.uint32(), b.uint32()]);
  assert.equal(a.fork('x').uid(), new Random(7).fork('x').uid());
  assert.match(new Random(1).uid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
