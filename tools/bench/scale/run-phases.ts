/**
 * Child process for the end-to-end measure: read, model, techniques, graph, risk, plan and the JSON report
 * written, with Node's default heap. It calls the library functions in the order `analyze()` does, so each phase
 * is timed without hooks in pure code, and prints one JSON line: wall and CPU time per phase, peak RSS, counts.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { loadInput } from '../../../src/cli/load.js';
import { findEntries } from '../../../src/graph/entries.js';
import { buildGraph } from '../../../src/graph/graph.js';
import { buildModel } from '../../../src/model/build-model.js';
import { withoutAccepted } from '../../../src/prioritize/accepted-risks.js';
import type { Analysis } from '../../../src/prioritize/analysis.js';
import { DEFAULT_CONFIG } from '../../../src/prioritize/config.js';
import { chooseDuplicates } from '../../../src/prioritize/duplicates.js';
import { jewelsOf } from '../../../src/prioritize/jewels.js';
import { makePlan } from '../../../src/prioritize/plan.js';
import { computeRisk } from '../../../src/prioritize/risk.js';
import { buildReport } from '../../../src/report/build-report.js';
import { renderJsonChunks } from '../../../src/report/json.js';
import { findFacts } from '../../../src/techniques/facts.js';
import { TECHNIQUES, TECHNIQUES_BY_ID } from '../../../src/techniques/index.js';
import { THREAT_MODELS } from '../../../src/techniques/types.js';
import { PHASES, type Phase, type PhaseRun } from './phase-names.js';

const [dir, out] = process.argv.slice(2);
if (dir === undefined || out === undefined) throw new Error('usage: run-phases.js DIR OUT.json');

const wall = {} as Record<Phase, number>;
const cpu = {} as Record<Phase, number>;
function timed<T>(phase: Phase, work: () => T): T {
  const w = performance.now();
  const c = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(c);
  wall[phase] = (wall[phase] ?? 0) + performance.now() - w;
  cpu[phase] = (cpu[phase] ?? 0) + (used.user + used.system) / 1000;
  return result;
}

const w0 = performance.now();
const c0 = process.cpuUsage();
const collectWall = performance.now();
const collectCpu = process.cpuUsage();
const loaded = await loadInput([dir], undefined);
const collectUsed = process.cpuUsage(collectCpu);
wall.collect = performance.now() - collectWall;
cpu.collect = (collectUsed.user + collectUsed.system) / 1000;

const config = DEFAULT_CONFIG;
const context = { config, builtIn: loaded.builtIn };
const snapshot = timed('model', () => chooseDuplicates(loaded.snapshot, context));
const model = timed('model', () => buildModel(snapshot, { ...config.model, builtIn: context.builtIn }));
const facts = timed('techniques', () => findFacts(model));
const edges = timed('techniques', () =>
  withoutAccepted(
    TECHNIQUES.flatMap((technique) => technique.find(model)),
    config.acceptedRisks,
    config.now,
  ),
);
const entries = timed('graph', () => findEntries(model, config));
// As in runModel(): the graph, the plan and the report ask nothing of the values derived for the techniques.
model.memo.release();
const graph = timed('graph', () =>
  buildGraph(
    edges,
    (id) => TECHNIQUES_BY_ID[id].meta,
    entries.map((entry) => entry.node),
  ),
);
const jewels = jewelsOf(config);
const risk = timed('risk', () =>
  computeRisk({ graph, entries, config, jewelCost: jewels.cost, jewelName: jewels.name }),
);
const run = { model, edges, entries, graph, risk };
const plan = timed('plan', () => makePlan(snapshot, run, context));
timed('report', () => {
  const analysis: Analysis = {
    snapshot,
    config,
    model,
    edges: graph.edges,
    facts,
    graph,
    risk,
    run,
    plan: plan.items,
    oneThing: plan.oneThing,
    planStopped: plan.stopped,
    enabledThreatModels: THREAT_MODELS.filter((tm) => config.threatModels[tm].enabled),
  };
  const report = buildReport(analysis, { version: 'bench' });
  // Written in pieces, as the CLI writes a JSON report.
  const fd = openSync(out, 'w');
  for (const piece of renderJsonChunks(report)) writeSync(fd, piece);
  closeSync(fd);
});
const used = process.cpuUsage(c0);
const result: PhaseRun = {
  wallMs: performance.now() - w0,
  cpuMs: (used.user + used.system) / 1000,
  phases: PHASES.map((phase) => ({ phase, wallMs: wall[phase] ?? 0, cpuMs: cpu[phase] ?? 0 })),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  objects: loaded.snapshot.objects.length,
  edges: graph.edges.length,
  nodes: graph.nodes.length,
  risk: risk.total,
  planItems: plan.items.length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
