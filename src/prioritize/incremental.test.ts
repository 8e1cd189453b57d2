import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../graph/entries.js';
import { buildGraph } from '../graph/graph.js';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { LikelihoodClass } from '../techniques/likelihood.js';
import type { Edge, Fix, TechniqueId } from '../techniques/types.js';
import { fixKey } from './candidates.js';
import { DEFAULT_CONFIG } from './config.js';
import { estimateRiskAfter, indexRun } from './incremental.js';
import { jewelsOf } from './jewels.js';
import type { ScoredRun } from './pipeline.js';
import { computeRisk } from './risk.js';
import { numbers } from './test-helpers.js';

const JEWEL = 'jewel:cluster-admin';
const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;
const context = { config: DEFAULT_CONFIG, builtIn: [] };
const jewels = jewelsOf(DEFAULT_CONFIG);
// Three cost classes, one of them free, so equal-cost routes (twins of a cut route) are common.
const CLASSES: readonly LikelihoodClass[] = ['certain', 'trivial', 'likely'];

/** A run over `edges`, scored as the pipeline scores one. */
function runOf(edges: readonly Edge[], entries: readonly Entry[]): ScoredRun {
  const graph = buildGraph(
    edges,
    metaOf,
    entries.map((entry) => entry.node),
  );
  const risk = computeRisk({ graph, entries, config: DEFAULT_CONFIG, jewelCost: jewels.cost });
  return { edges, entries, graph, risk };
}

/** A random graph of `size` nodes whose edges name fixes from a small pool, so one fix cuts several routes. */
function randomCluster(seed: number, size: number): { edges: Edge[]; entries: Entry[]; fixes: Fix[] } {
  const next = numbers(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const nodes = Array.from({ length: size }, (_, i) => `n${String(i).padStart(2, '0')}`);
  const fixes: Fix[] = Array.from({ length: 6 }, (_, i) => ({
    remediation: 'remove-binding-subject',
    target: `ClusterRoleBinding/b${i}`,
    ops: [{ op: 'remove', path: `/subjects/${i}` }],
  }));
  const edges: Edge[] = [];
  for (let i = 0; i < size * 3; i++) {
    const from = pick(nodes);
    const to = next() < 0.15 ? JEWEL : pick(nodes);
    if (from === to) continue;
    edges.push({
      technique: 'cluster-admin-grant',
      from,
      to,
      likelihood: pick(CLASSES),
      evidence: [{ ref: from, says: 'test' }],
      fixes: next() < 0.7 ? [pick(fixes)] : [],
    });
  }
  const entries = nodes
    .filter(() => next() < 0.4)
    .map(
      (node): Entry => ({
        threatModel: pick(['external', 'container', 'credentials'] as const),
        node,
        priorCost: 0,
        why: 'test',
      }),
    );
  return { edges, entries, fixes };
}

test('the graph estimate of a fix equals scoring the graph without the edges that name it', () => {
  let changed = 0;
  let unchangedOnBestPaths = 0;
  const wrong: string[] = [];
  for (let seed = 1; seed <= 150; seed++) {
    const { edges, entries, fixes } = randomCluster(seed, 8 + (seed % 25));
    const run = runOf(edges, entries);
    const index = indexRun(run, context);
    for (const fix of fixes) {
      const key = fixKey(fix);
      const exact = runOf(
        edges.filter((edge) => !edge.fixes.some((f) => fixKey(f) === key)),
        entries,
      ).risk.total;
      const estimate = estimateRiskAfter(index, [fix], { context, keyOf: fixKey });
      if (estimate !== exact) wrong.push(`seed ${seed} ${fix.target}: estimate ${estimate}, exact ${exact}`);
      if (exact !== run.risk.total) changed++;
      else if (
        run.graph.edges.some(
          (edge, g) => edge.fixes.includes(fix) && run.risk.distances.next[run.graph.from[g]!] === g,
        )
      )
        unchangedOnBestPaths++;
    }
  }
  assert.deepEqual(wrong, []);
  // Both kinds are common: fixes that raise risk-bearing costs, and fixes on best routes that have a twin route.
  assert.ok(changed > 100, `${changed} fixes change the risk`);
  assert.ok(unchangedOnBestPaths > 100, `${unchangedOnBestPaths} fixes on best routes change nothing`);
});
