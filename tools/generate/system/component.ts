import { type Hardening, podSecurity } from '../apps/hardening.js';
import { makeWorkload } from '../apps/make-workload.js';
import type { StringMap } from '../json-types.js';
import { addHostPath, type HostMount, patchContainer, patchSecurity } from '../model/workload-patch.js';
import type {
  ContainerSecuritySpec,
  NodeFilter,
  PortSpec,
  TolerationSpec,
  WorkloadKind,
  WorkloadSpec,
} from '../model/workload-spec.js';
import type { Random } from '../random.js';

/** Tolerate every taint: what node agents do so they run on control-plane and tainted nodes too. */
export const TOLERATE_ALL: readonly TolerationSpec[] = [{ operator: 'Exists' }];

/** Tolerate the control-plane taint only. */
export const TOLERATE_CONTROL_PLANE: readonly TolerationSpec[] = [
  { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
];

/** A cluster add-on, described tersely; `component` fills in the rest. */
export interface ComponentOptions {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  readonly selector: StringMap;
  readonly image: string;
  readonly ports: readonly PortSpec[];
  readonly sidecar: readonly [name: string, image: string, port: number];
  readonly replicas?: number;
  readonly serviceAccount: string;
  /** Node agents that never call the API server turn the token off. */
  readonly automountToken?: boolean;
  readonly hardening: Hardening;
  readonly security?: ContainerSecuritySpec;
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostMounts?: readonly HostMount[];
  readonly nodes?: NodeFilter;
  readonly tolerations?: readonly TolerationSpec[];
  readonly nodeSelector?: StringMap;
  readonly priorityClassName?: string;
  readonly created: number;
}

/** A system workload: same factory as apps, then the privileges real add-ons ask for. */
export function component(options: ComponentOptions, rng: Random): WorkloadSpec {
  const base = makeWorkload(
    {
      kind: options.kind,
      name: options.name,
      namespace: options.namespace,
      env: 'prod',
      selector: options.selector,
      labels: {},
      image: options.image,
      port: options.ports[0]!,
      sidecar: options.sidecar,
      replicas: options.replicas ?? 1,
      serviceAccount: options.serviceAccount,
      automountToken: options.automountToken ?? true,
      hardening: options.hardening,
      envCount: rng.int(1, 4),
      size: 'medium',
      created: options.created,
    },
    rng,
  );
  let spec: WorkloadSpec = patchContainer(base, 0, { ports: options.ports });
  if (options.security) spec = patchSecurity(spec, 0, options.security);
  for (const mount of options.hostMounts ?? []) spec = addHostPath(spec, mount);
  return {
    ...spec,
    podSecurity: options.hostNetwork || options.security?.privileged ? podSecurity('none') : spec.podSecurity,
    hostNetwork: options.hostNetwork,
    hostPID: options.hostPID,
    nodes: options.nodes,
    tolerations: options.tolerations,
    nodeSelector: options.nodeSelector,
    priorityClassName: options.priorityClassName,
  };
}
