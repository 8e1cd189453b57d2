import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../graph/entries.js';
import { buildGraph } from '../graph/graph.js';
import { costOf, type LikelihoodClass } from '../techniques/likelihood.js';
import type { Edge, TechniqueId, TechniqueMeta } from '../techniques/types.js';
import { DEFAULT_CONFIG } from './config.js';
import { computeRisk } from './risk.js';
import { SCORE_ONE, scoreOfCost } from './score.js';

/** Technique metadata stand-in: the technique id names its likelihood class. */
const metaOf = (id: TechniqueId) => ({ likelihood: id as unknown as LikelihoodClass }) as TechniqueMeta;
const edge = (from: string, to: string, likelihood: LikelihoodClass, fixes: Edge['fixes'] = []): Edge => ({
  technique: likelihood as unknown as TechniqueId,
  from,
  to,
  evidence: [{ ref: from, says: 'test' }],
  fixes,
});
const jewelCost = (ref: string) =>
  ref === 'jewel:cluster-admin' ? 0 : ref.startsWith('jewel:node-root/') ? costOf('likely') : undefined;
const entry = (node: string, priorCost = 0): Entry => ({
  threatModel: 'container',
  node,
  priorCost,
  why: 'test',
});

test('score: fixed-point powers of two, zero when unreachable', () => {
  assert.equal(scoreOfCost(0), SCORE_ONE);
  assert.equal(scoreOfCost(1000), 500_000);
  assert.equal(scoreOfCost(2000), 250_000);
  assert.equal(scoreOfCost(Number.POSITIVE_INFINITY), 0);
  assert.equal(scoreOfCost(40_000), 0);
  for (let c = 1; c < 5000; c += 7) assert.ok(scoreOfCost(c) <= scoreOfCost(c - 1), `monotone at ${c}`);
});

test('likelihood costs are round(1000 · −log2 p)', () => {
  assert.equal(costOf('certain'), 0);
  assert.equal(costOf('possible'), Math.round(-1000 * Math.log2(0.3)));
});

test('an entry counts once, against its worst jewel', () => {
  const graph = buildGraph(
    [
      edge('a', 'jewel:node-root/workers', 'trivial'),
      edge('jewel:node-root/workers', 'jewel:cluster-admin', 'possible'),
      edge('a', 'b', 'certain'),
      edge('b', 'jewel:cluster-admin', 'certain'),
    ],
    metaOf,
  );
  const risk = computeRisk({ graph, entries: [entry('a')], config: DEFAULT_CONFIG, jewelCost });
  assert.equal(risk.entries.length, 1);
  assert.equal(risk.entries[0]!.jewel, 'jewel:cluster-admin');
  assert.equal(risk.entries[0]!.score, SCORE_ONE);
  assert.equal(risk.byThreatModel.container, SCORE_ONE);
});

test('the worst jewel is the cheapest route including the jewel value', () => {
  // Node root costs likely (737) as a jewel; reaching cluster-admin through it costs possible (1737) more.
  const graph = buildGraph(
    [
      edge('a', 'jewel:node-root/workers', 'certain'),
      edge('jewel:node-root/workers', 'jewel:cluster-admin', 'possible'),
    ],
    metaOf,
  );
  const risk = computeRisk({ graph, entries: [entry('a')], config: DEFAULT_CONFIG, jewelCost });
  assert.equal(risk.entries[0]!.jewel, 'jewel:node-root/workers');
  assert.equal(risk.entries[0]!.score, scoreOfCost(costOf('likely')));
});

test('ties break by hops, then by the sorted ref of the next node', () => {
  const graph = buildGraph(
    [
      edge('a', 'c', 'certain'),
      edge('c', 'd', 'certain'),
      edge('d', 'jewel:cluster-admin', 'certain'),
      edge('a', 'e', 'certain'),
      edge('e', 'jewel:cluster-admin', 'certain'),
      edge('a', 'b', 'certain'),
      edge('b', 'jewel:cluster-admin', 'certain'),
    ],
    metaOf,
  );
  const risk = computeRisk({ graph, entries: [entry('a')], config: DEFAULT_CONFIG, jewelCost });
  const first = risk.distances.next[graph.index.get('a')!]!;
  assert.equal(graph.nodes[graph.to[first]!], 'b');
  assert.equal(risk.distances.hops[graph.index.get('a')!], 2);
});

test('no jewel reachable means score 0; priors add to the path cost', () => {
  const graph = buildGraph([edge('a', 'b', 'certain'), edge('c', 'jewel:cluster-admin', 'possible')], metaOf);
  const risk = computeRisk({
    graph,
    entries: [entry('a'), entry('c', costOf('unlikely'))],
    config: DEFAULT_CONFIG,
    jewelCost,
  });
  assert.equal(risk.entries[0]!.score, 0);
  assert.equal(risk.entries[1]!.score, scoreOfCost(costOf('unlikely') + costOf('possible')));
  assert.equal(risk.total, risk.entries[1]!.score * 1);
});

test('a disabled threat model adds nothing to the total; weights scale it', () => {
  const graph = buildGraph([edge('a', 'jewel:cluster-admin', 'certain')], metaOf);
  const off = {
    ...DEFAULT_CONFIG,
    threatModels: { ...DEFAULT_CONFIG.threatModels, container: { enabled: false, weight: 100 } },
  };
  assert.equal(computeRisk({ graph, entries: [entry('a')], config: off, jewelCost }).total, 0);
  const half = {
    ...DEFAULT_CONFIG,
    threatModels: { ...DEFAULT_CONFIG.threatModels, container: { enabled: true, weight: 50 } },
  };
  assert.equal(computeRisk({ graph, entries: [entry('a')], config: half, jewelCost }).total, SCORE_ONE / 2);
});

test('parallel edges of one technique merge their fixes and keep the cheapest cost', () => {
  const fixA = { remediation: 'remove-binding-subject' as const, target: 'RoleBinding/x/a', ops: [] };
  const fixB = { remediation: 'remove-binding-subject' as const, target: 'RoleBinding/x/b', ops: [] };
  const graph = buildGraph(
    [edge('s', 'hub', 'certain', [fixA]), edge('s', 'hub', 'certain', [fixB])],
    metaOf,
  );
  assert.equal(graph.edges.length, 1);
  assert.deepEqual(
    graph.edges[0]!.fixes.map((f) => f.target),
    ['RoleBinding/x/a', 'RoleBinding/x/b'],
  );
});
