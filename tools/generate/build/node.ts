import { SNAPSHOT_EPOCH, timestamp } from '../clock.js';
import type { KubeObject } from '../json-types.js';
import type { NodePlan } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { fieldsOf, managedEntry } from './managed-fields.js';
import { objectMeta } from './meta.js';
import { imageDigest } from './pod-status.js';

const CAPACITY: Readonly<Record<string, readonly [cpu: number, memoryGi: number]>> = {
  'm6i.xlarge': [4, 16],
  'm6i.2xlarge': [8, 32],
  'm6i.4xlarge': [16, 64],
  'm6g.2xlarge': [8, 32],
  'r6i.2xlarge': [8, 64],
  'r6i.4xlarge': [16, 128],
  'm6a.2xlarge': [8, 32],
  'c6i.2xlarge': [8, 16],
  'c6a.4xlarge': [16, 32],
  'g5.2xlarge': [8, 32],
};
const CACHED_IMAGES = [
  'registry.k8s.io/kube-proxy:v1.28.8',
  'quay.io/cilium/cilium:v1.15.3',
  'quay.io/prometheus/node-exporter:v1.7.0',
  'cr.fluentbit.io/fluent/fluent-bit:2.2.2',
  'registry.k8s.io/pause:3.9',
  'envoyproxy/envoy:v1.29.2',
];

function taints(node: NodePlan) {
  if (node.controlPlane) return [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  if (node.pool === 'gpu') return [{ effect: 'NoSchedule', key: 'nvidia.com/gpu', value: 'present' }];
  return undefined;
}

function condition(type: string, ok: boolean, reason: string, message: string, since: number) {
  const t = timestamp(since);
  return {
    lastHeartbeatTime: timestamp(SNAPSHOT_EPOCH - 40),
    lastTransitionTime: t,
    message,
    reason,
    status: ok ? 'True' : 'False',
    type,
  };
}

/** A Ready node with the labels, taints and status a kubeadm-built cloud node reports. */
export function renderNode(node: NodePlan, rng: Random): KubeObject {
  const [cpu, memGi] = CAPACITY[node.instanceType] ?? [8, 32];
  const instanceId = `i-0${rng.hex(16)}`;
  const capacity = {
    cpu: String(cpu),
    'ephemeral-storage': '104845292Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memGi * 1024 * 1024 - 420000}Ki`,
    pods: '110',
    ...(node.pool === 'gpu' ? { 'nvidia.com/gpu': '1' } : {}),
  };
  const allocatable = {
    ...capacity,
    cpu: `${cpu * 1000 - 90}m`,
    'ephemeral-storage': '95551679124',
    memory: `${memGi * 1024 * 1024 - 1_900_000}Ki`,
  };
  const since = node.created + 90;
  const status = {
    addresses: [
      { address: node.internalIp, type: 'InternalIP' },
      { address: node.name, type: 'Hostname' },
      {
        address: `ip-${node.internalIp.replaceAll('.', '-')}.eu-west-1.compute.internal`,
        type: 'InternalDNS',
      },
    ],
    allocatable,
    capacity,
    conditions: [
      condition('NetworkUnavailable', false, 'CiliumIsUp', 'Cilium is running on this node', since),
      condition(
        'MemoryPressure',
        false,
        'KubeletHasSufficientMemory',
        'kubelet has sufficient memory available',
        since,
      ),
      condition('DiskPressure', false, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', since),
      condition(
        'PIDPressure',
        false,
        'KubeletHasSufficientPID',
        'kubelet has sufficient PID available',
        since,
      ),
      condition('Ready', true, 'KubeletReady', 'kubelet is posting ready status', since + 20),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: CACHED_IMAGES.map((image) => ({
      names: [`${image.split(':')[0]}@sha256:${imageDigest(image)}`, image],
      sizeBytes: 20_000_000 + (parseInt(imageDigest(image).slice(0, 6), 16) % 90_000_000),
    })),
    nodeInfo: {
      architecture: node.arch,
      bootID: rng.uid(),
      containerRuntimeVersion: 'containerd://1.7.13',
      kernelVersion: '6.5.0-1016-aws',
      kubeProxyVersion: 'v1.28.8',
      kubeletVersion: 'v1.28.8',
      machineID: rng.hex(32),
      operatingSystem: 'linux',
      osImage: 'Ubuntu 22.04.4 LTS',
      systemUUID: `ec2${rng.hex(5)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    },
  };
  const spec = {
    podCIDR: `${node.podPrefix}.0/24`,
    podCIDRs: [`${node.podPrefix}.0/24`],
    providerID: `aws:///${node.zone}/${instanceId}`,
    taints: taints(node),
  };
  const annotations = {
    'csi.volume.kubernetes.io/nodeid': `{"ebs.csi.aws.com":"${instanceId}"}`,
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
  const managedFields = () => [
    managedEntry({
      manager: 'kubelet',
      apiVersion: 'v1',
      time: node.created,
      fields: fieldsOf({ metadata: { labels: node.labels }, spec: { providerID: spec.providerID } }),
    }),
    managedEntry({
      manager: 'kube-controller-manager',
      apiVersion: 'v1',
      time: node.created + 5,
      fields: fieldsOf({ spec: { podCIDR: spec.podCIDR, podCIDRs: spec.podCIDRs } }),
    }),
    managedEntry({
      manager: 'kubelet',
      apiVersion: 'v1',
      time: SNAPSHOT_EPOCH - 40,
      subresource: 'status',
      fields: fieldsOf({ status: { conditions: status.conditions, images: [], nodeInfo: status.nodeInfo } }),
    }),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: objectMeta({
      name: node.name,
      uid: node.uid,
      created: node.created,
      rng,
      labels: node.labels,
      annotations,
      managedFields,
    }),
    spec,
    status,
  };
}
