/**
 * Turns an analysis into the JSON contract. Pure: the same analysis gives the same report. Every other format
 * is derived from the report this returns.
 */
import { isExpired } from '../prioritize/accepted-risks.js';
import type { Analysis } from '../prioritize/analysis.js';
import { byScore, type RoutePath, routeOf } from '../prioritize/broken-path.js';
import { bestPathEdges } from '../prioritize/paths.js';
import type { PipelineRun } from '../prioritize/pipeline.js';
import type { PlannedFix } from '../prioritize/plan.js';
import type { EntryScore } from '../prioritize/risk.js';
import { SCORE_ONE } from '../prioritize/score.js';
import { REMEDIATIONS } from '../techniques/remediations.js';
import { type Fix, THREAT_MODELS, type ThreatModel } from '../techniques/types.js';
import type { FactReport, FindingReport, PathReport, PlanItem, Report } from './contract.js';
import { SCHEMA_VERSION } from './contract.js';
import { kubectlCommand } from './kubectl-command.js';
import { stepSentence } from './step-sentence.js';

/** Paths listed in full; the rest are counted in `stats`. */
export const MAX_REPORTED_PATHS = 100;

/** Builds the report; `version` is injected so goldens stay byte-stable. */
export function buildReport(analysis: Analysis, meta: { readonly version: string }): Report {
  const { run, config } = analysis;
  const scored = [...run.risk.entries].filter((s) => s.score > 0).sort(byScore);
  const onPathEdges = new Set<number>();
  for (const entry of scored) for (const e of bestPathEdges(run, entry)) onPathEdges.add(e);
  const onPathRefs = refsOnPaths(run, onPathEdges);
  const byThreatModel = {} as Record<ThreatModel, number>;
  for (const tm of THREAT_MODELS) {
    const weight = config.threatModels[tm].enabled ? config.threatModels[tm].weight : 0;
    byThreatModel[tm] = Math.floor((run.risk.byThreatModel[tm] * weight) / 100);
  }
  const plan = analysis.plan.map((item) => planItem(item, analysis));
  const source = analysis.snapshot.source;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chokepoint', version: meta.version },
    source:
      source.type === 'files'
        ? { type: 'files', paths: source.paths }
        : {
            type: 'cluster',
            server: source.server,
            ...(run.model.scanner === undefined ? {} : { identity: run.model.scanner.identity }),
          },
    threatModels: THREAT_MODELS.map((name) => ({ name, ...config.threatModels[name] })),
    assumptions: assumptionsOf(analysis),
    risk: { total: run.risk.total, byThreatModel },
    oneThing: analysis.oneThing === null ? null : planItem(analysis.oneThing, analysis),
    plan,
    paths: scored.slice(0, MAX_REPORTED_PATHS).map((entry) => pathReport(run, entry)),
    findings: findings(run, onPathEdges),
    facts: analysis.facts
      .map(
        (fact): FactReport => ({
          fact: fact.fact,
          object: fact.container === undefined ? fact.object : `${fact.object}#${fact.container}`,
          ...(fact.location === undefined ? {} : { location: fact.location }),
          says: fact.says,
          onPath: onPathRefs.has(fact.object),
        }),
      )
      .sort((a, b) => Number(b.onPath) - Number(a.onPath)),
    gaps: [...analysis.snapshot.gaps, ...analysis.model.gaps],
    stats: {
      objects: analysis.snapshot.objects.length,
      kinds: analysis.snapshot.kindCounts,
      workloads: analysis.model.workloads.length,
      identities: inputIdentities(analysis),
      graphNodes: run.graph.nodes.length,
      graphEdges: run.graph.edges.length,
      entries: run.entries.length,
      paths: scored.length,
      pathsByJewel: pathsByJewel(run, scored),
    },
  };
}

/** Object refs that lie on some best path: step endpoints (containers mapped to their workload) and evidence. */
function refsOnPaths(run: PipelineRun, onPathEdges: ReadonlySet<number>): Set<string> {
  const refs = new Set<string>();
  for (const e of onPathEdges) {
    const edge = run.graph.edges[e]!;
    for (const ref of [edge.from, edge.to]) refs.add(ref.split('#')[0]!);
    for (const evidence of edge.evidence) refs.add(evidence.ref);
  }
  return refs;
}

/** An entry's best route as a report path. */
export function pathReport(run: PipelineRun, entry: EntryScore): PathReport {
  return routeReport(routeOf(run, entry));
}

/** A route kept as data (a plan item's broken path) as a report path. */
function routeReport({ entry, edges }: RoutePath): PathReport {
  const steps = edges.map((edge) => {
    return {
      technique: edge.technique,
      from: edge.from,
      to: edge.to,
      says: stepSentence(edge),
      evidence: edge.evidence,
    };
  });
  return {
    threatModel: entry.entry.threatModel,
    entry: entry.entry.node,
    jewel: entry.jewel ?? '',
    likelihood: entry.score / SCORE_ONE,
    score: entry.score,
    steps,
  };
}

function findings(run: PipelineRun, onPathEdges: ReadonlySet<number>): FindingReport[] {
  const out: FindingReport[] = [];
  // Edges share fix objects, and most have none: each fix is reported once, and every fixless edge shares one empty
  // list (R150k reports 339,381 findings, 246,541 of them without a fix). The report is never mutated.
  const reported = new Map<Fix, FindingReport['fixes'][number]>();
  const fixOf = (fix: Fix): FindingReport['fixes'][number] => {
    let made = reported.get(fix);
    if (made === undefined) {
      made = { remediation: fix.remediation, target: fix.target, patch: fix.ops };
      reported.set(fix, made);
    }
    return made;
  };
  run.graph.edges.forEach((edge, e) => {
    if (edge.structural) return;
    out.push({
      technique: edge.technique,
      from: edge.from,
      to: edge.to,
      likelihood: 2 ** (-run.graph.cost[e]! / 1000),
      evidence: edge.evidence,
      fixes: edge.fixes.length === 0 ? NO_FIXES_REPORTED : edge.fixes.map(fixOf),
      onPath: onPathEdges.has(e),
    });
  });
  return out;
}

const NO_FIXES_REPORTED: FindingReport['fixes'] = Object.freeze([]);

/** Identities of the input: its ServiceAccounts and the User and Group subjects of its own bindings. */
function inputIdentities(analysis: Analysis): number {
  const refs = new Set(analysis.model.serviceAccounts.map((sa) => sa.ref));
  for (const binding of analysis.model.bindings) {
    if (binding.builtIn) continue;
    for (const subject of binding.subjects)
      if (subject.kind !== 'ServiceAccount') refs.add(`${subject.kind}/${subject.name}`);
  }
  return refs.size;
}

/** The kind of a jewel ref: `cluster-admin`, `node-root`, `secrets`, `workload`. */
export function jewelKind(ref: string): string | undefined {
  if (!ref.startsWith('jewel:')) return undefined;
  const rest = ref.slice('jewel:'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

/** Entries whose best path reaches or passes each jewel kind, over all entries (not the capped `paths[]`). */
function pathsByJewel(run: PipelineRun, scored: readonly EntryScore[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of scored) {
    const kinds = new Set<string>();
    const jewel = entry.jewel === undefined ? undefined : jewelKind(entry.jewel);
    if (jewel !== undefined) kinds.add(jewel);
    for (const e of bestPathEdges(run, entry)) {
      const kind = jewelKind(run.graph.nodes[run.graph.to[e]!]!);
      if (kind !== undefined) kinds.add(kind);
    }
    for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function planItem(item: PlannedFix, analysis: Analysis): PlanItem {
  const [fix, second] = item.fixes;
  if (fix === undefined) throw new Error('a plan item without a fix');
  const location = analysis.model.locationOf(fix.target);
  // Chosen at plan time (broken-path.ts): the plan keeps the path, not the runs around the fix.
  const breaks = item.breaks === undefined ? undefined : routeReport(item.breaks);
  return {
    remediation: fix.remediation,
    title: REMEDIATIONS[fix.remediation].title,
    target: fix.target,
    ...(location === undefined ? {} : { location: `${location.file}:${location.line}` }),
    effort: item.effort,
    effortHours: item.effortHours,
    riskBefore: item.riskBefore,
    riskAfter: item.riskAfter,
    pathsCut: item.pathsCut,
    patch: fix.ops,
    kubectl: kubectlCommand(fix),
    mayBreak: REMEDIATIONS[fix.remediation].mayBreak,
    chokepoint: item.chokepoint,
    ...(breaks === undefined ? {} : { breaks }),
    ...(second === undefined
      ? {}
      : {
          also: {
            remediation: second.remediation,
            target: second.target,
            patch: second.ops,
            kubectl: kubectlCommand(second),
          },
        }),
  };
}

function assumptionsOf(analysis: Analysis): string[] {
  const a = analysis.model.assumptions;
  return [
    `Kubernetes ${a.kubeVersion} semantics and bootstrap RBAC.`,
    `Namespaces without a pod-security.kubernetes.io/enforce label enforce "${a.defaultPsaLevel}" (the admission default).`,
    a.networkPolicyEnforced ? 'The CNI enforces NetworkPolicy.' : 'The CNI does not enforce NetworkPolicy.',
    ...(analysis.config.assumedPolicies.length === 0
      ? [
          'No admission policy beyond Pod Security Admission (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) is assumed.',
        ]
      : analysis.config.assumedPolicies.map(
          (policy) => `Admission policy (stated in chokepoint.yaml): ${policy}`,
        )),
    ...analysis.config.acceptedRisks.map((risk) =>
      isExpired(risk, analysis.config.now)
        ? `Accepted risk ${risk.technique} on ${risk.object} expired on ${risk.expires}, so it is ignored — renew or remove it in chokepoint.yaml.`
        : `Accepted until ${risk.expires}: ${risk.technique} on ${risk.object} (${risk.reason}); its attack steps are left out.`,
    ),
  ];
}
