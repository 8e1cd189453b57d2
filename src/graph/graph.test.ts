import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { Edge, TechniqueId } from '../techniques/types.js';
import { buildGraph, compareRefs } from './graph.js';

const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;
const edge = (technique: TechniqueId, from: string, to: string, says: string): Edge => ({
  technique,
  from,
  to,
  evidence: [{ ref: from, says }],
  fixes: [],
});

test('twins merge in input order, edges sort by source, target and technique, and each input edge is traced', () => {
  const input = [
    edge('exec-into-pod', 'b', 'a', 'first'),
    edge('attach-to-pod', 'b', 'a', 'other technique'),
    edge('exec-into-pod', 'a', 'c', 'third'),
    edge('exec-into-pod', 'b', 'a', 'twin'),
    edge('exec-into-pod', 'a', 'b', 'fifth'),
  ];
  const graph = buildGraph(input, metaOf, ['z']);
  assert.deepEqual(graph.nodes, ['a', 'b', 'c', 'z']);
  const keys = graph.edges.map((e) => `${e.from}>${e.to} ${e.technique}`);
  assert.deepEqual(keys, [
    'a>b exec-into-pod',
    'a>c exec-into-pod',
    'b>a attach-to-pod',
    'b>a exec-into-pod',
  ]);
  assert.deepEqual([...keys].sort(compareRefs), keys);
  // The twin's evidence follows the first's: merged in the order they came.
  assert.deepEqual(
    graph.edges[3]!.evidence.map((e) => e.says),
    ['first', 'twin'],
  );
  assert.deepEqual([...graph.edgeOfInput!], [3, 2, 1, 3, 0]);
  input.forEach((raw, i) => {
    const merged = graph.edges[graph.edgeOfInput![i]!]!;
    assert.deepEqual([merged.technique, merged.from, merged.to], [raw.technique, raw.from, raw.to]);
    assert.equal(graph.nodes[graph.from[graph.edgeOfInput![i]!]!], raw.from);
    assert.equal(graph.nodes[graph.to[graph.edgeOfInput![i]!]!], raw.to);
  });
});
