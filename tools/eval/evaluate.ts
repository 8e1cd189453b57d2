/** Runs the evaluator: every unit of a corpus loaded as its own cluster, analysed in-process, then scored. */
import { loadInput } from '../../src/cli/load.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import { readCorpus, type Unit } from './corpus.js';
import { scoreUnit, type TagResult } from './score.js';

/** Everything scored, plus what could not be. */
export interface Evaluation {
  readonly units: number;
  readonly results: readonly TagResult[];
  /** Tags the table does not know, `unit: tag`, sorted; never scored. */
  readonly unknownTags: readonly string[];
  /** Units whose manifests gave nothing usable, with the collector's reason. */
  readonly unusable: readonly string[];
}

/** Loads and scores one unit the way `chokepoint scan` analyses its input. */
export async function evaluateUnit(
  unit: Unit,
): Promise<{ results: TagResult[]; unknownTags: string[] } | string> {
  const loaded = await loadInput(unit.paths, undefined);
  if (!loaded.usable) return `${unit.name}: ${loaded.emptyInput?.message ?? 'no Kubernetes objects read'}`;
  const config = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, kubeVersion: loaded.kubeVersion } };
  const analysis = analyze(loaded.snapshot, config, loaded.builtIn);
  const report = buildReport(analysis, { version: 'eval' });
  return scoreUnit({ unit, report, model: analysis.model, graph: analysis.graph });
}

/** Evaluates every unit under `root`. */
export async function evaluateCorpus(root: string): Promise<Evaluation> {
  const units = await readCorpus(root);
  const results: TagResult[] = [];
  const unknownTags = new Set<string>();
  const unusable: string[] = [];
  for (const unit of units) {
    const scored = await evaluateUnit(unit);
    if (typeof scored === 'string') {
      unusable.push(scored);
      continue;
    }
    results.push(...scored.results);
    for (const tag of scored.unknownTags) unknownTags.add(`${unit.name}: ${tag}`);
  }
  return { units: units.length, results, unknownTags: [...unknownTags].sort(), unusable };
}
