/** The result of one analysis: everything the report is built from. */
import type { Snapshot } from '../collect/snapshot.js';
import type { Graph } from '../graph/graph.js';
import type { Model } from '../model/model.js';
import type { Fact } from '../techniques/facts.js';
import type { Edge, ThreatModel } from '../techniques/types.js';
import type { AnalysisConfig } from './config.js';
import type { PipelineRun } from './pipeline.js';
import type { PlannedFix } from './plan.js';
import type { RiskResult } from './risk.js';

/** Snapshot in, model, graph, risk and plan out. */
export interface Analysis {
  readonly snapshot: Snapshot;
  readonly config: AnalysisConfig;
  readonly model: Model;
  readonly edges: readonly Edge[];
  readonly facts: readonly Fact[];
  readonly graph: Graph;
  readonly risk: RiskResult;
  /** The first pipeline run, for path walking. */
  readonly run: PipelineRun;
  readonly plan: readonly PlannedFix[];
  /** The fix with the largest ΔR within the one-thing effort limit; null when there is no risk. */
  readonly oneThing: PlannedFix | null;
  /** Why the plan stopped: budget, item limit, no risk left, or nothing helps. */
  readonly planStopped: 'no-risk' | 'budget' | 'max-items' | 'nothing-helps';
  readonly enabledThreatModels: readonly ThreatModel[];
}
