/**
 * Bench: on one generated cluster (R15k by default, BENCH_SIZE to change), the time to parse the input
 * (B_parse: read every file and JSON.parse it, keeping nothing), to load it, to build the graph, and to rank the
 * plan, all in one run. Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan } from '../../src/prioritize/plan.js';
import { generateCluster } from '../generate/generate.js';
import { isSizeName } from '../generate/sizes.js';

const size = process.env.BENCH_SIZE ?? 'R15k';
if (!isSizeName(size)) throw new Error(`BENCH_SIZE=${size}: not a generator size`);
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
const files = (d: string): string[] =>
  readdirSync(d).flatMap((name) =>
    statSync(join(d, name)).isDirectory() ? files(join(d, name)) : [join(d, name)],
  );
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
try {
  generateCluster({ size, seed: 1, format: 'json', out: dir });
  let t = performance.now();
  for (const file of files(dir)) JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${size} B_parse (read + JSON.parse, keep nothing): ${ms(t)}`);
  t = performance.now();
  const loaded = await loadInput([dir], undefined);
  console.log(`${size} load (collect + bootstrap RBAC): ${ms(t)}`);
  const context = { config: DEFAULT_CONFIG, builtIn: loaded.builtIn };
  t = performance.now();
  const run = runPipeline(loaded.snapshot, context);
  console.log(
    `${size} one pipeline run (model, techniques, graph, risk): ${ms(t)} — ${run.graph.edges.length} edges`,
  );
  t = performance.now();
  const plan = makePlan(loaded.snapshot, run, context);
  console.log(`${size} planning (graph built → ranked plan, ${plan.items.length} items): ${ms(t)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
