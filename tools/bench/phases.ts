/**
 * Bench: one pathological preset (PATHOLOGICAL_PHASES, default rolebindings-40k) timed phase by phase in one
 * process: loadInput, buildModel, the slowest techniques' `find`, runPipeline and makePlan, each as wall and CPU
 * time (CPU is steadier on a shared machine). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/load.js';
import { buildModel } from '../../src/model/build-model.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { runPipeline } from '../../src/prioritize/pipeline.js';
import { makePlan } from '../../src/prioritize/plan.js';
import { TECHNIQUES } from '../../src/techniques/index.js';
import { PATHOLOGICAL_NAMES, type PathologicalName, writePathological } from '../generate/pathological.js';

const name = process.env.PATHOLOGICAL_PHASES ?? 'rolebindings-40k';
if (!PATHOLOGICAL_NAMES.includes(name as PathologicalName))
  throw new Error(`PATHOLOGICAL_PHASES=${name}: not a preset — use one of ${PATHOLOGICAL_NAMES.join(', ')}`);

const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** Runs one phase and prints its wall and CPU time. */
function timed<T>(label: string, phase: () => T): T {
  const wall = performance.now();
  const started = cpu();
  const result = phase();
  const w = (performance.now() - wall).toFixed(0);
  console.log(
    `${label.padEnd(34)} ${w.padStart(7)} ms wall ${(cpu() - started).toFixed(0).padStart(7)} ms CPU`,
  );
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-phases-'));
try {
  const { file, objects } = writePathological(name as PathologicalName, dir);
  console.log(`${name}: ${objects} objects`);
  const wall = performance.now();
  const started = cpu();
  const loaded = await loadInput([file], undefined);
  const w = (performance.now() - wall).toFixed(0);
  console.log(
    `${'loadInput'.padEnd(34)} ${w.padStart(7)} ms wall ${(cpu() - started).toFixed(0).padStart(7)} ms CPU`,
  );
  const config = DEFAULT_CONFIG;
  const model = timed('buildModel', () =>
    buildModel(loaded.snapshot, { ...config.model, builtIn: loaded.builtIn }),
  );
  const grants = model.bound.reduce((sum, bound) => sum + bound.rules.rules.length, 0);
  console.log(`  ${model.bound.length} binding subjects, ${grants} grants (rule × binding subject)`);
  const costs = TECHNIQUES.map((technique) => {
    const before = cpu();
    const edges = technique.find(model).length;
    return { id: technique.meta.id, ms: cpu() - before, edges };
  }).sort((a, b) => b.ms - a.ms);
  const total = costs.reduce((sum, cost) => sum + cost.ms, 0);
  console.log(`techniques (first run, CPU)        ${total.toFixed(0).padStart(7)} ms`);
  for (const cost of costs.slice(0, 8))
    console.log(`  ${cost.id.padEnd(32)} ${cost.ms.toFixed(0).padStart(7)} ms CPU  ${cost.edges} edges`);
  const context = { config, builtIn: loaded.builtIn };
  const run = timed('runPipeline', () => runPipeline(loaded.snapshot, context));
  const plan = timed('makePlan', () => makePlan(loaded.snapshot, run, context));
  console.log(`  ${run.edges.length} edges, ${plan.items.length} plan items`);
  console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
