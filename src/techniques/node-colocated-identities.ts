/** Root on a node yields the identities of the pods that run there: the node may mint their tokens. */
import type { Model } from '../model/model.js';
import type { Workload } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Evidence, Fix, Technique } from './types.js';
import { isolateSensitiveWorkload } from './workload-fixes.js';
import { compareText, easier, evidence, podSpecPointer } from './workload-helpers.js';

interface Colocated {
  readonly pool: string;
  readonly sa: string;
  likelihood: LikelihoodClass;
  /** A DaemonSet runs on every node by design: nothing can move it off the pool. */
  pinned: boolean;
  readonly workloads: { readonly workload: Workload; readonly says: string }[];
}

/** Evidence items per edge; a namespace's `default` SA may run thousands of workloads. */
const MAX_EVIDENCE = 10;
/** The planner combines at most two fixes ("do both"); more isolations than that never cut the edge. */
const MAX_FIXES = 2;

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

function fixesOf(entry: Colocated): Fix[] {
  // Moving workloads away only cuts the edge when no DaemonSet keeps the identity on the pool.
  if (entry.pinned || entry.workloads.length > MAX_FIXES) return [];
  return entry.workloads.map(({ workload }) => isolateSensitiveWorkload(workload));
}

/** Node root in a pool → the ServiceAccount of every workload that may run in that pool. */
export const nodeColocatedIdentities: Technique = {
  meta: {
    id: 'node-colocated-identities',
    title: 'Identities of co-located pods',
    summary: 'Root on a node gives the attacker the service-account identities of every pod scheduled there.',
    prerequisites:
      'Root on a node where a pod of the workload runs. A DaemonSet runs on every node; other workloads only on ' +
      'some, so the attacker must land on one that runs it.',
    exploitation:
      "The attacker uses the kubelet's credentials, which the Node authorizer lets request tokens for the service " +
      'accounts of pods bound to that node, or reads the tokens already mounted under /var/lib/kubelet/pods.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1528', 'T1552.007'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['isolate-sensitive-workload'],
  },
  find(model) {
    const byKey = new Map<string, Colocated>();
    for (const workload of model.workloads) {
      const sa = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
      const daemon = workload.kind === 'DaemonSet';
      const likelihood: LikelihoodClass = daemon ? 'trivial' : 'possible';
      const says = daemon
        ? `DaemonSet ${workload.name} runs a pod as ${workload.serviceAccountName} on every node it tolerates`
        : `${workload.kind} ${workload.name} runs as ${workload.serviceAccountName} and may be scheduled in this pool`;
      for (const pool of new Set(model.poolsOf(workload.ref))) {
        const key = `${pool}\u0000${sa}`;
        const entry = byKey.get(key) ?? { pool, sa, likelihood, pinned: false, workloads: [] };
        entry.likelihood = easier(entry.likelihood, likelihood);
        entry.pinned ||= daemon;
        entry.workloads.push({ workload, says: `${says} (pool ${pool})` });
        byKey.set(key, entry);
      }
    }
    const edges: Edge[] = [...byKey.values()].map((entry) => ({
      technique: 'node-colocated-identities',
      from: `jewel:node-root/${entry.pool}`,
      to: entry.sa,
      ...(entry.likelihood === 'trivial' ? {} : { likelihood: entry.likelihood }),
      evidence: evidenceOf(model, entry),
      fixes: fixesOf(entry),
    }));
    return edges.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
  },
};
