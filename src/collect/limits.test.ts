import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depthOf } from './limits.js';

test('depthOf counts maps and lists alike, and scalars not at all', () => {
  const cases: [unknown, number][] = [
    ['text', 0],
    [null, 0],
    [{}, 1],
    [[], 1],
    [{ a: 1, b: 'x' }, 1],
    [[1, 2, 3], 1],
    [{ a: [{ b: [] }] }, 4],
    [[[[[]]], {}], 4],
    // The deepest branch counts, wherever it sits among its siblings.
    [{ a: {}, b: { c: [1, [2]] }, d: [] }, 4],
    [[{}, [], [[{ deep: {} }]], 'x'], 5],
  ];
  for (const [value, depth] of cases) assert.equal(depthOf(value), depth, JSON.stringify(value));
});

test('depthOf walks any depth without recursion', () => {
  let value: unknown = 1;
  for (let i = 0; i < 100_000; i++) value = i % 2 === 0 ? [value] : { a: value };
  assert.equal(depthOf(value), 100_000);
});
