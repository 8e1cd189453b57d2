import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { csrOf, dominatorsOf, immediateDominators } from './dominators.js';

/** Brute force: d dominates v when removing d makes v unreachable from the root. */
function bruteDominators(n: number, edges: readonly [number, number][], root: number, v: number): number[] {
  const reach = (removed: number) => {
    const seen = new Set<number>([root]);
    const stack = [root];
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (const [a, b] of edges)
        if (a === u && b !== removed && !seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
    }
    return seen;
  };
  if (!reach(-1).has(v)) return [];
  const out: number[] = [];
  for (let d = 0; d < n; d++) if (d !== v && (d === root || !reach(d).has(v))) out.push(d);
  return out;
}

test('dominators: a diamond has only the root and the join point above the sink', () => {
  // 0 → 1 → 3, 0 → 2 → 3, 3 → 4
  const edges: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 3],
    [2, 3],
    [3, 4],
  ];
  const idom = immediateDominators(
    csrOf(
      5,
      edges.map((e) => e[0]),
      edges.map((e) => e[1]),
    ),
    0,
  );
  assert.deepEqual([...idom], [0, 0, 0, 0, 3]);
  assert.deepEqual(dominatorsOf(idom, 4), [3, 0]);
});

test('dominators: unreachable nodes have none', () => {
  const idom = immediateDominators(csrOf(3, [0], [1]), 0);
  assert.equal(idom[2], -1);
  assert.deepEqual(dominatorsOf(idom, 2), []);
});

test('dominators agree with brute force on random graphs (cycles included)', () => {
  const graph = fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    }),
  );
  fc.assert(
    fc.property(graph, ({ n, edges }) => {
      const idom = immediateDominators(
        csrOf(
          n,
          edges.map((e) => e[0]),
          edges.map((e) => e[1]),
        ),
        0,
      );
      for (let v = 1; v < n; v++) {
        assert.deepEqual(
          dominatorsOf(idom, v).sort((a, b) => a - b),
          bruteDominators(n, edges, 0, v),
        );
      }
    }),
    { numRuns: 300 },
  );
});
