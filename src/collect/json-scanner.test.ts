import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonScanner, type JsonScanSink } from './json-scanner.js';

type Event = readonly [string, ...unknown[]];

function scan(chunks: readonly Buffer[], capture = true): Event[] {
  const events: Event[] = [];
  const sink: JsonScanSink = {
    value: (v) => events.push(['value', v.doc, v.text, v.startLine, v.line, v.start, v.end]),
    item: (v) => events.push(['item', v.doc, v.item, v.text, v.startLine, v.line, v.start, v.end]),
    envelope: (v) => events.push(['envelope', v.doc, v.text, v.items, v.complete, v.line]),
    error: (e) => events.push(['error', e.line, `${e.what} — ${e.todo}`]),
  };
  const scanner = new JsonScanner(sink, { maxTextBytes: 1 << 20, capture });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return events;
}

function splitAt(bytes: Buffer, ...cuts: number[]): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(bytes.subarray(from, cut));
    from = cut;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

const LIST = Buffer.from(
  [
    '\ufeff{',
    '    "apiVersion": "v1",',
    '    "items": [',
    '        {',
    '            "kind": "Pod",',
    '            "metadata": {"name": "caf\u00e9 \\"q\\" \\\\", "labels": {"items": "[x]"}}',
    '        },',
    '        {}, "s\u00fc", 42, [1, {"a": []}]',
    '    ],',
    '    "kind": "List",',
    '    "metadata": {"resourceVersion": ""}',
    '}',
    '{"kind": "Namespace", "metadata": {"name": "n\u00e9"}} 7',
    '',
  ].join('\r\n'),
);

test('finds list items, their first-key lines and the envelope without them', () => {
  const events = scan([LIST]);
  const items = events.filter((e) => e[0] === 'item');
  assert.equal(items.length, 5);
  assert.deepEqual(items[0]?.slice(1, 6), [
    0,
    0,
    '{\r\n            "kind": "Pod",\r\n            "metadata": {"name": "caf\u00e9 \\"q\\" \\\\", "labels": {"items": "[x]"}}\r\n        }',
    4,
    5,
  ]);
  assert.deepEqual(
    items.map((e) => [e[3], e[5]]),
    [
      [items[0]?.[3], 5],
      ['{}', 8],
      ['"s\u00fc"', 8],
      ['42', 8],
      ['[1, {"a": []}]', 8],
    ],
  );
  const envelope = events.find((e) => e[0] === 'envelope');
  assert.deepEqual(JSON.parse(envelope?.[2] as string), {
    apiVersion: 'v1',
    items: [],
    kind: 'List',
    metadata: { resourceVersion: '' },
  });
  assert.equal(envelope?.[3], 5);
  const values = events.filter((e) => e[0] === 'value');
  assert.deepEqual(
    values.map((e) => [e[1], e[2], e[4]]),
    [
      [1, '{"kind": "Namespace", "metadata": {"name": "n\u00e9"}}', 13],
      [2, '7', 13],
    ],
  );
  assert.equal(
    events.some((e) => e[0] === 'error'),
    false,
  );
});

test('byte offsets cut the exact value text out of the file', () => {
  const events = scan([LIST]);
  for (const e of events.filter((x) => x[0] === 'item' || x[0] === 'value')) {
    const [start, end] = e[0] === 'item' ? [e[6], e[7]] : [e[5], e[6]];
    const text = e[0] === 'item' ? e[3] : e[2];
    assert.equal(LIST.toString('utf8', start as number, end as number), text);
  }
});

test('gives identical events wherever the input is split, for every one and two cut points', () => {
  const expected = scan([LIST]);
  for (let cut = 0; cut <= LIST.length; cut++) {
    assert.deepEqual(scan(splitAt(LIST, cut)), expected, `split at byte ${cut}`);
  }
  for (let cut = 1; cut < LIST.length - 1; cut += 7) {
    assert.deepEqual(scan(splitAt(LIST, cut, cut + 1)), expected, `split at ${cut} and ${cut + 1}`);
  }
  const bytes = [...LIST].map((b) => Buffer.from([b]));
  assert.deepEqual(scan(bytes), expected, 'one byte per chunk');
});

test('without capture it still reports offsets, lines and counts', () => {
  const events = scan([LIST], false);
  assert.equal(events.filter((e) => e[0] === 'item').length, 5);
  assert.equal(
    events.every((e) => e[0] === 'error' || (e[0] === 'item' ? e[3] : e[2]) === undefined),
    true,
  );
});

test('reports a truncated list after the items it completed', () => {
  const cut = LIST.indexOf('"s\u00fc"');
  const events = scan([LIST.subarray(0, cut)]);
  assert.deepEqual(
    events.map((e) => e[0]),
    ['item', 'item', 'envelope', 'error'],
  );
  assert.deepEqual(events[2]?.slice(3, 5), [2, false]);
  assert.deepEqual(events[3], [
    'error',
    8,
    'unexpected end of file inside a value — the file may be truncated; export it again',
  ]);
});

test('stops at a mismatched bracket and at text that is not JSON', () => {
  assert.deepEqual(scan([Buffer.from('{"a": [1}\n{"b": 2}')]), [
    ['error', 1, "unexpected '}' — check for a missing or extra bracket"],
  ]);
  assert.deepEqual(scan([Buffer.from('\n\nhello: world')]), [
    ['error', 3, "unexpected character 'h' outside any value — this is not JSON; fix or remove it"],
  ]);
});

test('a key named items deeper down, or not followed by an array, is not split', () => {
  const events = scan([Buffer.from('{"spec": {"items": [1]}, "items": 3}')]);
  assert.deepEqual(
    events.map((e) => e[0]),
    ['value'],
  );
});

test('deep inside an item, escapes, literals, raw newlines and a wrong bracket are read wherever it is split', () => {
  const deep = Buffer.from(
    '{"items": [{"a": {"b": [tru"e, "x\\"}\\\\", -1e3,\n "raw\nline"]}, "c": {}},\n {"d": {"e": [1}]}}]}\n',
  );
  const expected = scan([deep]);
  assert.deepEqual(
    expected.map((e) => e[0]),
    ['item', 'envelope', 'error'],
  );
  // The first item ends where its brackets close; a quote inside a literal does not start a string.
  assert.equal(expected[0]?.[3], '{"a": {"b": [tru"e, "x\\"}\\\\", -1e3,\n "raw\nline"]}, "c": {}}');
  assert.deepEqual(expected[2], ['error', 4, "unexpected '}' — check for a missing or extra bracket"]);
  for (let cut = 0; cut <= deep.length; cut++)
    assert.deepEqual(scan(splitAt(deep, cut)), expected, `split at byte ${cut}`);
});
