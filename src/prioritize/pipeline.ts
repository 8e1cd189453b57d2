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
import { costOfProbability } from '../techniques/likelihood.js';
import type { Edge, TechniqueId } from '../techniques/types.js';
import type { AnalysisConfig } from './config.js';
import { computeRisk, type JewelCost, type RiskResult } from './risk.js';

/** What one pipeline run produces. */
export interface PipelineRun {
  readonly model: Model;
  readonly edges: readonly Edge[];
  readonly entries: readonly Entry[];
  readonly graph: Graph;
  readonly risk: RiskResult;
}

/** Inputs that stay the same across re-runs. */
export interface PipelineContext {
  readonly config: AnalysisConfig;
  /** Bootstrap RBAC objects of the Kubernetes version. */
  readonly builtIn: readonly SnapshotObject[];
}

const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;

/** The cost of each jewel kind, from the configured values. */
export function jewelCostOf(config: AnalysisConfig): JewelCost {
  const clusterAdmin = costOfProbability(config.jewels.clusterAdmin);
  const nodeRoot = costOfProbability(config.jewels.nodeRoot);
  const secrets = costOfProbability(config.jewels.secrets);
  return (ref) => {
    if (ref === 'jewel:cluster-admin') return clusterAdmin;
    if (ref.startsWith('jewel:node-root/')) return nodeRoot;
    if (ref.startsWith('jewel:secrets/')) return secrets;
    return undefined;
  };
}

/** Runs model → techniques → graph → risk. Pure and deterministic. */
export function runPipeline(snapshot: Snapshot, context: PipelineContext): PipelineRun {
  const model = buildModel(snapshot, { ...context.config.model, builtIn: context.builtIn });
  const edges = TECHNIQUES.flatMap((technique) => technique.find(model));
  const entries = findEntries(model, context.config);
  const graph = buildGraph(
    edges,
    metaOf,
    entries.map((entry) => entry.node),
  );
  const risk = computeRisk({
    graph,
    entries,
    config: context.config,
    jewelCost: jewelCostOf(context.config),
  });
  return { model, edges, entries, graph, risk };
}
