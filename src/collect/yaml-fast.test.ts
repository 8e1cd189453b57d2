import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isMap, isNode, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { readFastYaml } from './yaml-fast.js';
import { YAML_OPTIONS } from './yaml-parse.js';

/** What the `yaml` package reads: the value, the root's first-key line and the `items` lines; undefined on error. */
function packageReading(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) return undefined;
  const lineOf = (node: Node): number => {
    const first = isMap(node) ? node.items[0]?.key : undefined;
    const range = (isNode(first) ? first.range : undefined) ?? node.range;
    return lineCounter.linePos(range?.[0] ?? 0).line;
  };
  const root = doc.contents;
  const items = isMap(root) ? root.get('items', true) : undefined;
  return {
    value: doc.toJS({ maxAliasCount: -1 }) as unknown,
    line: isNode(root) ? lineOf(root) : 1,
    itemLines: isSeq(items) ? items.items.map((item) => (isNode(item) ? lineOf(item) : 0)) : [],
  };
}

function assertSameAsPackage(text: string): boolean {
  const fast = readFastYaml(text);
  if (fast === undefined) return false;
  assert.deepEqual(fast, packageReading(text), text);
  return true;
}

const POD = [
  '---',
  '# Source: chart/templates/pod.yaml',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  labels:',
  '    app.kubernetes.io/name: web',
  '    hash: 5d8f9c7b6',
  '  name: web',
  'spec:',
  '  containers:',
  '  - args:',
  '    - --port=8080',
  "    - 'it''s'",
  '    image: "nginx:1.27"',
  '    name: web',
  '    ports:',
  '    - containerPort: 8080',
  '    securityContext: {}',
  '  hostNetwork: false',
  '  priority: -3',
  '  nodeSelector:',
  '  tolerations: []',
  'items:',
  '  - first',
  '  - a: 1',
  '    b: ~',
  '',
].join('\n');

test('reads plain block YAML exactly as the yaml package does: values, first-key line and item lines', () => {
  assert.equal(assertSameAsPackage(POD), true);
  assert.deepEqual(readFastYaml(POD)?.itemLines, [25, 26]);
  const indented = POD.split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
  assert.equal(assertSameAsPackage(indented.replace('    ---', '    a: b')), true);
});

test('leaves to the package every scalar the YAML 1.1 schema reads as other than a string, bool, null or integer', () => {
  for (const value of ['0755', '1.5', 'e5', '.inf', '1:20', '2024-01-01', '0x1F', '1_000', '+1', '-0']) {
    assert.equal(readFastYaml(`a: ${value}\n`), undefined, value);
    assert.equal(readFastYaml(`${value}: a\n`), undefined, `key ${value}`);
  }
  for (const value of ['yes', 'Off', 'y', '~', 'NULL', 'true', '42', '-7', 'a:b', 'x#y', '/dev/log', '-x'])
    assert.equal(assertSameAsPackage(`a: ${value}\n`), true, value);
});

test('leaves to the package what is outside the subset', () => {
  const outside = [
    'a: |\n  text\n',
    'a: >-\n  text\n',
    'a: b\n  continued\n',
    'a: [1, 2]\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: 1 # comment\n',
    'a: 1\na: 2\n',
    '<<: {}\n',
    '__proto__: 1\n',
    '"a": 1\n',
    'a: "x\\ty"\n',
    'a:\tb\n',
    'a: b \n',
    'a: b: c\n',
    '- a\n',
    'a:\n- - b\n',
    `${'a:\n'.repeat(1)}${Array.from({ length: 80 }, (_, i) => `${' '.repeat(2 * i + 2)}k:`).join('\n')}\n`,
  ];
  for (const text of outside) assert.equal(readFastYaml(text), undefined, text);
});

test('any text the fast reader accepts reads the same with the yaml package', () => {
  const lines = POD.split('\n');
  const bits = [
    ' ',
    ':',
    ': ',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '~',
    'yes',
    '0',
    '1.5',
    '{}',
    '[]',
    '*a',
    '|',
    'e5',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(40), fc.constantFrom(...bits), fc.boolean()), {
        maxLength: 4,
      }),
      (edits) => {
        const edited = [...lines];
        for (const [at, column, bit, remove] of edits) {
          const line = edited[at]!;
          const cut = Math.min(column, line.length);
          edited[at] = remove
            ? line.slice(0, cut) + line.slice(cut + 1)
            : line.slice(0, cut) + bit + line.slice(cut);
        }
        assertSameAsPackage(edited.join('\n'));
      },
    ),
    { numRuns: 3000 },
  );
});
