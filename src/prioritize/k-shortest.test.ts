import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Graph } from '../graph/graph.js';
import { kShortestPaths } from './k-shortest.js';

/** A graph with only what the path search reads. */
function graphOf(n: number, edges: readonly (readonly [number, number, number])[]): Graph {
  return {
    nodes: Array.from({ length: n }, (_, i) => `n${i}`),
    edges: edges.map(() => ({})),
    from: Int32Array.from(edges.map((e) => e[0])),
    to: Int32Array.from(edges.map((e) => e[1])),
    cost: Int32Array.from(edges.map((e) => e[2])),
  } as unknown as Graph;
}

/** Every simple path from a source to a target, by brute force: its cost with the target's cost. */
function allPathCosts(
  edges: readonly (readonly [number, number, number])[],
  sources: readonly number[],
  targets: ReadonlyMap<number, number>,
): number[] {
  const costs: number[] = [];
  const walk = (v: number, seen: Set<number>, cost: number) => {
    if (targets.has(v)) costs.push(cost + targets.get(v)!);
    edges.forEach(([a, b, c]) => {
      if (a === v && !seen.has(b)) walk(b, new Set([...seen, b]), cost + c);
    });
  };
  for (const s of sources) walk(s, new Set([s]), 0);
  return costs.sort((a, b) => a - b);
}

test('k shortest paths: the diamond gives both routes, cheapest first, each loopless', () => {
  const graph = graphOf(4, [
    [0, 1, 100],
    [0, 2, 50],
    [1, 3, 0],
    [2, 3, 200],
    [3, 0, 0],
  ]);
  const paths = kShortestPaths(graph, { sources: [0], targets: new Map([[3, 10]]), limit: 10 });
  assert.deepEqual(
    paths.map((p) => [p.cost, p.edges]),
    [
      [110, [0, 2]],
      [260, [1, 3]],
    ],
  );
});

test('k shortest paths agree with brute-force enumeration on random graphs', () => {
  const arbitrary = fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 3000 })), {
        maxLength: n * 3,
        selector: (e) => `${e[0]}-${e[1]}`,
      }),
      limit: fc.integer({ min: 1, max: 12 }),
    }),
  );
  fc.assert(
    fc.property(arbitrary, ({ n, edges, limit }) => {
      const targets = new Map([[n - 1, 737]]);
      const expected = allPathCosts(edges, [0], targets).slice(0, limit);
      const paths = kShortestPaths(graphOf(n, edges), { sources: [0], targets, limit });
      assert.deepEqual(
        paths.map((p) => p.cost),
        expected,
      );
      for (const path of paths) {
        const nodes = [0, ...path.edges.map((e) => edges[e]![1])];
        assert.equal(new Set(nodes).size, nodes.length, 'loopless');
      }
    }),
    { numRuns: 300 },
  );
});
