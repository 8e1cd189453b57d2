/** The whole pure analysis: pipeline, plan and the one thing, and the facts. */
import type { Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { findFacts } from '../techniques/facts.js';
import { THREAT_MODELS } from '../techniques/types.js';
import type { Analysis } from './analysis.js';
import type { AnalysisConfig } from './config.js';
import { chooseDuplicates } from './duplicates.js';
import { modelOf, runModel } from './pipeline.js';
import { makePlan } from './plan.js';

/** Analyses a snapshot under a config; `builtIn` holds the bootstrap RBAC of the Kubernetes version. */
export function analyze(
  input: Snapshot,
  config: AnalysisConfig,
  builtIn: readonly SnapshotObject[] = [],
): Analysis {
  const context = { config, builtIn };
  // An object defined twice is analysed as its most dangerous definition (the gap says which, and why).
  const snapshot = chooseDuplicates(input, context);
  const model = modelOf(snapshot, context);
  // Before the run, which releases what the techniques derive from the model: the facts share it.
  const facts = findFacts(model);
  const run = runModel(model, context);
  const plan = makePlan(snapshot, run, context);
  return {
    snapshot,
    config,
    model,
    edges: run.graph.edges,
    facts,
    graph: run.graph,
    risk: run.risk,
    run,
    plan: plan.items,
    oneThing: plan.oneThing,
    planStopped: plan.stopped,
    enabledThreatModels: THREAT_MODELS.filter((tm) => config.threatModels[tm].enabled),
  };
}
