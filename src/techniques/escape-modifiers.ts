/**
 * Linux security modules that stand between a capability and the host. The container runtimes' default
 * AppArmor profile (containerd `cri-containerd.apparmor.d`, moby `docker-default`) denies `mount` and only allows
 * `ptrace` between processes under the same profile, which is what the SYS_ADMIN and ptrace escapes need.
 * SELinux's `container_t` likewise stops them; `spc_t` (super-privileged) and `unconfined_t` do not.
 *
 * Seccomp `RuntimeDefault` is deliberately NOT a modifier here: the runtimes' default profile (moby
 * profiles/seccomp/default.json, containerd contrib/seccomp) allows `mount`, `setns` and `unshare` whenever
 * CAP_SYS_ADMIN is granted, and `ptrace` (kernel 4.8+) and `process_vm_writev` whenever CAP_SYS_PTRACE is, so it
 * does not lower these escapes once the capability is there.
 */
import type { Container } from '../model/types.js';

/** SELinux types that do not confine a container. */
const UNCONFINED_SELINUX: ReadonlySet<string> = new Set(['spc_t', 'unconfined_t']);

/** How an LSM confines the container, as the escape sees it. */
export type Confinement =
  /** An explicit AppArmor profile or a confining SELinux type: the kubelet refuses the pod where it cannot apply it. */
  | 'confined'
  /** Nothing stated: the runtime applies its default AppArmor profile on AppArmor nodes, nothing elsewhere. */
  | 'default'
  /** AppArmor `Unconfined` stated. */
  | 'unconfined';

/** The confinement of one container, with the reason in words for evidence. */
export function confinementOf(container: Container): { readonly kind: Confinement; readonly says: string } {
  const sc = container.securityContext;
  const name = `container ${container.name}`;
  if (sc.appArmor === 'RuntimeDefault' || sc.appArmor === 'Localhost')
    return { kind: 'confined', says: `${name} runs under AppArmor profile ${sc.appArmor}` };
  if (sc.seLinuxType !== undefined && !UNCONFINED_SELINUX.has(sc.seLinuxType))
    return { kind: 'confined', says: `${name} runs as SELinux type ${sc.seLinuxType}` };
  if (sc.appArmor === 'Unconfined')
    return { kind: 'unconfined', says: `${name} runs with AppArmor profile Unconfined` };
  return {
    kind: 'default',
    says: `${name} states no AppArmor profile: the runtime default applies only on nodes with AppArmor`,
  };
}
