import type { KubeObject, StringMap } from '../json-types.js';
import type { NodePlan } from '../model/plan-types.js';
import type { TolerationSpec, WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { fieldsOf, managedEntry } from './managed-fields.js';
import { type OwnerRef, objectMeta, ownerReference } from './meta.js';
import { type PodExtras, renderPodSpec } from './pod-spec.js';
import { renderPodStatus } from './pod-status.js';

const EVICTION: readonly TolerationSpec[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

// The DaemonSet controller adds these so node agents survive node conditions.
const DAEMON: readonly TolerationSpec[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** One pod to render: which workload, who owns it, where it runs. */
export interface PodInput {
  readonly workload: WorkloadSpec;
  readonly name: string;
  readonly generateName?: string;
  readonly owner: OwnerRef;
  readonly labels: StringMap;
  readonly node: NodePlan;
  readonly podIp: string;
  readonly created: number;
  readonly mountToken: boolean;
  readonly extras?: Pick<PodExtras, 'affinity' | 'hostname' | 'subdomain' | 'claims'>;
  readonly rng: Random;
}

/** A Pod as `kubectl get pod -o json` shows it, status included. */
export function renderPod(input: PodInput): KubeObject {
  const { workload: w, rng } = input;
  const daemon = w.kind === 'DaemonSet';
  const tolerations = daemon
    ? [
        ...DAEMON,
        ...(w.hostNetwork
          ? [
              {
                key: 'node.kubernetes.io/network-unavailable',
                operator: 'Exists' as const,
                effect: 'NoSchedule' as const,
              },
            ]
          : []),
      ]
    : EVICTION;
  const spec = renderPodSpec(w, {
    ...input.extras,
    nodeName: input.node.name,
    tokenVolume: input.mountToken ? `kube-api-access-${rng.suffix(5)}` : undefined,
    tolerations,
  });
  const succeeded = w.kind === 'Job' || w.kind === 'CronJob';
  const status = renderPodStatus({
    containers: w.containers,
    hostIp: input.node.internalIp,
    podIp: input.podIp,
    started: input.created + 1,
    succeeded,
    rng,
  });
  const labels = { ...w.podLabels, ...input.labels };
  const managedFields = () => [
    managedEntry({
      manager: 'kube-controller-manager',
      apiVersion: 'v1',
      time: input.created,
      fields: fieldsOf({
        metadata: {
          annotations: w.podAnnotations,
          generateName: input.generateName,
          labels,
          ownerReferences: [ownerReference(input.owner)],
        },
        spec: { ...spec, nodeName: undefined },
      }),
    }),
    managedEntry({
      manager: 'kubelet',
      apiVersion: 'v1',
      time: input.created + 30,
      subresource: 'status',
      fields: fieldsOf({ status }),
    }),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta({
      name: input.name,
      namespace: w.namespace,
      uid: rng.uid(),
      created: input.created,
      rng,
      labels,
      annotations: w.podAnnotations,
      generateName: input.generateName,
      owner: input.owner,
      managedFields,
    }),
    spec,
    status,
  };
}
