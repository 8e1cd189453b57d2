/**
 * The JSON contract (`--format json`): versioned, stable names that other tools read. Every other format is
 * derived from a `Report`. Bump `SCHEMA_VERSION` on any incompatible change.
 */

import type { PatchOp } from '../collect/patch.js';
import type { Gap } from '../collect/snapshot.js';
import type { FactId } from '../techniques/facts.js';
import type { EffortClass, RemediationId } from '../techniques/remediations.js';
import type { Evidence, NodeRef, TechniqueId, ThreatModel } from '../techniques/types.js';

/** The contract's version. */
export const SCHEMA_VERSION = '1.0';

/** One step of an attack path. */
export interface PathStep {
  readonly technique: TechniqueId;
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** The step as a sentence. */
  readonly says: string;
  readonly evidence: readonly Evidence[];
}

/** The best path from one entry to its worst jewel. */
export interface PathReport {
  readonly threatModel: ThreatModel;
  readonly entry: NodeRef;
  readonly jewel: NodeRef;
  /** Probability the whole path succeeds, prior and jewel value included, in [0, 1]. */
  readonly likelihood: number;
  /** The entry's risk score (integer, 10^6 = certain). */
  readonly score: number;
  readonly steps: readonly PathStep[];
}

/** One edge of the graph (an instance of a technique). */
export interface FindingReport {
  readonly technique: TechniqueId;
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly likelihood: number;
  readonly evidence: readonly Evidence[];
  readonly fixes: readonly {
    readonly remediation: RemediationId;
    readonly target: string;
    readonly patch: readonly PatchOp[];
  }[];
  readonly onPath: boolean;
}

/** One observed property of one object. */
export interface FactReport {
  readonly fact: FactId;
  readonly object: string;
  readonly location?: string;
  readonly says: string;
  readonly onPath: boolean;
}

/** One step of the plan: a fix, what it costs and what it removes. */
export interface PlanItem {
  readonly remediation: RemediationId;
  readonly title: string;
  /** The object the patch changes. A "do both" item has a second target in `also`. */
  readonly target: string;
  readonly location?: string;
  readonly effort: EffortClass;
  readonly effortHours: number;
  readonly riskBefore: number;
  readonly riskAfter: number;
  /** The number of (threat model, entry) pairs whose score drops. */
  readonly pathsCut: number;
  readonly patch: readonly PatchOp[];
  /** A kubectl command that applies the patch to a live cluster. */
  readonly kubectl: string;
  readonly mayBreak: string;
  /** The fix removes a dominating edge of some threat model's paths. */
  readonly chokepoint: boolean;
  /** The most valuable path this fix breaks, as it was before the fix. */
  readonly breaks?: PathReport;
  /** The second half of a "do both" item. */
  readonly also?: {
    readonly remediation: RemediationId;
    readonly target: string;
    readonly patch: readonly PatchOp[];
    readonly kubectl: string;
  };
}

/** Risk, total and per threat model (integers; 10^6 = one certain compromise). */
export interface RiskSummary {
  readonly total: number;
  readonly byThreatModel: Readonly<Record<ThreatModel, number>>;
}

/** The whole report. */
export interface Report {
  readonly schemaVersion: string;
  readonly tool: { readonly name: 'chokepoint'; readonly version: string };
  readonly source: {
    readonly type: 'files' | 'cluster';
    readonly paths?: readonly string[];
    readonly server?: string;
    /** Live scans: the identity chokepoint ran as (`User/x`, `ServiceAccount/ns/name`). */
    readonly identity?: string;
  };
  readonly threatModels: readonly {
    readonly name: ThreatModel;
    readonly enabled: boolean;
    readonly weight: number;
  }[];
  readonly assumptions: readonly string[];
  readonly risk: RiskSummary;
  readonly oneThing: PlanItem | null;
  readonly plan: readonly PlanItem[];
  readonly paths: readonly PathReport[];
  readonly findings: readonly FindingReport[];
  readonly facts: readonly FactReport[];
  readonly gaps: readonly Gap[];
  readonly stats: {
    readonly objects: number;
    readonly kinds: Readonly<Record<string, number>>;
    readonly workloads: number;
    readonly identities: number;
    readonly graphNodes: number;
    readonly graphEdges: number;
    readonly entries: number;
    /** Entries with a path to a jewel; `paths[]` lists the first 100 by score. */
    readonly paths: number;
    /**
     * Entries whose best path reaches or passes each jewel kind (`cluster-admin`, `node-root`, `secrets`,
     * `workload`), counted over every entry, not only the listed `paths[]`. Kinds no path reaches are absent.
     */
    readonly pathsByJewel: Readonly<Record<string, number>>;
  };
}
