/** `paths --from REF --to JEWEL`: turning the user's words into graph nodes, and the answer into text. */
import type { Graph } from '../graph/graph.js';
import type { AnalysisConfig } from '../prioritize/config.js';
import { jewelsOf } from '../prioritize/jewels.js';
import type { RankedPath } from '../prioritize/k-shortest.js';
import { stepSentence } from '../report/step-sentence.js';
import type { Parsed } from './options.js';

/**
 * The nodes `--from` names: the exact node, a workload's containers (`Deployment/shop/web`), or, kind aside, any
 * workload of that namespace and name (`pod/shop/web`, since pods collapse into their owner).
 */
export function sourcesOf(graph: Graph, ref: string): Parsed<number[]> {
  const exact = graph.index.get(ref);
  if (exact !== undefined) return { ok: true, value: [exact] };
  const lower = ref.toLowerCase();
  const rest = lower.slice(lower.indexOf('/') + 1);
  const found = graph.nodes.flatMap((node, v) => {
    const l = node.toLowerCase();
    const base = l.split('#')[0]!;
    // Kind aside, only containers match: `pod/shop/web` names the workload its pods collapse into.
    const sameName = base === lower || (l.includes('#') && base.slice(base.indexOf('/') + 1) === rest);
    return sameName && /^[a-z]+\/[^/]+\/[^/]+$/.test(base) ? [v] : [];
  });
  if (found.length > 0) return { ok: true, value: found };
  return {
    ok: false,
    message: `--from ${ref}: no such node in the attack graph — give a workload, identity or endpoint ref, e.g. Deployment/shop/web or ServiceAccount/ci/deployer (Kind/namespace/name)`,
  };
}

/** The jewels `--to` names, with their costs: `cluster-admin`, `node-root[/pool]`, `secrets[/ns]`, `any`, a ref. */
export function targetsOf(graph: Graph, config: AnalysisConfig, to: string): Parsed<Map<number, number>> {
  const jewels = jewelsOf(config);
  const want = to === 'any' ? 'jewel:' : to.startsWith('jewel:') ? to : `jewel:${to}`;
  const targets = new Map<number, number>();
  graph.nodes.forEach((node, v) => {
    const cost = jewels.cost(node);
    const name = jewels.name(node);
    const matches = name === want || name.startsWith(want.endsWith('/') || to === 'any' ? want : `${want}/`);
    if (node === to) targets.set(v, cost ?? 0);
    else if (cost !== undefined && matches) targets.set(v, cost);
  });
  if (targets.size > 0) return { ok: true, value: targets };
  return {
    ok: false,
    message: `--to ${to}: no such jewel in the attack graph — use cluster-admin, node-root, node-root/<pool>, secrets/<namespace>, workload/<ref>, any, or a node ref`,
  };
}

/** The paths as numbered stories, one sentence (with its evidence and location) per step. */
export function pathsText(options: {
  readonly graph: Graph;
  readonly paths: readonly RankedPath[];
  readonly from: string;
  readonly to: string;
}): string {
  const { graph, paths, from, to } = options;
  if (paths.length === 0) return `No attack path from ${from} to ${to}.\n`;
  const lines = [`${paths.length} attack path(s) from ${from} to ${to}, most likely first:`, ''];
  paths.forEach((path, i) => {
    const percent = ((100 * 2 ** (-path.cost / 1000)) | 0).toString();
    const steps = path.edges.length;
    lines.push(
      `${i + 1}. likelihood ${percent}% (cost ${path.cost}), ${steps} step${steps === 1 ? '' : 's'}`,
    );
    path.edges.forEach((e, j) => {
      lines.push(`   ${j + 1}. ${stepSentence(graph.edges[e]!)}`);
    });
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
