/**
 * Bench: the greedy plan's ΔR after k fixes against the best set of k fixes found by exhaustive search, for
 * k = 2..4, on namespace slices of generated R1k clusters (BENCH_SEEDS, BENCH_NAMESPACES namespaces each).
 *
 * The search runs over a pool: the candidate fixes of the first run (fixes on the best-path forest, as the planner
 * takes them), each scored alone by a full re-run, the BENCH_POOL best kept, plus the greedy sets' own fixes (so
 * the greedy set is one of the sets searched, unless it patches one object twice). Every k-subset of the pool is scored
 * by one full re-run of the patched snapshot; subsets with two fixes on one object are skipped (their index-based
 * patches were both computed against the unpatched object and can clash). "Optimal" is the best pool subset, or
 * the greedy set itself when it scores higher.
 *
 * Two greedy definitions, both the first k fixes of a plan with no budget: the ΔR greedy (makePlan with every
 * effort class set to one hour, so it picks by ΔR alone), and the shipped plan (default effort, picks by ΔR per
 * effort-hour). A greedy set is scored by the same full re-run as the subsets. Prints per seed and k, then the
 * worst and median ratio greedy/optimal; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load.js';
import { applyPatches } from '../../src/collect/patch.js';
import type { Snapshot } from '../../src/collect/snapshot.js';
import { fixKey } from '../../src/prioritize/candidates.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { bestPathEdges } from '../../src/prioritize/paths.js';
import { type PipelineContext, type PipelineRun, runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan, type PlanResult } from '../../src/prioritize/plan.js';
import type { Fix } from '../../src/techniques/types.js';
import { generateCluster } from '../generate/generate.js';
import { sliceCluster } from '../generate/slice.js';

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const NAMESPACES = Number(process.env.BENCH_NAMESPACES ?? 8);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const KS = [2, 3, 4] as const;

/** The greedy definitions compared, by label. */
const GREEDY = ['ΔR greedy', 'shipped plan'] as const;
type Greedy = (typeof GREEDY)[number];

/** Every k-subset of items, in index order. */
function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

/** The fixes of the plan's shortest prefix holding exactly k; undefined when a two-fix item straddles k. */
function firstFixes(plan: PlanResult, k: number): readonly Fix[] | undefined {
  const fixes: Fix[] = [];
  for (const item of plan.items) {
    if (fixes.length >= k) break;
    fixes.push(...item.fixes);
  }
  return fixes.length === k ? fixes : undefined;
}

/**
 * The greedy sets' fixes that also apply to the unpatched snapshot: each patches an object no earlier fix of its
 * plan touched (a later fix on a touched object was computed against the patched object).
 */
function standalone(plan: PlanResult): readonly Fix[] {
  const touched = new Set<string>();
  const fixes: Fix[] = [];
  for (const fix of plan.items.flatMap((item) => item.fixes).slice(0, Math.max(...KS))) {
    if (!touched.has(fix.target)) fixes.push(fix);
    touched.add(fix.target);
  }
  return fixes;
}

/** The candidate fixes of a run: every fix on an edge of some entry's best path, once each. */
function candidateFixes(run: PipelineRun): Fix[] {
  const fixes = new Map<string, Fix>();
  for (const scored of run.risk.entries)
    for (const e of bestPathEdges(run, scored))
      for (const fix of run.graph.edges[e]!.fixes) fixes.set(fixKey(fix), fix);
  return [...fixes.values()];
}

/** Median of a non-empty list (the mean of the middle two when even). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One seed: the ratios per greedy definition and k (absent where the greedy set or the optimum is undefined). */
function benchSeed(snapshot: Snapshot, context: PipelineContext, seed: number): Map<string, number> {
  const ratios = new Map<string, number>();
  const riskAfter = (fixes: readonly Fix[]): number =>
    runPipeline(
      applyPatches(
        snapshot,
        fixes.map((f) => ({ target: f.target, ops: f.ops })),
      ),
      context,
    ).risk.total;
  const run = runPipeline(snapshot, context);
  const total = run.risk.total;
  const oneHour = Object.fromEntries(Object.keys(context.config.effortHours).map((c) => [c, 1]));
  const equalEffort = { ...context, config: { ...context.config, effortHours: oneHour } } as PipelineContext;
  const plans: Record<Greedy, PlanResult> = {
    'ΔR greedy': makePlan(snapshot, run, equalEffort),
    'shipped plan': makePlan(snapshot, run, context),
  };
  const candidates = candidateFixes(run);
  const pool = new Map<string, Fix>();
  for (const { fix } of candidates
    .map((fix) => ({ fix, delta: total - riskAfter([fix]) }))
    .filter((s) => s.delta > 0)
    .sort((a, b) => b.delta - a.delta || (fixKey(a.fix) < fixKey(b.fix) ? -1 : 1))
    .slice(0, POOL))
    pool.set(fixKey(fix), fix);
  const topSingles = pool.size;
  for (const plan of Object.values(plans)) for (const fix of standalone(plan)) pool.set(fixKey(fix), fix);
  console.log(
    `seed ${seed}: R = ${total}, ${candidates.length} candidate fixes, pool ${pool.size} ` +
      `(${topSingles} best alone + ${pool.size - topSingles} more from the greedy sets), ` +
      `plans of ${plans['ΔR greedy'].items.length} and ${plans['shipped plan'].items.length} items`,
  );
  for (const k of KS) {
    let optimal = 0;
    let scored = 0;
    let skipped = 0;
    for (const set of subsets([...pool.values()], k)) {
      if (new Set(set.map((f) => f.target)).size < k) {
        skipped++;
        continue;
      }
      scored++;
      optimal = Math.max(optimal, total - riskAfter(set));
    }
    const parts: string[] = [];
    for (const name of GREEDY) {
      const fixes = firstFixes(plans[name], k);
      if (fixes === undefined) {
        parts.push(`${name}: no prefix of exactly ${k} fixes`);
        continue;
      }
      const greedy = total - riskAfter(fixes);
      const best = Math.max(optimal, greedy);
      if (best === 0) continue;
      const ratio = greedy / best;
      ratios.set(`${name}|${k}`, ratio);
      const above = greedy > optimal ? ', above every pool set' : '';
      parts.push(`${name} ΔR ${greedy}, ratio ${ratio.toFixed(3)}${above}`);
    }
    console.log(
      `  k=${k}: optimal ΔR ${optimal} (${scored} sets scored, ${skipped} same-object sets skipped); ${parts.join('; ')}`,
    );
  }
  return ratios;
}

const all = new Map<string, number[]>();
const started = performance.now();
for (const seed of SEEDS) {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  try {
    const t = performance.now();
    generateCluster({ size: 'R1k', seed, format: 'json', out: join(dir, 'full') });
    const kept = sliceCluster({
      from: join(dir, 'full'),
      to: join(dir, 'slice'),
      format: 'json',
      namespaces: NAMESPACES,
    });
    const loaded = await loadInput([join(dir, 'slice')], undefined);
    const names = kept.length <= 12 ? kept.join(', ') : `${kept.slice(0, 12).join(', ')}, ...`;
    console.log(`seed ${seed}: R1k, cluster scope and ${kept.length} namespaces (${names})`);
    const ratios = benchSeed(loaded.snapshot, { config: DEFAULT_CONFIG, builtIn: loaded.builtIn }, seed);
    for (const [key, ratio] of ratios) all.set(key, [...(all.get(key) ?? []), ratio]);
    console.log(`  seed ${seed} took ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\ngreedy/optimal ΔR (pool ${POOL}, seeds ${SEEDS.join(',')}, ${NAMESPACES} namespaces of R1k):`);
for (const name of GREEDY) {
  const overall: number[] = [];
  for (const k of KS) {
    const values = all.get(`${name}|${k}`) ?? [];
    overall.push(...values);
    if (values.length === 0) continue;
    const worst = Math.min(...values).toFixed(3);
    console.log(
      `  ${name} k=${k}: worst ${worst}, median ${median(values).toFixed(3)} over ${values.length} seeds`,
    );
  }
  if (overall.length > 0)
    console.log(
      `  ${name} all k: worst ${Math.min(...overall).toFixed(3)}, median ${median(overall).toFixed(3)} over ${overall.length} cases`,
    );
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
