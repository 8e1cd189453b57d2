/**
 * Nodes and their pools. Offline manifests rarely include Node objects, so the model then assumes two pools:
 * `workers`, and a `control-plane` tainted NoSchedule the way kubeadm taints it.
 */
import type { SnapshotObject } from '../collect/snapshot.js';
import { arr, bool, obj, str, stringMap } from './read.js';
import type { NodeInfo } from './types.js';

const POOL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'node.kubernetes.io/pool',
  'karpenter.sh/nodepool',
] as const;

const CONTROL_PLANE_LABELS = [
  'node-role.kubernetes.io/control-plane',
  'node-role.kubernetes.io/master',
] as const;

/** Labels every kubelet sets on a Linux node; pseudo-nodes carry them so common nodeSelectors still match. */
const WELL_KNOWN_LABELS = { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } as const;

/** The pseudo-nodes used when the input has no Node objects. */
export const PSEUDO_NODES: readonly NodeInfo[] = [
  {
    ref: 'NodePool/control-plane',
    name: 'control-plane',
    labels: {
      ...WELL_KNOWN_LABELS,
      'kubernetes.io/hostname': 'control-plane',
      'node-role.kubernetes.io/control-plane': '',
    },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    controlPlane: true,
    unschedulable: false,
    pool: 'control-plane',
  },
  {
    ref: 'NodePool/workers',
    name: 'workers',
    labels: { ...WELL_KNOWN_LABELS, 'kubernetes.io/hostname': 'workers' },
    taints: [],
    controlPlane: false,
    unschedulable: false,
    pool: 'workers',
  },
];

function taintsOf(so: SnapshotObject): NodeInfo['taints'] {
  return arr(obj(so.object.spec).taints).flatMap((raw) => {
    const taint = obj(raw);
    const key = str(taint.key);
    const effect = str(taint.effect);
    const value = str(taint.value);
    if (key === undefined || effect === undefined) return [];
    return [{ key, ...(value !== undefined ? { value } : {}), effect }];
  });
}

/** Node objects of the input, or the pseudo-nodes when there are none. */
export function buildNodes(objects: readonly SnapshotObject[]): NodeInfo[] {
  const nodes: NodeInfo[] = [];
  for (const so of objects) {
    if (so.kind !== 'Node') continue;
    const labels = stringMap(so.object.metadata?.labels);
    const controlPlane = CONTROL_PLANE_LABELS.some((label) => Object.hasOwn(labels, label));
    const poolLabel = POOL_LABELS.find((label) => labels[label] !== undefined && labels[label] !== '');
    nodes.push({
      ref: so.ref,
      name: so.name,
      labels,
      taints: taintsOf(so),
      controlPlane,
      unschedulable: bool(obj(so.object.spec).unschedulable) === true,
      pool:
        poolLabel !== undefined ? (labels[poolLabel] as string) : controlPlane ? 'control-plane' : 'workers',
      ...(so.location !== undefined ? { location: so.location } : {}),
    });
  }
  return nodes.length > 0 ? nodes : [...PSEUDO_NODES];
}
