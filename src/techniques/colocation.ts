/**
 * Which ServiceAccounts run in which node pool, for the steps that start on a node: node root (the kubelet may
 * mint tokens for co-located pods) and a hostPath of the kubelet's pod directory (the tokens already mounted).
 * A DaemonSet runs on every node it tolerates, so `trivial`; any other workload only may land there, `possible`.
 */
import type { Model } from '../model/model.js';
import type { Workload } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import { type Edge, type Evidence, type Fix, NO_FIXES, type NodeRef, type TechniqueId } from './types.js';
import { isolateSensitiveWorkload } from './workload-fixes.js';
import { compareText, easier, evidence, podSpecPointer } from './workload-helpers.js';

/** One ServiceAccount in one pool, with the workloads that put it there. */
export interface Colocated {
  readonly pool: string;
  readonly sa: string;
  likelihood: LikelihoodClass;
  readonly workloads: { readonly workload: Workload; readonly says: string }[];
}

/** Evidence items per edge; a namespace's `default` SA may run thousands of workloads. */
const MAX_EVIDENCE = 10;
/** The planner combines at most two fixes ("do both"); more isolations than that never cut the edge. */
const MAX_FIXES = 2;

/** Every (pool, ServiceAccount) pair among the workloads `include` keeps. */
export function colocatedIdentities(model: Model, include: (workload: Workload) => boolean): Colocated[] {
  const byKey = new Map<string, Colocated>();
  for (const workload of model.workloads) {
    if (!include(workload)) continue;
    const sa = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
    const daemon = workload.kind === 'DaemonSet';
    const likelihood: LikelihoodClass = daemon ? 'trivial' : 'possible';
    const says = daemon
      ? `DaemonSet ${workload.name} runs a pod as ${workload.serviceAccountName} on every node it tolerates`
      : `${workload.kind} ${workload.name} runs as ${workload.serviceAccountName} and may be scheduled in this pool`;
    for (const pool of new Set(model.poolsOf(workload.ref))) {
      const key = `${pool}\u0000${sa}`;
      const entry = byKey.get(key) ?? { pool, sa, likelihood, workloads: [] };
      entry.likelihood = easier(entry.likelihood, likelihood);
      entry.workloads.push({ workload, says: `${says} (pool ${pool})` });
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

function evidenceOf(model: Model, entry: Colocated): Evidence[] {
  const shown = entry.workloads.slice(0, MAX_EVIDENCE);
  const items = shown.map(({ workload, says }) =>
    evidence(model, workload.ref, says, podSpecPointer(workload)),
  );
  const more = entry.workloads.length - shown.length;
  if (more > 0)
    items.push(evidence(model, entry.sa, `and ${more} more workloads run as it in pool ${entry.pool}`));
  return items;
}

/**
 * One edge per (pool, ServiceAccount): from the pool's node `from(pool)` to the identity, sorted. With at most
 * MAX_FIXES workloads, one twin per workload, each cut by moving that workload away (a DaemonSet cannot be) or by
 * `alsoCutBy` (say, not mounting its token): the edge stays while any twin does, as it stays in the cluster while
 * any of them runs there. With more, no fix the planner can combine cuts it, and one edge lists none.
 */
export function colocationEdges(
  model: Model,
  entries: readonly Colocated[],
  options: {
    readonly technique: TechniqueId;
    readonly from: (pool: string) => NodeRef;
    readonly alsoCutBy?: (workload: Workload) => Fix;
  },
): Edge[] {
  const edges: Edge[] = entries.flatMap((entry) => {
    const base = { technique: options.technique, from: options.from(entry.pool), to: entry.sa };
    if (entry.workloads.length > MAX_FIXES)
      return [
        { ...base, ...likelihoodOf(entry.likelihood), evidence: evidenceOf(model, entry), fixes: NO_FIXES },
      ];
    return entry.workloads.map(({ workload, says }) => {
      const daemon = workload.kind === 'DaemonSet';
      const fixes = [
        ...(daemon ? [] : [isolateSensitiveWorkload(workload)]),
        ...(options.alsoCutBy === undefined ? [] : [options.alsoCutBy(workload)]),
      ];
      const proof = evidence(model, workload.ref, says, podSpecPointer(workload));
      return { ...base, ...likelihoodOf(daemon ? 'trivial' : 'possible'), evidence: [proof], fixes };
    });
  });
  return edges.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}

function likelihoodOf(likelihood: LikelihoodClass): { likelihood?: LikelihoodClass } {
  return likelihood === 'trivial' ? {} : { likelihood };
}
