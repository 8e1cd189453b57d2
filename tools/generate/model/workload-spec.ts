import type { StringMap } from '../json-types.js';

/** Controllers that own pods in the generated cluster. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** A container port; `name` lets Services and NetworkPolicies refer to it by name. */
export interface PortSpec {
  readonly name: string;
  readonly containerPort: number;
  readonly protocol?: 'TCP' | 'UDP';
  readonly hostPort?: number;
}

/** One environment variable, literal or taken from a Secret or the downward API. */
export type EnvSpec =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly secret: string; readonly key: string }
  | { readonly name: string; readonly fieldPath: string };

/** A volume mounted into a container. */
export interface MountSpec {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
}

/** Container-level securityContext knobs; unset means the field is absent. */
export interface ContainerSecuritySpec {
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly addCapabilities?: readonly string[];
  readonly dropAll?: boolean;
}

/** Everything needed to render one container of a pod template. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly ports: readonly PortSpec[];
  readonly env: readonly EnvSpec[];
  readonly mounts: readonly MountSpec[];
  readonly requests?: { readonly cpu: string; readonly memory: string };
  readonly limits?: { readonly cpu?: string; readonly memory: string };
  /** HTTP paths of the liveness and readiness probes, when the container has them. */
  readonly liveness?: string;
  readonly readiness?: string;
  readonly security: ContainerSecuritySpec;
}

/** A pod volume; exactly one source is set. */
export interface VolumeSpec {
  readonly name: string;
  readonly emptyDir?: { readonly medium?: string; readonly sizeLimit?: string };
  readonly hostPath?: { readonly path: string; readonly type?: string };
  readonly configMap?: string;
  readonly secret?: string;
  readonly claim?: string;
}

/** Pod-level securityContext knobs. */
export interface PodSecuritySpec {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly seccompRuntimeDefault?: boolean;
}

/** A toleration as it appears in a pod spec. */
export interface TolerationSpec {
  readonly key?: string;
  readonly operator: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
  readonly tolerationSeconds?: number;
}

/** Which nodes a DaemonSet runs on. */
export type NodeFilter = 'all' | 'workers' | 'gpu';

/**
 * A workload described as plain data. All randomness is spent building this record; the
 * builders that render controllers and pods from it are pure, so templates and pods agree.
 */
export interface WorkloadSpec {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  readonly selector: StringMap;
  readonly podLabels: StringMap;
  readonly labels: StringMap;
  readonly podAnnotations: StringMap;
  readonly replicas: number;
  readonly containers: readonly ContainerSpec[];
  readonly serviceAccount: string;
  readonly automountToken?: boolean;
  readonly hostPID?: boolean;
  readonly hostNetwork?: boolean;
  readonly podSecurity: PodSecuritySpec;
  readonly volumes: readonly VolumeSpec[];
  readonly nodeSelector?: StringMap;
  readonly tolerations?: readonly TolerationSpec[];
  readonly priorityClassName?: string;
  /** Ask the scheduler to spread replicas across nodes (preferred pod anti-affinity). */
  readonly spread?: boolean;
  readonly nodes?: NodeFilter;
  readonly pool?: string;
  readonly schedule?: string;
  readonly created: number;
  readonly revision: number;
  readonly lastApplied: boolean;
}
