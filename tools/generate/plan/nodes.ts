import { CLUSTER_EPOCH } from '../clock.js';
import type { NodePlan } from '../model/plan-types.js';
import type { Random } from '../random.js';

/** Region every node lives in. */
export const REGION = 'eu-west-1';
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] as const;

/** Worker pools: name, share of workers, instance types (amd64 unless the type says otherwise). */
const POOLS: readonly (readonly [pool: string, share: number, types: readonly string[]])[] = [
  ['general', 0.58, ['m6i.2xlarge', 'm6i.4xlarge', 'm6g.2xlarge']],
  ['highmem', 0.14, ['r6i.2xlarge', 'r6i.4xlarge']],
  ['spot', 0.24, ['m6a.2xlarge', 'c6i.2xlarge', 'c6a.4xlarge']],
  ['gpu', 0.04, ['g5.2xlarge']],
];

/** Node pool label key; a cluster-specific label like this is what real node selectors use. */
export const POOL_LABEL = 'node.example.com/pool';

function nodeLabels(node: Omit<NodePlan, 'labels'>): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': node.arch,
    'beta.kubernetes.io/instance-type': node.instanceType,
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': REGION,
    'failure-domain.beta.kubernetes.io/zone': node.zone,
    'kubernetes.io/arch': node.arch,
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': node.instanceType,
    'topology.kubernetes.io/region': REGION,
    'topology.kubernetes.io/zone': node.zone,
    [POOL_LABEL]: node.pool,
  };
  if (node.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  } else labels[`node-role.kubernetes.io/${node.pool === 'gpu' ? 'gpu' : 'worker'}`] = '';
  if (node.pool === 'spot') labels['node.example.com/lifecycle'] = 'spot';
  if (node.pool === 'gpu') labels['nvidia.com/gpu.present'] = 'true';
  return labels;
}

function poolFor(rank: number, workers: number): string {
  // Deterministic split by rank keeps every pool (including gpu) non-empty at small sizes.
  const gpuCount = Math.max(1, Math.round(workers * POOLS[3]![1]));
  if (rank < gpuCount) return 'gpu';
  let edge = gpuCount;
  for (const [pool, share] of POOLS.slice(0, 3)) {
    edge += (share * (workers - gpuCount)) / (1 - POOLS[3]![1]);
    if (rank < edge) return pool;
  }
  return 'general';
}

/** Plan `count` nodes: a few control-plane nodes, then workers spread over pools and zones. */
export function planNodes(count: number, rng: Random): NodePlan[] {
  const controlPlanes = count >= 1000 ? 5 : count >= 10 ? 3 : 1;
  const workers = count - controlPlanes;
  const ranks = rng.shuffle(Array.from({ length: workers }, (_, i) => i));
  const used = new Set<string>();
  const nodes: NodePlan[] = [];
  for (let index = 0; index < count; index++) {
    const controlPlane = index < controlPlanes;
    const pool = controlPlane ? 'control-plane' : poolFor(ranks[index - controlPlanes]!, workers);
    const zone = ZONES[index % ZONES.length]!;
    const types = POOLS.find(([name]) => name === pool)?.[2] ?? ['m6i.xlarge'];
    const instanceType = rng.pick(types);
    let name = controlPlane ? `k8s-control-plane-${index + 1}` : '';
    while (name === '' || used.has(name)) name = `k8s-${pool}-${zone.slice(-1)}-${rng.suffix(5)}`;
    used.add(name);
    const plan = {
      index,
      name,
      uid: rng.uid(),
      pool,
      zone,
      instanceType,
      controlPlane,
      arch: instanceType.startsWith('m6g') ? 'arm64' : 'amd64',
      internalIp: `10.0.${(index + 10) >> 8}.${(index + 10) & 255}`,
      podPrefix: `10.${64 + (index >> 8)}.${index & 255}`,
      created: CLUSTER_EPOCH + (controlPlane ? index * 600 : rng.int(2, 399) * 86400 + rng.int(0, 86399)),
    } as const;
    nodes.push({ ...plan, labels: nodeLabels(plan) });
  }
  return nodes;
}
