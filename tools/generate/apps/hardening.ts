import type { ContainerSecuritySpec, PodSecuritySpec } from '../model/workload-spec.js';

/** How carefully a workload's securityContext was written. */
export type Hardening = 'full' | 'partial' | 'none';

/** Pod-level securityContext for a hardening level. */
export function podSecurity(level: Hardening): PodSecuritySpec {
  if (level === 'full') {
    return {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompRuntimeDefault: true,
    };
  }
  return level === 'partial' ? { runAsNonRoot: true, fsGroup: 2000 } : {};
}

/** Container-level securityContext for a hardening level. */
export function containerSecurity(level: Hardening): ContainerSecuritySpec {
  if (level === 'full') {
    return {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      dropAll: true,
    };
  }
  return level === 'partial' ? { allowPrivilegeEscalation: false } : {};
}
