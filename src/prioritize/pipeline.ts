/**
 * One run of the pure pipeline on a snapshot: model → techniques → graph → risk. The planner re-runs it on each
 * patched snapshot, so a fix's effect is always measured, never assumed.
 */
import type { Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { type Entry, findEntries } from '../graph/entries.js';
import { buildGraph, type Graph } from '../graph/graph.js';
import { buildModel } from '../model/build-model.js';
import type { Model } from '../model/model.js';
import { TECHNIQUES, TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { Edge, TechniqueId } from '../techniques/types.js';
import { withoutAccepted } from './accepted-risks.js';
import type { AnalysisConfig } from './config.js';
import { jewelsOf } from './jewels.js';
import { computeRisk, type JewelCost, type RiskResult } from './risk.js';

/** What one pipeline run produces. */
export interface PipelineRun {
  readonly model: Model;
  readonly edges: readonly Edge[];
  readonly entries: readonly Entry[];
  readonly graph: Graph;
  readonly risk: RiskResult;
}

/**
 * A run's graph and scores without its model: what the planner needs. A run derived from another by graph edits
 * (graph-edit.ts) is one of these; a full run is too.
 */
export type ScoredRun = Omit<PipelineRun, 'model'>;

/** Inputs that stay the same across re-runs. */
export interface PipelineContext {
  readonly config: AnalysisConfig;
  /** Bootstrap RBAC objects of the Kubernetes version. */
  readonly builtIn: readonly SnapshotObject[];
}

const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;

/** The cost of each jewel node, from the configured values and overrides. */
export function jewelCostOf(config: AnalysisConfig): JewelCost {
  return jewelsOf(config).cost;
}

/** The model of a snapshot under the context's settings. */
export function modelOf(snapshot: Snapshot, context: PipelineContext): Model {
  return buildModel(snapshot, { ...context.config.model, builtIn: context.builtIn });
}

/** Runs model → techniques → graph → risk. Pure and deterministic. */
export function runPipeline(snapshot: Snapshot, context: PipelineContext): PipelineRun {
  return runModel(modelOf(snapshot, context), context);
}

/**
 * Runs techniques → graph → risk on a model. The model's derived values are released once the edges and entries
 * are found: the graph, the planner and the report ask nothing more of them, so a caller that wants the facts
 * finds them first.
 */
export function runModel(model: Model, context: PipelineContext): PipelineRun {
  // Accepted risks remove their edges before the graph is built (and so before the distances).
  const { config } = context;
  const edges = withoutAccepted(
    TECHNIQUES.flatMap((technique) => technique.find(model)),
    config.acceptedRisks,
    config.now,
  );
  const entries = findEntries(model, context.config);
  model.memo.release();
  const graph = buildGraph(
    edges,
    metaOf,
    entries.map((entry) => entry.node),
  );
  const jewels = jewelsOf(config);
  const risk = computeRisk({ graph, entries, config, jewelCost: jewels.cost, jewelName: jewels.name });
  return { model, edges, entries, graph, risk };
}
