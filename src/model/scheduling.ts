/**
 * Where a workload may run, offline: nodeSelector, required node affinity and NoSchedule/NoExecute taints
 * decide it, as the scheduler's filters do. Live pods with `nodeName` run where they are bound.
 */
import { requirementMatches } from './label-selector.js';
import { compareStrings } from './read.js';
import type { NodeInfo, Workload } from './types.js';

type Toleration = Workload['tolerations'][number];
type Taint = NodeInfo['taints'][number];

/** `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go): empty key with Exists tolerates all. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Equal':
    case '':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

// The DaemonSet controller adds these tolerations to its pods (pkg/controller/daemon/util).
const DAEMONSET_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const UNSCHEDULABLE: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

function nodeMatches(workload: Workload, node: NodeInfo): boolean {
  for (const [key, value] of Object.entries(workload.nodeSelector))
    if (node.labels[key] !== value) return false;
  const terms = workload.requiredNodeAffinity;
  if (terms.length > 0) {
    const fields = { 'field:metadata.name': node.name };
    // Terms are ORed, expressions within a term ANDed; an empty term matches nothing.
    const any = terms.some(
      (term) =>
        term.length > 0 &&
        term.every((req) => requirementMatches(req, req.key.startsWith('field:') ? fields : node.labels)),
    );
    if (!any) return false;
  }
  return true;
}

function toleratesNode(workload: Workload, node: NodeInfo): boolean {
  const tolerations =
    workload.kind === 'DaemonSet'
      ? [...workload.tolerations, ...DAEMONSET_TOLERATIONS]
      : workload.tolerations;
  // A cordoned node takes only pods that tolerate its unschedulable taint (scheduler NodeUnschedulable).
  if (node.unschedulable && !tolerations.some((t) => tolerates(t, UNSCHEDULABLE))) return false;
  return node.taints.every(
    (taint) =>
      (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') ||
      tolerations.some((t) => tolerates(t, taint)),
  );
}

/** The scheduling constraints of a workload as a key: workloads with the same key land on the same pools. */
export function schedulingKey(workload: Workload): string {
  return JSON.stringify([
    workload.kind === 'DaemonSet',
    workload.nodeSelector,
    workload.requiredNodeAffinity,
    workload.tolerations,
  ]);
}

/** Sorted pools of the nodes a workload's pods may be scheduled on. */
export function schedulablePools(workload: Workload, nodes: readonly NodeInfo[]): string[] {
  const pools = new Set<string>();
  for (const node of nodes)
    if (!pools.has(node.pool) && nodeMatches(workload, node) && toleratesNode(workload, node))
      pools.add(node.pool);
  return [...pools].sort(compareStrings);
}
