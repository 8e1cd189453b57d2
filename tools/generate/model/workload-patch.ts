import type { ContainerSecuritySpec, ContainerSpec, WorkloadSpec } from './workload-spec.js';

/** Replace fields of one container, leaving the others untouched. */
export function patchContainer(
  spec: WorkloadSpec,
  index: number,
  patch: Partial<ContainerSpec>,
): WorkloadSpec {
  return { ...spec, containers: spec.containers.map((c, i) => (i === index ? { ...c, ...patch } : c)) };
}

/** Merge securityContext fields into one container. */
export function patchSecurity(spec: WorkloadSpec, index: number, patch: ContainerSecuritySpec): WorkloadSpec {
  const container = spec.containers[index]!;
  return patchContainer(spec, index, { security: { ...container.security, ...patch } });
}

/** Where a hostPath goes and how it is mounted into the first container. */
export interface HostMount {
  readonly name: string;
  readonly path: string;
  readonly mountPath: string;
  readonly type?: string;
  readonly readOnly?: boolean;
}

/** Add a hostPath volume and mount it into the first container. */
export function addHostPath(spec: WorkloadSpec, mount: HostMount): WorkloadSpec {
  const main = spec.containers[0]!;
  const withVolume: WorkloadSpec = {
    ...spec,
    volumes: [...spec.volumes, { name: mount.name, hostPath: { path: mount.path, type: mount.type } }],
  };
  return patchContainer(withVolume, 0, {
    mounts: [...main.mounts, { name: mount.name, mountPath: mount.mountPath, readOnly: mount.readOnly }],
  });
}
