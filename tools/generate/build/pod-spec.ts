import type { JsonObject, JsonValue, StringMap } from '../json-types.js';
import type { MountSpec, TolerationSpec, WorkloadSpec } from '../model/workload-spec.js';
import { renderContainer } from './container.js';
import { renderVolume, tokenMount, tokenVolume } from './volumes.js';

const PRIORITIES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function podSecurityContext(w: WorkloadSpec): JsonObject {
  const s = w.podSecurity;
  return {
    fsGroup: s.fsGroup,
    runAsGroup: s.runAsGroup,
    runAsNonRoot: s.runAsNonRoot,
    runAsUser: s.runAsUser,
    seccompProfile: s.seccompRuntimeDefault ? { type: 'RuntimeDefault' } : undefined,
  };
}

function restartPolicy(w: WorkloadSpec): string {
  return w.kind === 'Job' || w.kind === 'CronJob' ? 'Never' : 'Always';
}

function antiAffinity(w: WorkloadSpec): JsonObject | undefined {
  if (!w.spread) return undefined;
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          podAffinityTerm: {
            labelSelector: { matchLabels: w.selector },
            topologyKey: 'kubernetes.io/hostname',
          },
          weight: 100,
        },
      ],
    },
  };
}

/** Pod-only additions: the node, the token volume and the scheduler's default tolerations. */
export interface PodExtras {
  readonly nodeName: string;
  readonly tokenVolume?: string;
  readonly affinity?: JsonObject;
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly claims?: readonly {
    readonly volume: string;
    readonly claim: string;
    readonly mountPath: string;
  }[];
  readonly tolerations: readonly TolerationSpec[];
}

/** `spec` of a pod template, or of a pod when `extras` is given. */
export function renderPodSpec(w: WorkloadSpec, extras?: PodExtras): JsonObject {
  const tokenMounts: MountSpec[] = extras?.tokenVolume ? [tokenMount(extras.tokenVolume)] : [];
  const claimMounts: MountSpec[] = (extras?.claims ?? []).map((c) => ({
    name: c.volume,
    mountPath: c.mountPath,
  }));
  const containers = w.containers.map((c, i) =>
    renderContainer(c, {
      hostNetwork: w.hostNetwork,
      extraMounts: [...(i === 0 ? claimMounts : []), ...tokenMounts],
    }),
  );
  const volumes: JsonValue[] = [
    ...(extras?.claims ?? []).map((c) => ({ name: c.volume, persistentVolumeClaim: { claimName: c.claim } })),
    ...w.volumes.map(renderVolume),
    ...(extras?.tokenVolume ? [tokenVolume(extras.tokenVolume)] : []),
  ];
  const tolerations = [...(w.tolerations ?? []), ...(extras?.tolerations ?? [])];
  const priority = w.priorityClassName === undefined ? 0 : (PRIORITIES[w.priorityClassName] ?? 1000);
  return {
    affinity: extras?.affinity ?? antiAffinity(w),
    automountServiceAccountToken: w.automountToken,
    containers,
    dnsPolicy: w.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    enableServiceLinks: extras ? true : undefined,
    hostNetwork: w.hostNetwork,
    hostPID: w.hostPID,
    hostname: extras?.hostname,
    nodeName: extras?.nodeName,
    nodeSelector: w.nodeSelector as StringMap | undefined,
    preemptionPolicy: extras ? 'PreemptLowerPriority' : undefined,
    priority: extras ? priority : undefined,
    priorityClassName: w.priorityClassName,
    restartPolicy: restartPolicy(w),
    schedulerName: 'default-scheduler',
    securityContext: podSecurityContext(w),
    serviceAccount: w.serviceAccount,
    serviceAccountName: w.serviceAccount,
    subdomain: extras?.subdomain,
    terminationGracePeriodSeconds: 30,
    tolerations: tolerations.length > 0 ? tolerations.map((t) => ({ ...t })) : undefined,
    volumes: volumes.length > 0 ? volumes : undefined,
  };
}

/** `spec.template` of a controller; extra labels carry hashes like pod-template-hash. */
export function renderTemplate(w: WorkloadSpec, extraLabels: StringMap = {}): JsonObject {
  return {
    metadata: {
      annotations: w.podAnnotations,
      creationTimestamp: null,
      labels: { ...w.podLabels, ...extraLabels },
    },
    spec: renderPodSpec(w),
  };
}
